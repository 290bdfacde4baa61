using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CommentTagConfiguration : IEntityTypeConfiguration<CommentTag>
{
    public void Configure(EntityTypeBuilder<CommentTag> builder)
    {
        builder.Property(t => t.TaggedBy).HasMaxLength(256);

        // A theme is on a comment once, whoever ticked it: two analysts ticking the same theme at the same
        // moment make one tag, not two. The index also finds a comment's tags, and the queue's untagged ones.
        builder.HasIndex(t => new { t.ResponseId, t.QuestionNumber, t.ThemeId }).IsUnique();
        builder.HasIndex(t => t.ThemeId);

        // A withdrawn response takes its tags with it; a theme is never deleted, only retired.
        builder.HasOne<ResponseAnswer>().WithMany().HasForeignKey(t => new { t.ResponseId, t.QuestionNumber }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
