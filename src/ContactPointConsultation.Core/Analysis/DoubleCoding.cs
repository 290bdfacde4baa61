using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>A sample as its page shows it: how big, and how many comments the second analyst has coded.</summary>
public sealed record SampleProgress(CodingSample Sample, int Size, int SecondCoded);

/// <summary>A sampled comment for the second analyst, shown without the first coding.</summary>
public sealed record ItemToCode(long ItemId, CommentToTag Comment);

/// <summary>A sampled comment the two codings disagree on, and not yet settled.</summary>
public sealed record Disagreement(long ItemId, string Reference, IReadOnlyList<int> First, IReadOnlyList<int> Second, string FirstBy, string SecondBy);

/// <summary>What the two codings of a sample show: the agreement, and the disagreements left to settle.</summary>
public sealed record SampleComparison(Agreement Agreement, IReadOnlyList<Disagreement> Unsettled, int Settled);

public enum SecondCodingOutcome
{
    Done,

    /// <summary>Another analyst coded it first: a comment is second-coded once.</summary>
    AlreadyCoded,

    /// <summary>This analyst tagged the comment the first time, so cannot be its second, blind, coder.</summary>
    NotBlind,

    /// <summary>The comment was withdrawn, or withheld for safeguarding review, meanwhile.</summary>
    Unavailable,

    /// <summary>A ticked theme is not one of the question's themes in use.</summary>
    ThemeNotInUse,
}

