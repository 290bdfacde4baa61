using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.Property(d => d.ResumeCodeHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.ResumeCodeHash).IsUnique();
        builder.HasIndex(d => d.ExpiresAt);
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(d => d.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Answers).WithOne().HasForeignKey(a => a.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
