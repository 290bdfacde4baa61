using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ResponseAnswerConfiguration : IEntityTypeConfiguration<ResponseAnswer>
{
    public void Configure(EntityTypeBuilder<ResponseAnswer> builder)
    {
        builder.HasKey(a => new { a.ResponseId, a.QuestionNumber });
        builder.Property(a => a.Comments).HasMaxLength(ConsultationLimits.CommentMaxLength);
        builder.HasIndex(a => new { a.QuestionNumber, a.Choice });

        // The answers with a comment, by question then response: what analysis counts, queues and lists. The
        // table's rows hold the comments themselves, so without it every count reads every answer in full.
        builder.HasIndex(a => new { a.QuestionNumber, a.ResponseId }, "IX_ResponseAnswers_Comments").HasFilter("\"Comments\" IS NOT NULL");

        // Only the comments nobody has tagged yet, in the tagging queue's order: its next comment is the first
        // entry that analysts may read, however many before it are tagged.
        builder.HasIndex(a => new { a.QuestionNumber, a.ResponseId }, "IX_ResponseAnswers_Untagged").HasFilter("\"Comments\" IS NOT NULL AND \"TaggedAt\" IS NULL");
    }
}
