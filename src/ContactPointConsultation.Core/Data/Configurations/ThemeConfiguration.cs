using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(AnalysisLimits.ThemeNameMaxLength);
        builder.Property(t => t.NormalizedName).HasMaxLength(AnalysisLimits.ThemeNameMaxLength);
        builder.Property(t => t.Description).HasMaxLength(AnalysisLimits.ThemeTextMaxLength);
        builder.Property(t => t.IncludeWhen).HasMaxLength(AnalysisLimits.ThemeTextMaxLength);
        builder.Property(t => t.ExcludeWhen).HasMaxLength(AnalysisLimits.ThemeTextMaxLength);
        builder.Property(t => t.Example).HasMaxLength(AnalysisLimits.ThemeTextMaxLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Property(t => t.RetiredBy).HasMaxLength(256);
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(t => t.IsRetired);
        builder.Ignore(t => t.IsFixed);

        // A name is a theme's identity within its question, retired or not: the CSV import finds themes by
        // it, and two analysts adding the same name at once cannot both succeed. Normalised, so "Privacy"
        // and "privacy " are one name on every provider, whatever its collation.
        builder.HasIndex(t => new { t.QuestionNumber, t.NormalizedName }).IsUnique();
        builder.HasIndex(t => t.ExchangeId).IsUnique();
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}
