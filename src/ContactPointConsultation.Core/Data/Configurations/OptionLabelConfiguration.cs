using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class OptionLabelConfiguration : IEntityTypeConfiguration<OptionLabel>
{
    public void Configure(EntityTypeBuilder<OptionLabel> builder)
    {
        builder.HasIndex(o => new { o.ContentVersionId, o.Field, o.Value }).IsUnique();
        builder.Property(o => o.Field).HasMaxLength(32);
        builder.Property(o => o.Value).HasMaxLength(32);
        builder.Property(o => o.Label).HasMaxLength(200);
    }
}
