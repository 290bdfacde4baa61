using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CommentNoteConfiguration : IEntityTypeConfiguration<CommentNote>
{
    public void Configure(EntityTypeBuilder<CommentNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(AnalysisLimits.NoteMaxLength);
        builder.Property(n => n.WrittenBy).HasMaxLength(256);
        builder.HasIndex(n => new { n.ResponseId, n.QuestionNumber });
        builder.HasOne<ResponseAnswer>().WithMany().HasForeignKey(n => new { n.ResponseId, n.QuestionNumber }).OnDelete(DeleteBehavior.Cascade);
    }
}
