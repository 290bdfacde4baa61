using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Paper;

public enum CheckOutcome
{
    /// <summary>Keyed again and the same as entered, or decided: the check is done.</summary>
    Done,

    /// <summary>Keyed again and different: the checker now says which is right of each difference.</summary>
    Differs,

    /// <summary>Someone else keyed or decided it first, or its response was withdrawn: nothing was stored.</summary>
    Taken,

    /// <summary>The checker entered this response: a check is always by someone else.</summary>
    OwnEntry,
}

/// <summary>The checks of one person's entries, and what they found.</summary>
public sealed record CheckRate(string EnteredBy, int Checked, int WithErrors, int FieldsCompared, int Errors)
{
    /// <summary>The share of fields checked that were entered wrongly; 0 with none checked.</summary>
    public double ErrorRate => FieldsCompared == 0 ? 0 : (double)Errors / FieldsCompared;
}

/// <summary>
/// A second person's check of a sample of entered responses (<see cref="PaperOptions.VerifyPercent"/>): they key a
/// response again from the paper without seeing the first entry, and where the two differ they say which is right.
/// What was entered wrongly is corrected as any correction is (<see cref="PaperCorrection"/>), and counts against
/// the person who entered it in the error rates. Keying and deciding are audited, without a child's words.
/// <para>
/// Only the answers and About you are keyed again: how it arrived is not on the paper. A comment withheld for
/// safeguarding review is neither keyed nor compared.
/// </para>
/// </summary>
public sealed class PaperChecking(ConsultationDbContext db, PaperCorrection correction, AuditLog audit, TimeProvider clock)
{
    /// <summary>The oldest check for <paramref name="checker"/> to do: one they keyed and have not decided, else one waiting that they did not enter.</summary>
    public async Task<long?> NextAsync(string checker, CancellationToken cancellationToken = default) =>
        await db.PaperChecks.Where(c => c.Status == PaperCheckStatus.Differs && c.CheckedBy == checker).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await db.PaperChecks.Where(c => c.Status == PaperCheckStatus.Waiting && c.EnteredBy != checker).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Compares what the checker keyed with what is stored. <paramref name="keyed"/> holds the answers and About you;
    /// <paramref name="withChoice"/> the questions with boxes to tick; <paramref name="withheld"/> those whose comment is not compared.
    /// </summary>
    public async Task<CheckOutcome> KeyAsync(long checkId, EnteredValues keyed, IReadOnlySet<int> withChoice, IReadOnlySet<int> withheld, string checker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        ArgumentNullException.ThrowIfNull(withChoice);
        ArgumentNullException.ThrowIfNull(withheld);
        var check = await db.PaperChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkId, cancellationToken);
        if (check is null || check.Status != PaperCheckStatus.Waiting)
        {
            return CheckOutcome.Taken;
        }

        if (check.EnteredBy == checker)
        {
            return CheckOutcome.OwnEntry;
        }

