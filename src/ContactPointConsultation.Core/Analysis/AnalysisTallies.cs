using System.Data;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// What some comments add to the analysis tallies, as the database holds them now: each readable comment
/// once in <see cref="CommentTally"/> (and once more in its Tagged count if it has a tag), and once in
/// <see cref="ThemeTally"/> for each of its themes.
/// </summary>
public sealed class AnalysisCounts
{
    internal Dictionary<(int Question, TallyKind Kind), (int Comments, int Tagged)> Comments { get; } = [];

    internal Dictionary<(int Question, int Theme, TallyKind Kind, string Choice), int> Themes { get; } = [];

    /// <summary>What these counts are over <paramref name="before"/>'s: what a change added, or took away.</summary>
    public AnalysisCounts Minus(AnalysisCounts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var difference = new AnalysisCounts();
        foreach (var (key, (comments, tagged)) in Comments.Concat(before.Comments.Select(p => KeyValuePair.Create(p.Key, (-p.Value.Comments, -p.Value.Tagged)))))
        {
            var (c, t) = difference.Comments.GetValueOrDefault(key);
            difference.Comments[key] = (c + comments, t + tagged);
        }

        foreach (var (key, count) in Themes.Concat(before.Themes.Select(p => KeyValuePair.Create(p.Key, -p.Value))))
        {
            difference.Themes[key] = difference.Themes.GetValueOrDefault(key) + count;
        }

        return difference;
    }
}

/// <summary>
/// Keeps the analysis tallies true, so the share of each question's comments tagged and the theme tables
/// are sums over a few thousand rows rather than counts over every comment. A comment counts while analysts
/// may read it (<see cref="Withholding.Searchable(ConsultationDbContext, IQueryable{ResponseAnswer})"/>): from
/// the screen's reading, until a flag withholds it, again once a lead releases it, and not after its response
/// is withdrawn. Every change to that, or to its tags, changes the tallies in its own transaction: the comments
/// it touches are read before and after, and the difference added (<see cref="ChangeAsync"/>); a merge or a
/// split reads every comment with the themes it moves. Each change also keeps
/// <see cref="ResponseAnswer.TaggedAt"/>, which the tagging queue finds untagged comments by
/// (docs/adr/0022-result-tallies.md).
/// </summary>
public static class AnalysisTallies
{
    private static readonly string[] CommentKeys = ["QuestionNumber", "Day", "ContentVersionId", "AgeGroup", "AnsweringAs"];
    private static readonly string[] ThemeKeys = ["QuestionNumber", "ThemeId", "Day", "ContentVersionId", "AgeGroup", "AnsweringAs", "Choice"];

