using ContactPointConsultation.Core.Paper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(ReferenceCode.Length);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.HasIndex(r => r.SubmittedAt);

        builder.Property(r => r.Batch).HasMaxLength(PaperLimits.BatchMaxLength);
        builder.Property(r => r.EnteredBy).HasMaxLength(256);

        // The entered responses, few beside the online ones, which the results count from themselves when a
        // channel is chosen (the tallies are not kept by channel).
        builder.HasIndex(r => r.Channel).HasFilter("\"Channel\" <> 'Online'").HasDatabaseName("IX_Responses_Entered");

        // The entered responses of a batch, for the results' and downloads' batch.
        builder.HasIndex(r => r.Batch).HasFilter("\"Batch\" IS NOT NULL");

        // One form typed in twice is stored once, even by two people on two web nodes at the same moment,
        // unless someone said why the second is a different response.
        builder.Property(r => r.EntryDigest).HasMaxLength(EntryDigest.Length);
        builder.Property(r => r.DuplicateReason).HasMaxLength(PaperLimits.DuplicateReasonMaxLength);
        builder.HasIndex(r => r.EntryDigest).IsUnique().HasFilter("\"EntryDigest\" IS NOT NULL AND \"DuplicateReason\" IS NULL");

        // The responses a spreadsheet brought, for the retention sweep's "none of its responses left". No foreign
        // key: SQLite adds one only by rebuilding the table of responses, which takes minutes at a million rows and
        // drops the defaults its columns were added with, which direct inserts rely on. An import's record is
        // never deleted while a response names it (RetentionSweep deletes it once none does).
        builder.HasIndex(r => r.PaperImportId).HasFilter("\"PaperImportId\" IS NOT NULL");

        // Only the responses still to be screened, so finding them stays as quick with a million responses
        // as with none; their entries are in id order, the order they are screened in.
        builder.HasIndex(r => r.ScreenedAt).HasFilter("\"ScreenedAt\" IS NULL").HasDatabaseName("IX_Responses_Unscreened");
        builder.HasOne<ContentVersion>().WithMany().HasForeignKey(r => r.ContentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
