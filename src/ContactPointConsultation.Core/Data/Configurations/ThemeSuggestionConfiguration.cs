using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ThemeSuggestionConfiguration : IEntityTypeConfiguration<ThemeSuggestion>
{
    public void Configure(EntityTypeBuilder<ThemeSuggestion> builder)
    {
        builder.HasKey(s => new { s.ResponseId, s.QuestionNumber, s.Rank });
        builder.HasIndex(s => s.ThemeId);

        // A withdrawn response takes its suggestions with it; a theme is never deleted, only retired.
        builder.HasOne<ResponseAnswer>().WithMany().HasForeignKey(s => new { s.ResponseId, s.QuestionNumber }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(s => s.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
