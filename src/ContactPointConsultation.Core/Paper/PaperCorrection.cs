using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Paper;

public enum CorrectionOutcome
{
    Corrected,

    /// <summary>Nothing differed from what it said already: nothing was stored.</summary>
    Unchanged,

    /// <summary>Withdrawn, or never entered: there is nothing to correct.</summary>
    Gone,

    /// <summary>As corrected it would say the same as another response entered in its batch; nothing was stored.</summary>
    LooksLikeOneEntered,
}

/// <param name="LooksLike">With <see cref="CorrectionOutcome.LooksLikeOneEntered"/>, that response's reference.</param>
public sealed record CorrectionResult(CorrectionOutcome Outcome, string? LooksLike = null);

/// <summary>
/// Corrects a response typed in from paper: all of what it says, in one transaction, with what it said before
/// and after kept in a <see cref="ResponseRevision"/> and the fields changed in the audit log. An online response
/// is never changed: it is as the young person sent it.
/// <para>
/// The corrected response is screened again, as a new one is (its comments withheld until then), since corrected
/// words may say something the first did not. Its part of the results' and analysis tallies is taken away here
/// and added again by the screen. A comment whose words changed loses its theme suggestions, made from the old
/// words, and the suggestions job reads it again; its tags stay, as a typing slip rarely changes the theme.
/// </para>
/// </summary>
public sealed class PaperCorrection(ConsultationDbContext db, AuditLog audit, ScreeningSignal screening, TimeProvider clock)
{
    /// <param name="keepWords">Questions whose comment is withheld from the corrector for safeguarding review: their words stay as they are.</param>
    public async Task<CorrectionResult> CorrectAsync(string reference, EnteredResponse corrected, IReadOnlySet<int> keepWords, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(keepWords);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Locked first, so the screen cannot mark it screened, and count it, between the reads below and the change.
            var its = db.Responses.Where(r => r.Reference == reference && r.Channel != ResponseChannel.Online);
            if (await its.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, r => r.ScreenedAt), cancellationToken) == 0)
            {
                return new CorrectionResult(CorrectionOutcome.Gone);
            }

            var response = await its.Include(r => r.Answers).SingleAsync(cancellationToken);
            var before = EnteredValues.Of(response);
            var after = EnteredValues.Of(corrected with
            {
                Answers = [.. corrected.Answers.Select(a => keepWords.Contains(a.QuestionNumber) ? a with { Comments = before.Answer(a.QuestionNumber)?.Comments } : a)],
            });
            var versions = await db.ContentVersions.ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
            var changes = after.ChangesFrom(before, id => versions[id]);
            if (changes.Count == 0)
            {
                return new CorrectionResult(CorrectionOutcome.Unchanged);
            }

            var digest = EntryDigest.Of(corrected with { Batch = after.Batch, Answers = after.Answers });
            var reason = response.DuplicateReason ?? (string.IsNullOrWhiteSpace(corrected.DuplicateReason) ? null : corrected.DuplicateReason.Trim());
            var lookalike = await db.Responses.Saying(digest).Where(r => r.Id != response.Id).Select(r => r.Reference).FirstOrDefaultAsync(cancellationToken);
            if (lookalike is not null && reason is null)
            {
                return new CorrectionResult(CorrectionOutcome.LooksLikeOneEntered, lookalike);
            }

            // Its part of the tallies, read before it changes: only once the screen has counted it.
            var screened = response.ScreenedAt is not null;
            var answers = db.ResponseAnswers.Where(a => a.ResponseId == response.Id);
            var counted = screened ? await ResultTallies.ReadAsync(db, its, sign: -1, cancellationToken) : [];
            var analysed = screened ? await AnalysisTallies.ReadAsync(db, answers, cancellationToken) : new AnalysisCounts();

            var reworded = Apply(response, after);
            response.EntryDigest = digest;
            response.DuplicateReason = lookalike is null ? null : reason;
            response.ScreenedAt = null;
            var revision = new ResponseRevision { ResponseId = response.Id, RevisedAt = clock.GetUtcNow().UtcDateTime, RevisedBy = actor, Before = before.ToJson(), After = after.ToJson() };
            db.ResponseRevisions.Add(revision);
            await db.SaveChangesAsync(cancellationToken);

            var stale = answers.Where(a => reworded.Contains(a.QuestionNumber));
            await db.ThemeSuggestions.Where(s => s.ResponseId == response.Id && reworded.Contains(s.QuestionNumber)).ExecuteDeleteAsync(cancellationToken);
            await db.SuggestedComments.Where(s => s.ResponseId == response.Id && reworded.Contains(s.QuestionNumber)).ExecuteDeleteAsync(cancellationToken);
            await db.CommentTags.Where(t => t.ResponseId == response.Id && stale.Any(a => a.QuestionNumber == t.QuestionNumber && a.Comments == null)).ExecuteDeleteAsync(cancellationToken);
            await stale.Where(a => a.Comments == null).ExecuteUpdateAsync(set => set.SetProperty(a => a.TaggedAt, (DateTime?)null), cancellationToken);
            await ResultTallies.AddAsync(db, counted, cancellationToken);
            await AnalysisTallies.AddAsync(db, analysed, sign: -1, cancellationToken);

            // The fields changed, with their values; a comment only by name, since the audit log never holds what a
            // child wrote. The words before and after are in the revision it names.
            audit.Add(actor, AuditActions.ResponseCorrected, response.Reference, new
            {
                Revision = revision.Id,
                Changes = changes.Select(c => c.CommentOf is null ? c : c with { Before = null, After = null }),
                LookedLike = lookalike,
                DuplicateReason = lookalike is null ? null : reason,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CorrectionResult(CorrectionOutcome.Corrected);
        });

        db.ChangeTracker.Clear();
        if (result.Outcome == CorrectionOutcome.Corrected)
        {
            screening.ResponseSent();
        }

        return result;
    }

    /// <summary>Makes the tracked response say <paramref name="after"/>; returns the questions whose words changed.</summary>
    private static List<int> Apply(Response response, EnteredValues after)
    {
        response.Channel = after.Channel;
        response.ReceivedOn = after.ReceivedOn;
        response.Batch = after.Batch;
        response.ContentVersionId = after.ContentVersionId;
        response.AgeGroup = after.AgeGroup;
        response.AnsweringAs = after.AnsweringAs;
        var reworded = new List<int>();
        for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
        {
            var (answer, now) = (response.Answers.Find(a => a.QuestionNumber == q), after.Answer(q));
            if (!string.Equals(answer?.Comments, now?.Comments, StringComparison.Ordinal))
            {
                reworded.Add(q);
            }

            // An answer's row is kept while it says anything, so its tags and notes stay with it.
            if (now is null)
            {
                if (answer is not null)
                {
                    response.Answers.Remove(answer);
                }
            }
            else if (answer is null)
            {
                response.Answers.Add(new ResponseAnswer { QuestionNumber = q, Choice = now.Choice, Comments = now.Comments });
            }
            else
            {
                (answer.Choice, answer.Comments) = (now.Choice, now.Comments);
            }
        }

        return reworded;
    }
}
