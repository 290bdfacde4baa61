using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ThemeTallyConfiguration : IEntityTypeConfiguration<ThemeTally>
{
    public void Configure(EntityTypeBuilder<ThemeTally> builder)
    {
        // The question first: a theme table reads one question's rows.
        builder.HasKey(t => new { t.QuestionNumber, t.ThemeId, t.Day, t.ContentVersionId, t.AgeGroup, t.AnsweringAs, t.Choice });
        builder.Property(t => t.AgeGroup).HasMaxLength(32);
        builder.Property(t => t.AnsweringAs).HasMaxLength(32);
        builder.Property(t => t.Choice).HasMaxLength(16);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(t => t.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
