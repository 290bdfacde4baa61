using ContactPointConsultation.Core.Paper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class PaperImportConfiguration : IEntityTypeConfiguration<PaperImport>
{
    public void Configure(EntityTypeBuilder<PaperImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(PaperLimits.ImportFileNameMaxLength);
        builder.Property(i => i.FileDigest).HasMaxLength(EntryDigest.Length);
        builder.Property(i => i.LookalikeDigest).HasMaxLength(EntryDigest.Length);
        builder.Property(i => i.Batch).HasMaxLength(PaperLimits.BatchMaxLength);
        builder.Property(i => i.UploadedBy).HasMaxLength(256);
        builder.Property(i => i.ImportedBy).HasMaxLength(256);
        builder.Property(i => i.DuplicateReason).HasMaxLength(PaperLimits.DuplicateReasonMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => i.ImportKey).IsUnique();

        // The same file is imported once, even by two people on two web nodes at the same moment; it may be
        // uploaded and checked any number of times.
        builder.HasIndex(i => i.FileDigest).IsUnique().HasFilter("\"Status\" = 'Imported'");

        // Checked files left unimported are deleted after a day, oldest first.
        builder.HasIndex(i => new { i.Status, i.UploadedAt });
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(i => i.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<PaperImportChunk>().WithOne().HasForeignKey(c => c.PaperImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
