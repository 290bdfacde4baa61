using ContactPointConsultation.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(128);
        builder.HasIndex(m => new { m.CompletedAt, m.NextAttemptAt });

        // A message outlives nothing it is about: deleting a safeguarding record deletes its messages.
        builder.HasOne<Safeguarding.SafeguardingItem>().WithMany().HasForeignKey(m => m.SafeguardingItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Deliveries).WithOne().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
