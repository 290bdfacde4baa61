using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class QuestionWordingConfiguration : IEntityTypeConfiguration<QuestionWording>
{
    public void Configure(EntityTypeBuilder<QuestionWording> builder)
    {
        builder.HasIndex(q => new { q.ContentVersionId, q.Number }).IsUnique();
        builder.Property(q => q.SectionTitle).HasMaxLength(200);
        builder.Property(q => q.Question).HasMaxLength(1000);
        builder.Property(q => q.CommentPrompt).HasMaxLength(1000);
    }
}
