using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CodingSampleTagConfiguration : IEntityTypeConfiguration<CodingSampleTag>
{
    public void Configure(EntityTypeBuilder<CodingSampleTag> builder)
    {
        builder.HasKey(t => new { t.ItemId, t.Round, t.ThemeId });
        builder.Property(t => t.CodedBy).HasMaxLength(256);
        builder.HasOne<CodingSampleItem>().WithMany().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
