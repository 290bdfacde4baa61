using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class SafeguardingItemConfiguration : IEntityTypeConfiguration<SafeguardingItem>
{
    public void Configure(EntityTypeBuilder<SafeguardingItem> builder)
    {
        builder.Property(i => i.Reference).HasMaxLength(ReferenceCode.Length);
        builder.Property(i => i.OriginalText).HasMaxLength(ConsultationLimits.CommentMaxLength);
        builder.Property(i => i.ReleasedText).HasMaxLength(ConsultationLimits.CommentMaxLength);
        builder.Property(i => i.FirstOpenedBy).HasMaxLength(256);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();

        // One item a comment: a second flag on the same comment joins it. Every page and download finds a
        // comment's item by this index.
        builder.HasIndex(i => new { i.ResponseId, i.QuestionNumber }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.CreatedAt });

        // The record outlives the response: deleting a response leaves the item, with its own copy.
        builder.HasOne<Response>().WithMany().HasForeignKey(i => i.ResponseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Flags).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Decisions).WithOne().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
