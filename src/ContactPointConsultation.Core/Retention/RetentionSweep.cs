using System.Data;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Retention;

public sealed record RetentionResult(int DraftsDeleted, int ResponsesDeleted, int SafeguardingRecordsDeleted = 0, int UnimportedFilesDeleted = 0);

/// <summary>
/// Keeps only what the privacy notice promises: answers not sent are deleted once they can no longer be
/// sent (and spreadsheets of responses checked but never imported, after a day), and responses once the
/// retention period after closing has passed. The dates are the live
/// version's, so an admin moving the closing date moves both. A response with a comment still waiting
/// for a safeguarding decision is kept until the decision, and one the screen has not read yet until it
/// has (it may hold a disclosure); safeguarding records keep their own period
/// (<see cref="SafeguardingOptions.RetentionMonths"/>) from their last decision.
/// </summary>
public sealed class RetentionSweep(
    ConsultationDbContext db,
    AuditLog audit,
    DatabaseClock clock,
    IOptions<ConsultationOptions> options,
    IOptions<SafeguardingOptions> safeguarding)
{
    public const string Actor = "retention";

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        // The live dates from the database, never a node's cache of them: on another web node an admin may have
        // just moved the closing date on, and a cached date would delete drafts the extension keeps usable.
        var live = await db.ContentVersions.AsNoTracking()
            .Where(v => v.State == ContentVersionState.Live)
            .Select(v => new { v.ClosesAt })
            .SingleAsync(cancellationToken);
        // The database's time, not this node's: whichever node sweeps, drafts go when the closing date has passed.
        var now = await clock.UtcNowAsync(db, cancellationToken);

        // Answers go with their draft or response: the foreign keys cascade in the database. Only once the
        // consultation has closed: a draft's own ExpiresAt may have been written from a cache that had not yet
        // seen an extension, so it alone is not trusted while the live closing date is still ahead.
        var drafts = now >= live.ClosesAt ? await DeleteDraftsAsync(cancellationToken) : 0;

        // Rate limits' counts whose window has ended (and download claims that ran out) count for nothing.
        await db.RateCounters.Where(c => c.WindowEnds < now).ExecuteDeleteAsync(cancellationToken);

        // A spreadsheet checked but never imported is held a day, as a draft is held until it can no longer be sent.
        var imports = await PaperImporting.DeleteUnimportedAsync(db, now - PaperImporting.HeldFor, cancellationToken);
        var responses = now >= live.ClosesAt.AddMonths(options.Value.RetentionMonths) ? await DeleteResponsesAsync(cancellationToken) : 0;
        if (drafts + responses + imports > 0)
        {
            await audit.RecordAsync(Actor, AuditActions.RetentionSweep, details: new { DraftsDeleted = drafts, ResponsesDeleted = responses, UnimportedFilesDeleted = imports }, cancellationToken: cancellationToken);
        }

        // A record goes whole, with its flags, decisions and notifications; never one still waiting.
        var decidedBefore = now.AddMonths(-safeguarding.Value.RetentionMonths);
        var records = await DeleteRecordsAsync(decidedBefore, cancellationToken);
        if (records > 0)
        {
            await audit.RecordAsync(Actor, AuditActions.SafeguardingRetentionSweep, details: new { RecordsDeleted = records }, cancellationToken: cancellationToken);
        }

        return new RetentionResult(drafts, responses, records, imports);
    }

    /// <summary>Drafts per statement: each a short write, so a sweep of many never holds the database for long.</summary>
    public const int DraftsPerBatch = 1000;

    /// <summary>
    /// Every draft, a batch at a time: each batch its own statement and commit, so answers being saved on other nodes
    /// wait at most one batch. Drafts have no tallies, so a sweep stopped half-way leaves nothing to put right.
    /// </summary>
    private async Task<int> DeleteDraftsAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            var batch = db.Drafts.OrderBy(d => d.Id).Select(d => d.Id).Take(DraftsPerBatch);
            deleted = await db.Drafts.Where(d => batch.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == DraftsPerBatch);

        return total;
    }

    /// <summary>
    /// Deletes the safeguarding records past their time and, as a comment whose record has gone counts in
    /// analysis as though never flagged, counts the analysis tallies again in the same transaction.
    /// </summary>
    private Task<int> DeleteRecordsAsync(DateTime decidedBefore, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var deleted = await db.SafeguardingItems
                .Where(i => i.Status == SafeguardingStatus.Decided && i.DecidedAt <= decidedBefore)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                await AnalysisTallies.RebuildAsync(db, cancellationToken: cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return deleted;
        });

    /// <summary>
    /// Deletes the responses past their time, and counts the results' and analysis tallies again from those left, in one
    /// transaction: a bulk delete cannot say what it deleted, and it happens once, after the consultation.
    /// </summary>
    private Task<int> DeleteResponsesAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var deleted = await db.Responses
                .Where(r => r.ScreenedAt != null && !db.SafeguardingItems.Any(i => i.ResponseId == r.Id && i.Status == SafeguardingStatus.Waiting))
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                await ResultTallies.RebuildAsync(db, cancellationToken);
                await AnalysisTallies.RebuildAsync(db, cancellationToken: cancellationToken);

                // A spreadsheet's record names its file and batch: it goes once none of its responses is left.
                await db.PaperImports.Where(i => !db.Responses.Any(r => r.PaperImportId == i.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return deleted;
        });
}
