using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class SuggestedCommentConfiguration : IEntityTypeConfiguration<SuggestedComment>
{
    public void Configure(EntityTypeBuilder<SuggestedComment> builder)
    {
        builder.HasKey(s => new { s.ResponseId, s.QuestionNumber });
        builder.Property(s => s.CodebookKey).HasMaxLength(32);

        // The job's "waiting" query: a question's comments with no row for its current codebook.
        builder.HasIndex(s => new { s.QuestionNumber, s.CodebookKey });
        builder.HasOne<ResponseAnswer>().WithMany().HasForeignKey(s => new { s.ResponseId, s.QuestionNumber }).OnDelete(DeleteBehavior.Cascade);
    }
}
