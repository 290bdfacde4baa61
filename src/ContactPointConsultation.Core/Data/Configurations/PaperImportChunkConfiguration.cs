using ContactPointConsultation.Core.Paper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class PaperImportChunkConfiguration : IEntityTypeConfiguration<PaperImportChunk>
{
    public void Configure(EntityTypeBuilder<PaperImportChunk> builder)
    {
        builder.HasKey(c => new { c.PaperImportId, c.Sequence });
        builder.Property(c => c.Data).HasMaxLength(PaperImportChunk.Size);
    }
}
