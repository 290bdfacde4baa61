using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Retention;

public sealed record RetentionResult(int DraftsDeleted, int ResponsesDeleted);

/// <summary>
/// Keeps only what the privacy notice promises: answers not sent are deleted once they can no longer be
/// sent, and responses once the retention period after closing has passed. The dates are the live
/// version's, so an admin moving the closing date moves both.
/// </summary>
public sealed class RetentionSweep(
    ConsultationDbContext db, ContentCatalogue catalogue, AuditLog audit, TimeProvider clock, IOptions<ConsultationOptions> options)
{
    public const string Actor = "retention";

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var live = await catalogue.GetLiveAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // Answers go with their draft or response: the foreign keys cascade in the database.
        var drafts = await db.Drafts.Where(d => d.ExpiresAt <= now || now >= live.ClosesAt).ExecuteDeleteAsync(cancellationToken);
        var responses = now >= live.ClosesAt.AddMonths(options.Value.RetentionMonths)
            ? await db.Responses.ExecuteDeleteAsync(cancellationToken)
            : 0;
        if (drafts + responses > 0)
        {
            await audit.RecordAsync(Actor, AuditActions.RetentionSweep, details: new { DraftsDeleted = drafts, ResponsesDeleted = responses }, cancellationToken: cancellationToken);
        }

        return new RetentionResult(drafts, responses);
    }
}
