using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ResponseAnswerConfiguration : IEntityTypeConfiguration<ResponseAnswer>
{
    public void Configure(EntityTypeBuilder<ResponseAnswer> builder)
    {
        builder.HasKey(a => new { a.ResponseId, a.QuestionNumber });
        builder.Property(a => a.Comments).HasMaxLength(ConsultationLimits.CommentMaxLength);
        builder.HasIndex(a => new { a.QuestionNumber, a.Choice });
    }
}
