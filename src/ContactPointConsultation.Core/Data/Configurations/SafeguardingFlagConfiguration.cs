using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class SafeguardingFlagConfiguration : IEntityTypeConfiguration<SafeguardingFlag>
{
    public void Configure(EntityTypeBuilder<SafeguardingFlag> builder)
    {
        builder.Property(f => f.Reason).HasMaxLength(SafeguardingLimits.ScreenReasonMaxLength);
        builder.Property(f => f.Categories).HasMaxLength(SafeguardingLimits.CategoriesMaxLength);
        builder.Property(f => f.FlaggedBy).HasMaxLength(256);
        builder.Property(f => f.ScreenVersion).HasMaxLength(16);
    }
}
