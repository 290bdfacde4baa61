using System.Net;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Submissions;

/// <summary>
/// Takes a sent response away when the young person asks: the response and its answers, their part of the
/// results' and analysis tallies, and an audit row, in one transaction, so the results never count what is gone.
/// </summary>
public sealed class Withdrawal(ConsultationDbContext db, AuditLog audit)
{
    /// <summary>Withdraws the response, read with its answers. False if another member of staff withdrew it first.</summary>
    public async Task<bool> WithdrawAsync(Response response, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // Its comments' part of the analysis tallies, read before they go. The audit row holds none of the
                // content: only that this reference was withdrawn, by whom and when.
                var analysed = await AnalysisTallies.ReadAsync(db, db.ResponseAnswers.Where(a => a.ResponseId == response.Id), cancellationToken);
                db.Responses.Remove(response);
                audit.Add(actor, AuditActions.ResponseWithdrawn, response.Reference, null, from);
                await db.SaveChangesAsync(cancellationToken);
                await ResultTallies.AddAsync(db, ResultTallies.Of(response, sign: -1), cancellationToken);
                await AnalysisTallies.AddAsync(db, analysed, sign: -1, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The delete found no row: it had gone already, and its tallies with it.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