        var response = await db.Responses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.Id == check.ResponseId, cancellationToken);
        var stored = EnteredValues.Of(response);
        var compared = Compared(stored, keyed, withheld);
        var differences = compared.ChangesFrom(stored, _ => 0).Count;
        var fields = withChoice.Count + (ConsultationLimits.QuestionCount - withheld.Count) + 2;
        var now = clock.GetUtcNow().UtcDateTime;
        var status = differences == 0 ? PaperCheckStatus.Matched : PaperCheckStatus.Differs;

        // Conditional, so two people keying the same check at once store one keying; the other is told.
        var keyedRows = await db.PaperChecks.Where(c => c.Id == checkId && c.Status == PaperCheckStatus.Waiting).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Status, status)
            .SetProperty(c => c.CheckedBy, checker)
            .SetProperty(c => c.CheckedAt, now)
            .SetProperty(c => c.Checked, compared.ToJson())
            .SetProperty(c => c.FieldsCompared, fields)
            .SetProperty(c => c.Differences, differences)
            .SetProperty(c => c.DecidedAt, status == PaperCheckStatus.Matched ? now : null), cancellationToken);
        if (keyedRows == 0)
        {
            return CheckOutcome.Taken;
        }

        await audit.RecordAsync(checker, AuditActions.PaperChecked, response.Reference, new { Check = checkId, FieldsCompared = fields, Differences = differences }, cancellationToken: cancellationToken);
        return status == PaperCheckStatus.Matched ? CheckOutcome.Done : CheckOutcome.Differs;
    }

    /// <summary>
    /// The differences still between what is stored and what the checker keyed: the response may have been
    /// corrected since. Empty for a check not waiting for this checker's decision.
    /// </summary>
    public async Task<(PaperCheck Check, Response Response, IReadOnlyList<EntryChange> Differences)?> DifferencesAsync(long checkId, CancellationToken cancellationToken = default)
    {
        var check = await db.PaperChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkId, cancellationToken);
        var response = check is null ? null : await db.Responses.AsNoTracking().Include(r => r.Answers).SingleOrDefaultAsync(r => r.Id == check.ResponseId, cancellationToken);
        if (check is null || response is null)
        {
            return null;
        }

        var differences = check.Status == PaperCheckStatus.Differs
            ? EnteredValues.FromJson(check.Checked!).ChangesFrom(EnteredValues.Of(response), _ => 0)
            : [];
        return (check, response, differences);
    }

    /// <summary>
    /// Records which is right of each difference (<paramref name="keyedIsRight"/>: the keys where the checker's keying
    /// is), corrects the response where the check was right, and counts those as the first entry's errors.
    /// </summary>
    public async Task<CheckOutcome> DecideAsync(long checkId, IReadOnlySet<string> keyedIsRight, IReadOnlySet<int> withheld, string checker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyedIsRight);
        if (await DifferencesAsync(checkId, cancellationToken) is not var (check, response, differences) || check.Status != PaperCheckStatus.Differs || check.CheckedBy != checker)
        {
            return CheckOutcome.Taken;
        }

        var fixes = differences.Where(d => keyedIsRight.Contains(d.Key)).Select(d => d.Key).ToHashSet();
        if (fixes.Count > 0)
        {
            var corrected = EnteredValues.Of(response).With(EnteredValues.FromJson(check.Checked!), fixes);
            var result = await correction.CorrectAsync(response.Reference, corrected.ToEntry(response.SubmissionKey) with { DuplicateReason = "Corrected by a second person's check" }, withheld, checker, cancellationToken);
            if (result.Outcome == CorrectionOutcome.Gone)
            {
                return CheckOutcome.Taken;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var decided = await db.PaperChecks.Where(c => c.Id == checkId && c.Status == PaperCheckStatus.Differs).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Status, PaperCheckStatus.Decided)
            .SetProperty(c => c.Errors, fixes.Count)
            .SetProperty(c => c.DecidedAt, now), cancellationToken);
        if (decided == 0)
        {
            return CheckOutcome.Taken;
        }

        await audit.RecordAsync(checker, AuditActions.PaperCheckDecided, response.Reference, new
        {
            Check = checkId,
            Decisions = differences.Select(d => new { d.Field, Right = fixes.Contains(d.Key) ? "As checked" : "As entered" }),
        }, cancellationToken: cancellationToken);
        return CheckOutcome.Done;
    }

    /// <summary>The error rates found, by the person who entered the responses checked.</summary>
    public async Task<List<CheckRate>> RatesAsync(CancellationToken cancellationToken = default) =>
        (await db.PaperChecks.AsNoTracking().Where(c => c.Status == PaperCheckStatus.Matched || c.Status == PaperCheckStatus.Decided)
            .GroupBy(c => c.EnteredBy)
            .Select(g => new { g.Key, Checked = g.Count(), WithErrors = g.Count(c => c.Errors > 0), Fields = g.Sum(c => c.FieldsCompared), Errors = g.Sum(c => c.Errors) })
            .ToListAsync(cancellationToken))
        .Select(g => new CheckRate(g.Key, g.Checked, g.WithErrors, g.Fields, g.Errors))
        .OrderBy(r => r.EnteredBy, StringComparer.Ordinal)
        .ToList();

    /// <summary>What the checker keyed, over what is stored: how it arrived is not keyed, nor a withheld comment.</summary>
    private static EnteredValues Compared(EnteredValues stored, EnteredValues keyed, IReadOnlySet<int> withheld)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { nameof(EnteredValues.AgeGroup), nameof(EnteredValues.AnsweringAs) };
        for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
        {
            keys.Add(EnteredValues.ChoiceKey(q));
            if (!withheld.Contains(q))
            {
                keys.Add(EnteredValues.CommentsKey(q));
            }
        }

        return stored.With(keyed, keys);
    }
}