    /// <summary>What the comments among <paramref name="answers"/> that analysts may read now add to the tallies.</summary>
    public static async Task<AnalysisCounts> ReadAsync(ConsultationDbContext db, IQueryable<ResponseAnswer> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(answers);
        var readable = from answer in Withholding.Searchable(db, answers.Where(a => a.Comments != null))
                       join response in db.Responses on answer.ResponseId equals response.Id
                       select new { answer.ResponseId, answer.QuestionNumber, answer.Choice, response.SubmittedAt, response.ContentVersionId, response.AgeGroup, response.AnsweringAs };
        var counts = new AnalysisCounts();
        await foreach (var c in readable
            .Select(c => new { c.QuestionNumber, c.SubmittedAt, c.ContentVersionId, c.AgeGroup, c.AnsweringAs, Tagged = db.CommentTags.Any(t => t.ResponseId == c.ResponseId && t.QuestionNumber == c.QuestionNumber) })
            .AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (c.QuestionNumber, TallyKind.Of(c.SubmittedAt, c.ContentVersionId, c.AgeGroup, c.AnsweringAs));
            var (comments, tagged) = counts.Comments.GetValueOrDefault(key);
            counts.Comments[key] = (comments + 1, tagged + (c.Tagged ? 1 : 0));
        }

        await foreach (var t in (from c in readable
                                 join tag in db.CommentTags on new { c.ResponseId, c.QuestionNumber } equals new { tag.ResponseId, tag.QuestionNumber }
                                 select new { c.QuestionNumber, tag.ThemeId, c.Choice, c.SubmittedAt, c.ContentVersionId, c.AgeGroup, c.AnsweringAs })
            .AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (t.QuestionNumber, t.ThemeId, TallyKind.Of(t.SubmittedAt, t.ContentVersionId, t.AgeGroup, t.AnsweringAs), ResultTally.KeyOf(t.Choice));
            counts.Themes[key] = counts.Themes.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Adds the counts to the tallies (or, with <paramref name="sign"/> -1, takes them away), in the caller's transaction.</summary>
    public static async Task AddAsync(ConsultationDbContext db, AnalysisCounts counts, int sign = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await TallyUpsert.AddAsync(db, "CommentTallies", CommentKeys, ["Comments", "Tagged"],
            counts.Comments.Where(p => p.Value != (0, 0)).Select(p => new object[]
            {
                p.Key.Question, p.Key.Kind.Day, p.Key.Kind.ContentVersionId, p.Key.Kind.AgeGroup, p.Key.Kind.AnsweringAs, sign * p.Value.Comments, sign * p.Value.Tagged,
            }), cancellationToken);
        await TallyUpsert.AddAsync(db, "ThemeTallies", ThemeKeys, ["Count"],
            counts.Themes.Where(p => p.Value != 0).Select(p => new object[]
            {
                p.Key.Question, p.Key.Theme, p.Key.Kind.Day, p.Key.Kind.ContentVersionId, p.Key.Kind.AgeGroup, p.Key.Kind.AnsweringAs, p.Key.Choice, sign * p.Value,
            }), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="change"/> to the comments among <paramref name="answers"/>, and changes the tallies by
    /// what it changed: the comments are read before and after it. Run in the change's transaction.
    /// </summary>
    public static async Task<T> ChangeAsync<T>(ConsultationDbContext db, IQueryable<ResponseAnswer> answers, Func<Task<T>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(change);

        await HoldAsync(answers, cancellationToken);
        var before = await ReadAsync(db, answers, cancellationToken);
        var result = await change();
        await MarkTaggedAsync(db, answers, cancellationToken);
        await AddAsync(db, (await ReadAsync(db, answers, cancellationToken)).Minus(before), cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>
    /// Writes the comments' rows, each to itself, before a change reads them: that holds them until the change
    /// commits, so another change to the same comments on a server database waits rather than reading the same
    /// "before" and counting twice. On SQLite it takes the one write lock, as every write does.
    /// </summary>
    public static Task HoldAsync(IQueryable<ResponseAnswer> answers, CancellationToken cancellationToken = default) =>
        answers.ExecuteUpdateAsync(set => set.SetProperty(a => a.Choice, a => a.Choice), cancellationToken);

    /// <summary>
    /// Sets each comment's <see cref="ResponseAnswer.TaggedAt"/> from its tags: the earliest still on it, or null.
    /// Derived the same way after every change and in a count from nothing, so it cannot drift from the tags.
    /// </summary>
    private static Task<int> MarkTaggedAsync(ConsultationDbContext db, IQueryable<ResponseAnswer> answers, CancellationToken cancellationToken) =>
        answers.Where(a => a.Comments != null).ExecuteUpdateAsync(set => set.SetProperty(
            a => a.TaggedAt,
            a => db.CommentTags.Where(t => t.ResponseId == a.ResponseId && t.QuestionNumber == a.QuestionNumber).Min(t => (DateTime?)t.TaggedAt)), cancellationToken);

    /// <summary>
    /// Counts one question's tallies again (or every question's), in the caller's transaction, which must keep
    /// other writers out until it commits: after a bulk deletion, or when they are missing.
    /// </summary>
    public static async Task RebuildAsync(ConsultationDbContext db, int? question = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.CommentTallies.Where(t => question == null || t.QuestionNumber == question).ExecuteDeleteAsync(cancellationToken);
        await db.ThemeTallies.Where(t => question == null || t.QuestionNumber == question).ExecuteDeleteAsync(cancellationToken);
        var answers = question is { } number ? db.ResponseAnswers.Where(a => a.QuestionNumber == number) : db.ResponseAnswers;
        await MarkTaggedAsync(db, answers, cancellationToken);
        await AddAsync(db, await ReadAsync(db, answers, cancellationToken), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Counts every question again when the tallies are empty but there are comments analysts may read (a
    /// database from before them, or one written into by a tool), or <paramref name="always"/>, when the results'
    /// tallies did not add up either. Run as the portal starts, after the migrations.
    /// </summary>
    public static async Task<bool> EnsureAsync(ConsultationDbContext db, bool always = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!always && await db.CommentTallies.AnyAsync(cancellationToken)
            || !await Withholding.Searchable(db, db.ResponseAnswers.Where(a => a.Comments != null)).AnyAsync(cancellationToken))
        {
            return false;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await RebuildAsync(db, cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }
}
