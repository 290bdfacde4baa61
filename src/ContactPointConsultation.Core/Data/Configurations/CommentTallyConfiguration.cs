using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CommentTallyConfiguration : IEntityTypeConfiguration<CommentTally>
{
    public void Configure(EntityTypeBuilder<CommentTally> builder)
    {
        builder.HasKey(t => new { t.QuestionNumber, t.Day, t.ContentVersionId, t.AgeGroup, t.AnsweringAs });
        builder.Property(t => t.AgeGroup).HasMaxLength(32);
        builder.Property(t => t.AnsweringAs).HasMaxLength(32);
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(t => t.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