/// <summary>
/// Two people coding the same comments. An admin draws a random share of a question's tagged comments; a
/// second analyst, who did not tag them, codes them again without seeing the first coding; the portal
/// compares the two (<see cref="Agreement"/>) and lists where they differ, for the two to settle. The
/// second coding is kept apart from the tags: it never changes the results.
/// </summary>
public sealed class DoubleCoding(ConsultationDbContext db, Tagging tagging, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Draws a new sample of the question's tagged comments that analysts may read: the share asked for,
    /// rounded up, and at least one. Copies each comment's tags as its first coding. Null if none is tagged.
    /// </summary>
    public async Task<CodingSample?> DrawAsync(int question, int percent, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var tagged = await tagging.ReadableIds(question)
            .Where(id => db.CommentTags.Any(t => t.ResponseId == id && t.QuestionNumber == question))
            .ToArrayAsync(cancellationToken);
        if (tagged.Length == 0)
        {
            return null;
        }

        Random.Shared.Shuffle(tagged);
        var size = (int)Math.Ceiling(tagged.Length * percent / 100.0);
        var chosen = tagged[..size];
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var sample = new CodingSample { QuestionNumber = question, Percent = percent, DrawnAt = now, DrawnBy = actor };
            db.CodingSamples.Add(sample);
            await db.SaveChangesAsync(cancellationToken);
            var items = chosen.Select(id => new CodingSampleItem { SampleId = sample.Id, ResponseId = id, QuestionNumber = question }).ToList();
            db.CodingSampleItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken);

            // The first coding as it is now, copied in the same transaction as the sample.
            var itemIds = items.ToDictionary(i => i.ResponseId, i => i.Id);
            foreach (var chunk in chosen.Chunk(1_000))
            {
                var tags = await db.CommentTags.AsNoTracking().Where(t => t.QuestionNumber == question && chunk.Contains(t.ResponseId)).ToListAsync(cancellationToken);
                db.CodingSampleTags.AddRange(tags.Select(t => new CodingSampleTag { ItemId = itemIds[t.ResponseId], Round = CodingRound.First, ThemeId = t.ThemeId, CodedBy = t.TaggedBy }));
            }

            audit.Add(actor, AuditActions.CodingSampleDrawn, $"Q{question}", new { Sample = sample.Id, Percent = percent, Comments = size, Tagged = tagged.Length }, from);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return sample;
        });
    }

    /// <summary>The question's samples, newest first, with how far the second coding has got.</summary>
    public Task<List<SampleProgress>> SamplesAsync(int question, CancellationToken cancellationToken = default) =>
        db.CodingSamples.AsNoTracking().Where(s => s.QuestionNumber == question).OrderByDescending(s => s.Id)
            .Select(s => new SampleProgress(
                s,
                db.CodingSampleItems.Count(i => i.SampleId == s.Id),
                db.CodingSampleItems.Count(i => i.SampleId == s.Id && i.SecondCodedAt != null)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The next comment of the question's newest sample for this analyst to code: not yet second-coded,
    /// not tagged by them the first time, and one analysts may read now. Null when there is none.
    /// </summary>
    public async Task<ItemToCode?> NextAsync(int question, string analyst, CancellationToken cancellationToken = default)
    {
        var sample = await db.CodingSamples.Where(s => s.QuestionNumber == question).OrderByDescending(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (sample is not { } sampleId)
        {
            return null;
        }

        var readable = tagging.ReadableIds(question);
        var next = await (from item in db.CodingSampleItems
                          where item.SampleId == sampleId && item.SecondCodedAt == null && readable.Contains(item.ResponseId)
                             && !db.CodingSampleTags.Any(t => t.ItemId == item.Id && t.Round == CodingRound.First && t.CodedBy == analyst)
                          orderby item.Id
                          join response in db.Responses on item.ResponseId equals response.Id
                          select new { item.Id, response.Reference }).FirstOrDefaultAsync(cancellationToken);
        return next is null || await tagging.FindAsync(question, next.Reference, cancellationToken) is not { } comment ? null : new(next.Id, comment);
    }

    /// <summary>
    /// Records the second, blind, coding of a sampled comment. Once only: of two analysts coding the same
    /// comment at once, the first wins. Never by an analyst who tagged it the first time.
    /// </summary>
    public async Task<(SecondCodingOutcome Outcome, string? Theme)> SaveSecondAsync(
        int question, long itemId, IReadOnlySet<int> ticked, string analyst, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticked);
        var item = await db.CodingSampleItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.QuestionNumber == question, cancellationToken);
        if (item is null || !await tagging.ReadableIds(question).ContainsAsync(item.ResponseId, cancellationToken))
        {
            return (SecondCodingOutcome.Unavailable, null);
        }

        if (await db.CodingSampleTags.AnyAsync(t => t.ItemId == itemId && t.Round == CodingRound.First && t.CodedBy == analyst, cancellationToken))
        {
            return (SecondCodingOutcome.NotBlind, null);
        }

        var themes = await db.Themes.AsNoTracking().Where(t => t.QuestionNumber == question).ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var id in ticked)
        {
            if (!themes.TryGetValue(id, out var theme) || theme.IsRetired)
            {
                return (SecondCodingOutcome.ThemeNotInUse, theme?.Name);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Claiming the comment is the lock: a second analyst at the same moment claims nothing.
            var claimed = await db.CodingSampleItems.Where(i => i.Id == itemId && i.SecondCodedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.SecondCodedAt, now).SetProperty(i => i.SecondCodedBy, analyst), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return (SecondCodingOutcome.AlreadyCoded, (string?)null);
            }

            db.CodingSampleTags.AddRange(ticked.Select(id => new CodingSampleTag { ItemId = itemId, Round = CodingRound.Second, ThemeId = id, CodedBy = analyst }));
            var reference = await db.Responses.Where(r => r.Id == item.ResponseId).Select(r => r.Reference).SingleAsync(cancellationToken);
            audit.Add(analyst, AuditActions.CommentSecondCoded, $"{reference} Q{question}", new { Sample = item.SampleId, Themes = ticked.Select(id => themes[id].Name) }, from);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (SecondCodingOutcome.Done, (string?)null);
        });
    }

    /// <summary>
    /// The agreement between the two codings of a sample, over its comments coded twice that analysts may
    /// still read; and those whose codings differ, not yet settled, in the order they were drawn. A theme
    /// merged since counts as the theme it went into, so a merge does not make a disagreement.
    /// </summary>
    public async Task<SampleComparison> CompareAsync(int sampleId, CancellationToken cancellationToken = default)
    {
        var question = await db.CodingSamples.Where(s => s.Id == sampleId).Select(s => s.QuestionNumber).SingleAsync(cancellationToken);
        var readable = tagging.ReadableIds(question);
        var items = await (from item in db.CodingSampleItems
                           where item.SampleId == sampleId && item.SecondCodedAt != null && readable.Contains(item.ResponseId)
                           join response in db.Responses on item.ResponseId equals response.Id
                           orderby item.Id
                           select new { item.Id, response.Reference, item.SettledAt, item.SecondCodedBy }).ToListAsync(cancellationToken);
        var tags = (await db.CodingSampleTags.AsNoTracking()
                .Where(t => db.CodingSampleItems.Any(i => i.Id == t.ItemId && i.SampleId == sampleId && i.SecondCodedAt != null))
                .ToListAsync(cancellationToken))
            .ToLookup(t => (t.ItemId, t.Round));
        var mergedInto = await db.Themes.Where(t => t.QuestionNumber == question && t.MergedIntoId != null).ToDictionaryAsync(t => t.Id, t => t.MergedIntoId!.Value, cancellationToken);

        var coded = new List<CodedTwice>(items.Count);
        var unsettled = new List<Disagreement>();
        foreach (var item in items)
        {
            var first = tags[(item.Id, CodingRound.First)].ToList();
            var pair = new CodedTwice(Resolve(first.Select(t => t.ThemeId), mergedInto), Resolve(tags[(item.Id, CodingRound.Second)].Select(t => t.ThemeId), mergedInto));
            coded.Add(pair);
            if (!pair.First.SetEquals(pair.Second) && item.SettledAt is null)
            {
                unsettled.Add(new(item.Id, item.Reference, [.. pair.First.Order()], [.. pair.Second.Order()],
                    string.Join(", ", first.Select(t => t.CodedBy).Distinct().Order(StringComparer.Ordinal)), item.SecondCodedBy ?? ""));
            }
        }

        var agreement = Agreement.Of(coded);
        return new(agreement, unsettled, coded.Count(c => !c.First.SetEquals(c.Second)) - unsettled.Count);
    }

    /// <summary>Marks a disagreement settled: the two analysts have agreed, and changed the comment's tags if they needed to.</summary>
    public async Task<bool> SettleAsync(long itemId, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.CodingSampleItems.AsNoTracking().Where(i => i.Id == itemId && i.SecondCodedAt != null)
            .Join(db.Responses, i => i.ResponseId, r => r.Id, (i, r) => new { i.SampleId, i.QuestionNumber, r.Reference }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return false;
        }

        var settled = await db.CodingSampleItems.Where(i => i.Id == itemId && i.SettledAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SettledAt, now).SetProperty(i => i.SettledBy, actor), cancellationToken);
        if (settled > 0)
        {
            audit.Add(actor, AuditActions.DisagreementSettled, $"{item.Reference} Q{item.QuestionNumber}", new { Sample = item.SampleId }, from);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private static HashSet<int> Resolve(IEnumerable<int> themes, Dictionary<int, int> mergedInto)
    {
        var resolved = new HashSet<int>();
        foreach (var theme in themes)
        {
            var id = theme;

            // A chain of merges ends: a theme is merged only into a theme in use, which it then is not.
            for (var hops = 0; mergedInto.TryGetValue(id, out var into) && hops < mergedInto.Count; hops++)
            {
                id = into;
            }

            resolved.Add(id);
        }

        return resolved;
    }
}
