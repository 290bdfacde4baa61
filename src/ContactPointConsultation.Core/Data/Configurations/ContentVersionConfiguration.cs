using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.ConsultationName).HasMaxLength(200);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(v => v.Questions).WithOne().HasForeignKey(q => q.ContentVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
