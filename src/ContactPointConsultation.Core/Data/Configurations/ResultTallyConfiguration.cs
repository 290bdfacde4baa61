using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ResultTallyConfiguration : IEntityTypeConfiguration<ResultTally>
{
    public void Configure(EntityTypeBuilder<ResultTally> builder)
    {
        // The key is what a send's upsert looks its rows up by; the day first, so a date filter reads a range.
        builder.HasKey(t => new { t.Day, t.ContentVersionId, t.AgeGroup, t.AnsweringAs, t.QuestionNumber, t.Choice });
        builder.Property(t => t.AgeGroup).HasMaxLength(32);
        builder.Property(t => t.AnsweringAs).HasMaxLength(32);
        builder.Property(t => t.Choice).HasMaxLength(16);
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(t => t.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
