using ContactPointConsultation.Core.Paper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class PaperCheckConfiguration : IEntityTypeConfiguration<PaperCheck>
{
    public void Configure(EntityTypeBuilder<PaperCheck> builder)
    {
        builder.Property(c => c.EnteredBy).HasMaxLength(256);
        builder.Property(c => c.CheckedBy).HasMaxLength(256);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);

        // One check a response; the queue reads the waiting ones, oldest first.
        builder.HasIndex(c => c.ResponseId).IsUnique();
        builder.HasIndex(c => new { c.Status, c.Id });

        // A withdrawn response takes its check with it; the error rates are of the checks still held.
        builder.HasOne<Response>().WithMany().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
