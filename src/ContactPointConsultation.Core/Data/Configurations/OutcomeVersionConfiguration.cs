using ContactPointConsultation.Core.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class OutcomeVersionConfiguration : IEntityTypeConfiguration<OutcomeVersion>
{
    public void Configure(EntityTypeBuilder<OutcomeVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();

        // The database itself holds at most one draft and one published version, even with two admins on two nodes.
        builder.HasIndex(v => v.State).IsUnique().HasFilter("\"State\" IN ('Draft', 'Published')").HasDatabaseName("IX_OutcomeVersions_OneDraftOnePublished");
        builder.Property(v => v.Summary).HasMaxLength(OutcomeLimits.TextMaxLength);
        builder.Property(v => v.SummaryEasyRead).HasMaxLength(OutcomeLimits.TextMaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(v => v.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Questions).WithOne().HasForeignKey(q => q.OutcomeVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
