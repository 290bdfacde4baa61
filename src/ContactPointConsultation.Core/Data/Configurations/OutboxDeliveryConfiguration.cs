using ContactPointConsultation.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> builder)
    {
        builder.Property(d => d.Recipient).HasMaxLength(256);

        // Once per recipient: a second delivery of the same message to the same address cannot be recorded.
        builder.HasIndex(d => new { d.MessageId, d.Recipient }).IsUnique();
    }
}
