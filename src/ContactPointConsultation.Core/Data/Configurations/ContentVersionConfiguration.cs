using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();

        // The database itself guarantees one live version and at most one draft. Plain SQL that both
        // SQLite and SQL Server accept; the enum is stored by name.
        builder.HasIndex(v => v.State).IsUnique().HasFilter("\"State\" IN ('Draft', 'Live')").HasDatabaseName("IX_ContentVersions_OneDraftOneLive");
        builder.Property(v => v.ConsultationName).HasMaxLength(200);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.AgeGroupQuestion).HasMaxLength(200);
        builder.Property(v => v.AnsweringAsQuestion).HasMaxLength(200);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(v => v.Questions).WithOne().HasForeignKey(q => q.ContentVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.OptionLabels).WithOne().HasForeignKey(o => o.ContentVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
