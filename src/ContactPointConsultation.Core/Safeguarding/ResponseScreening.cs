using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Screens sent responses just after they are sent, a batch at a time, so that a send never waits for the
/// screen (docs/adr/0017-screening-after-the-send.md). A response is written with no
/// <see cref="Response.ScreenedAt"/>, and until it has one its comments are withheld from everyone
/// (<see cref="Withholding"/>): nothing unscreened is ever read, searched or downloaded.
/// <para>
/// The flags, the mark "screened" and the response's part of the analysis and results' tallies are written in
/// one transaction, so a restart at any point leaves a response either screened, flagged and counted, or to be
/// screened again. Screening again is harmless: a comment
/// that already has a safeguarding item gets no second one, and the item's unique index stops two web
/// nodes that screen the same response at once from both writing one (the loser's batch fails, and by
/// its next round the winner has marked the responses screened).
/// </para>
/// </summary>
public sealed class ResponseScreening(ConsultationDbContext db, GroupCommit writes, TimeProvider clock)
{
    /// <summary>Responses a batch reads at once: about 50 ms of screening on one core.</summary>
    public const int BatchSize = 500;

    /// <summary>Screens the oldest responses not yet screened, up to <see cref="BatchSize"/>; returns how many, and how many of them were flagged.</summary>
    public async Task<(int Screened, int Flagged)> ScreenNextBatchAsync(CancellationToken cancellationToken = default)
    {
        var pending = await db.Responses.AsNoTracking()
            .Where(r => r.ScreenedAt == null)
            .OrderBy(r => r.Id)
            .Take(BatchSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        // The ids go as one parameter (EF.Parameter): as a parameter each, batches of different sizes would
        // be different queries for EF to translate and cache.
        var (first, last) = (pending[0], pending[^1]);
        var comments = await db.ResponseAnswers.AsNoTracking()
            .Where(a => a.ResponseId >= first && a.ResponseId <= last && EF.Parameter(pending).Contains(a.ResponseId) && a.Comments != null)
            .Select(a => new { a.ResponseId, a.QuestionNumber, a.Comments })
            .ToListAsync(cancellationToken);

        // Screened here, outside the writer, so the sends' single writer does no screening.
        var flagged = comments
            .GroupBy(c => c.ResponseId)
            .Select(response => (ResponseId: response.Key, Flagged: SafeguardingFlagging.Screen(response.Select(c => (c.QuestionNumber, c.Comments)))))
            .Where(response => response.Flagged.Count > 0)
            .ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        await writes.RunAsync(async writer =>
        {
            foreach (var (responseId, its) in flagged)
            {
                await SafeguardingFlagging.AddScreenFlagsAsync(writer, responseId, its, now);
            }

            // Exactly the responses read: one sent meanwhile, even with a smaller id, waits for the next round.
            var marked = await writer.Responses
                .Where(r => EF.Parameter(pending).Contains(r.Id) && r.ScreenedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, now), cancellationToken);

            // Until now no comment of these could be read, and the results counted them from themselves, so what
            // they add to the analysis and results' tallies is all they count: those this round marked, not any
            // another node marked meanwhile, which its round counts.
            if (marked > 0)
            {
                var ours = writer.Responses.Where(r => EF.Parameter(pending).Contains(r.Id) && r.ScreenedAt == now);
                var theirAnswers = writer.ResponseAnswers.Where(a => ours.Any(r => r.Id == a.ResponseId));
                await AnalysisTallies.AddAsync(writer, await AnalysisTallies.ReadAsync(writer, theirAnswers, cancellationToken), cancellationToken: cancellationToken);
                await ResultTallies.AddAsync(writer, await ResultTallies.ReadAsync(writer, ours, cancellationToken: cancellationToken), cancellationToken);
            }

            return marked;
        });

        return (pending.Count, flagged.Count);
    }
}
