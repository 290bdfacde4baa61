using System.Net;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Submissions;

/// <summary>
/// Takes a sent response away when the young person asks: the response and its answers, their part of the
/// results' and analysis tallies (if the screen has counted it), and an audit row, in one transaction, so the
/// results never count what is gone.
/// </summary>
public sealed class Withdrawal(ConsultationDbContext db, AuditLog audit)
{
    /// <summary>Withdraws the response, read with its answers. False if another member of staff withdrew it first.</summary>
    public async Task<bool> WithdrawAsync(Response response, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var gone = false;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                gone = false;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // The row is locked first, where the database locks rows, so the screen cannot mark it screened, and
                // count it, between the reads below and the delete. SQLite's transaction holds its one write lock already.
                var its = db.Responses.Where(r => r.Id == response.Id);
                if (await its.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, r => r.ScreenedAt), cancellationToken) == 0)
                {
                    gone = true;
                    return;
                }

                // Its part of the tallies, read before it goes: the results' only once the screen has counted it. The
                // audit row holds none of the content: only that this reference was withdrawn, by whom and when.
                var counted = await ResultTallies.ReadAsync(db, its.Where(r => r.ScreenedAt != null), sign: -1, cancellationToken);
                var analysed = await AnalysisTallies.ReadAsync(db, db.ResponseAnswers.Where(a => a.ResponseId == response.Id), cancellationToken);
                db.Responses.Remove(response);
                audit.Add(actor, AuditActions.ResponseWithdrawn, response.Reference, null, from);
                await db.SaveChangesAsync(cancellationToken);
                await ResultTallies.AddAsync(db, counted, cancellationToken);
                await AnalysisTallies.AddAsync(db, analysed, sign: -1, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return !gone;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The delete found no row: it had gone already, and its tallies with it.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
