using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class DraftAnswerConfiguration : IEntityTypeConfiguration<DraftAnswer>
{
    public void Configure(EntityTypeBuilder<DraftAnswer> builder)
    {
        builder.HasKey(a => new { a.DraftId, a.QuestionNumber });
        builder.Property(a => a.Comments).HasMaxLength(ConsultationLimits.CommentMaxLength);
    }
}
