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
            // Another node may be screening some of the same responses. First each one still unscreened is locked, as
            // an update that changes nothing (where the database locks rows; SQLite's one writer already excludes
            // others): a row another node is marking is waited for, and then left, as screened. What is still
            // unscreened after that is this round's alone, to flag, mark and count; never by its time of marking,
            // which two nodes may share. Exactly the responses read: one sent meanwhile waits for the next round.
            var unscreened = writer.Responses.Where(r => EF.Parameter(pending).Contains(r.Id) && r.ScreenedAt == null);
            await unscreened.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, r => r.ScreenedAt), cancellationToken);
            var ours = await unscreened.Select(r => r.Id).ToListAsync(cancellationToken);
            if (ours.Count == 0)
            {
                return 0;
            }

            foreach (var (responseId, its) in flagged.Where(f => ours.Contains(f.ResponseId)))
            {
                await SafeguardingFlagging.AddScreenFlagsAsync(writer, responseId, its, now);
            }

            var marked = writer.Responses.Where(r => EF.Parameter(ours).Contains(r.Id));
            await marked.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, now), cancellationToken);

            // Until now no comment of these could be read, and the results counted them from themselves, so what
            // they add to the analysis and results' tallies is all they count.
            var theirAnswers = writer.ResponseAnswers.Where(a => EF.Parameter(ours).Contains(a.ResponseId));
            await AnalysisTallies.AddAsync(writer, await AnalysisTallies.ReadAsync(writer, theirAnswers, cancellationToken), cancellationToken: cancellationToken);
            await ResultTallies.AddAsync(writer, await ResultTallies.ReadAsync(writer, marked, cancellationToken: cancellationToken), cancellationToken);
            return ours.Count;
        });

        return (pending.Count, flagged.Count);
    }
}
