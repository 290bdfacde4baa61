using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>A comment as an analyst tags it: what they may read of it, its answer and who sent it, and its tags and notes so far.</summary>
public sealed record CommentToTag(
    string Reference, int QuestionNumber, Choice? Choice, int VersionNumber, AgeGroup? AgeGroup, DateTime SubmittedAt, string Comments,
    IReadOnlyList<TagRecord> Tags, IReadOnlyList<NoteRecord> Notes);

/// <summary>A comment with a theme, as a list of them shows it.</summary>
public sealed record ThemedComment(string Reference, Choice? Choice, string Comments);

/// <summary>One row of the themes download: a comment (its response and question), its answer, and one of its themes.</summary>
public sealed record TagExportRow(string Reference, int QuestionNumber, Choice? Choice, string Theme)
{
    public static readonly IReadOnlyList<string> Columns = ["Reference", "Question", "Answer", "Theme"];

    public IReadOnlyList<string> Cells() =>
        [Reference, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Q{QuestionNumber}"), Content.AnswerOptions.Choices.LabelOf(Choice) ?? "", Theme];
}

/// <summary>How many comments with one answer have one theme.</summary>
public sealed record ThemeCount(int ThemeId, Choice? Choice, int Count);

public sealed record TagRecord(int ThemeId, string ThemeName, bool Retired, DateTime TaggedAt, string TaggedBy);

public sealed record NoteRecord(string Text, DateTime WrittenAt, string WrittenBy);

/// <summary>How many of a question's comments there are, under a filter, and how many have at least one tag.</summary>
public sealed record TaggingProgress(int QuestionNumber, int Comments, int Tagged)
{
    public int? Percent => Comments == 0 ? null : (int)Math.Floor(100.0 * Tagged / Comments);
}

/// <summary>
/// An analyst's change to one comment's tags. <see cref="Shown"/> is the themes that were ticked when the
/// page was shown: only those the analyst unticked are removed, so a tag another analyst added meanwhile stays.
/// </summary>
public sealed record TagChange(int QuestionNumber, string Reference, IReadOnlySet<int> Ticked, IReadOnlySet<int> Shown, string? Note);

public enum TaggingOutcome
{
    Done,

    /// <summary>The response was withdrawn (or never existed): there is nothing to tag.</summary>
    Gone,

    /// <summary>The comment is withheld for safeguarding review, or not yet screened: analysts may not read it.</summary>
    Withheld,

    /// <summary>A ticked theme is not one of the question's themes in use: it was retired meanwhile.</summary>
    ThemeNotInUse,
}

/// <summary>
/// Tagging comments with their question's themes: the queue of untagged comments, a comment's tags and
/// notes, and the share of each question's comments tagged. Only comments analysis may read are here: a
/// comment withheld for safeguarding review, or not yet screened, is neither offered, shown nor counted.
/// </summary>
public sealed class Tagging(ConsultationDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Tries a save again this many times when another analyst's tags went in first.</summary>
    private const int SaveAttempts = 3;

    /// <summary>
    /// The first untagged comment of the question that matches the filter, oldest response first; after
    /// <paramref name="after"/> (a skipped or just saved comment's reference) when given, going round to the
    /// start at the end. With a <paramref name="theme"/>, the first comment tagged with it instead, so an analyst
    /// can go back through one theme's comments (everything tagged "Other", say, once a new theme is added).
    /// </summary>
    public async Task<CommentToTag?> NextAsync(int question, ResponseFilter filter, string? after, int? theme = null, CancellationToken cancellationToken = default)
    {
        // From the index of untagged comments (ResponseAnswer.TaggedAt), and checked against the tags themselves.
        var queue = theme is null
            ? Readable(question, filter, untaggedOnly: true).Where(c => !db.CommentTags.Any(t => t.ResponseId == c.ResponseId && t.QuestionNumber == question))
            : Readable(question, filter, theme: theme);
        var afterId = after is null ? null : await IdOfAsync(after, cancellationToken);
        var next = afterId is { } id ? await FirstAsync(queue.Where(c => c.ResponseId > id), cancellationToken) : null;
        next ??= await FirstAsync(queue, cancellationToken);
        return next is null ? null : await WithTagsAsync(next, cancellationToken);
    }

    /// <summary>The comment, if its response is still here and analysis may read it; null otherwise.</summary>
    public async Task<CommentToTag?> FindAsync(int question, string reference, CancellationToken cancellationToken = default)
    {
        var normalised = ReferenceCode.Normalise(reference);
        var found = await FirstAsync(Readable(question, ResponseFilter.None).Where(c => c.Reference == normalised), cancellationToken);
        return found is null ? null : await WithTagsAsync(found, cancellationToken);
    }

    /// <summary>
    /// The comments analysts may read that have the theme, and whose responses match the filter, oldest
    /// response first: <paramref name="take"/> of them after the first <paramref name="skip"/>.
    /// </summary>
    /// <remarks>With <paramref name="alsoTagged"/>, only the comments that have that theme as well.</remarks>
    public Task<List<ThemedComment>> TaggedWithAsync(Theme theme, ResponseFilter filter, int skip, int take, int? alsoTagged = null, CancellationToken cancellationToken = default) =>
        TaggedWith(theme, filter, alsoTagged).OrderBy(c => c.ResponseId).Skip(skip).Take(take)
            .Select(c => new ThemedComment(c.Reference, c.Choice, c.Comments)).ToListAsync(cancellationToken);

    /// <summary>How many comments <see cref="TaggedWithAsync"/> would list in all.</summary>
    public Task<int> CountTaggedWithAsync(Theme theme, ResponseFilter filter, int? alsoTagged = null, CancellationToken cancellationToken = default) =>
        TaggedWith(theme, filter, alsoTagged).CountAsync(cancellationToken);

    /// <summary>The comments on the question that analysts may read now, of the responses given, by reference: one query for a page of them.</summary>
    public Task<Dictionary<string, string>> TextsAsync(int question, IReadOnlyCollection<string> references, CancellationToken cancellationToken = default) =>
        Readable(question, ResponseFilter.None).Where(c => EF.Parameter(references).Contains(c.Reference))
            .ToDictionaryAsync(c => c.Reference, c => c.Comments, StringComparer.Ordinal, cancellationToken);

    /// <summary>The responses whose comment on the question analysts may read now: for other queries to join to.</summary>
    public IQueryable<long> ReadableIds(int question) => Readable(question, ResponseFilter.None).Select(c => c.ResponseId);

    /// <summary>
    /// Every tag on a comment analysts may read, whose response matches the filter: one row per comment and
    /// theme, by response, question and theme name, streamed as it is read for the downloads.
    /// </summary>
    public IAsyncEnumerable<TagExportRow> ExportRowsAsync(ResponseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (from comment in Readable(null, filter)
                join tag in db.CommentTags on new { comment.ResponseId, comment.QuestionNumber } equals new { tag.ResponseId, tag.QuestionNumber }
                join theme in db.Themes on tag.ThemeId equals theme.Id
                orderby comment.ResponseId, comment.QuestionNumber, theme.Name
                select new TagExportRow(comment.Reference, comment.QuestionNumber, comment.Choice, theme.Name)).AsNoTracking().AsAsyncEnumerable();
    }

    /// <summary>
    /// How many of the question's comments that analysts may read, under the filter, have each theme, by their
    /// answer: summed from the tallies kept with every change to them (<see cref="AnalysisTallies"/>).
    /// </summary>
    /// <remarks>
    /// With a <paramref name="theme"/>, of the comments tagged with it only: which other themes they have. The
    /// tallies cannot say that, so it is counted from the tags, over that one theme's comments.
    /// </remarks>
    public async Task<List<ThemeCount>> ThemeCountsAsync(int question, ResponseFilter filter, int? theme = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (theme is not null)
        {
            var together = await (from comment in Readable(question, filter, theme: theme)
                                  join tag in db.CommentTags on new { comment.ResponseId, comment.QuestionNumber } equals new { tag.ResponseId, tag.QuestionNumber }
                                  group tag by new { tag.ThemeId, comment.Choice } into g
                                  select new { g.Key.ThemeId, g.Key.Choice, Count = g.Count() }).ToListAsync(cancellationToken);
            return [.. together.Select(c => new ThemeCount(c.ThemeId, c.Choice, c.Count))];
        }

        var counts = await filter.Tallies(db.ThemeTallies.AsNoTracking().Where(t => t.QuestionNumber == question), db.ContentVersions)
            .GroupBy(t => new { t.ThemeId, t.Choice })
            .Select(g => new { g.Key.ThemeId, g.Key.Choice, Count = g.Sum(t => t.Count) })
            .Where(g => g.Count > 0)
            .ToListAsync(cancellationToken);
        return [.. counts.Select(c => new ThemeCount(c.ThemeId, ResultTally.ChoiceOf(c.Choice), c.Count))];
    }

    /// <summary>
    /// A question's coded themes (not "Other" or "No reason given", nor a retired one) with the most comments tagged
    /// with them, most first: what "You said, we did" starts from.
    /// </summary>
    public async Task<IReadOnlyList<(string Theme, int Comments)>> TopThemesAsync(int question, int take, CancellationToken cancellationToken = default)
    {
        var comments = (await ThemeCountsAsync(question, ResponseFilter.None, cancellationToken: cancellationToken))
            .GroupBy(c => c.ThemeId)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var ids = comments.Keys.ToList();
        var themes = await db.Themes.AsNoTracking()
            .Where(t => t.QuestionNumber == question && t.Kind == ThemeKind.Coded && t.RetiredAt == null && ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        return [.. themes.Select(t => (t.Name, comments[t.Id])).OrderByDescending(t => t.Item2).ThenBy(t => t.Name, StringComparer.Ordinal).Take(take)];
    }

    /// <summary>Each question's comments (or one question's) and how many are tagged, under the filter: summed from the tallies.</summary>
    /// <remarks>With a <paramref name="theme"/> of the question, the comments tagged with it, all of them tagged.</remarks>
    public async Task<List<TaggingProgress>> ProgressAsync(ResponseFilter filter, int? question = null, int? theme = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (question is { } asked && theme is not null)
        {
            var withTheme = await Readable(asked, filter, theme: theme).CountAsync(cancellationToken);
            return [new TaggingProgress(asked, withTheme, withTheme)];
        }

        var counts = await filter.Tallies(db.CommentTallies.AsNoTracking().Where(t => question == null || t.QuestionNumber == question), db.ContentVersions)
            .GroupBy(t => t.QuestionNumber)
            .Select(g => new { g.Key, Comments = g.Sum(t => t.Comments), Tagged = g.Sum(t => t.Tagged) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        return [.. Codebook.Questions.Where(q => question is null || q == question)
            .Select(q => counts.TryGetValue(q, out var c) ? new TaggingProgress(q, c.Comments, c.Tagged) : new TaggingProgress(q, 0, 0))];
    }

    /// <summary>
    /// Adds the ticked themes the comment lacks and removes the ones the analyst unticked, with their note, in
    /// one save, audited. Nothing is written unless the comment is still here, readable, and every ticked theme in use.
    /// </summary>
    public async Task<(TaggingOutcome Outcome, string? Theme)> SaveAsync(TagChange change, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var outcome = await TrySaveAsync(change, actor, from, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return outcome;
                });
            }
            catch (DbUpdateException) when (attempt < SaveAttempts)
            {
                // Another analyst's tag on this comment went in first (the unique index), or a tag this
                // analyst removes was removed by them: read the comment's tags again, and apply the change to those.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(TaggingOutcome Outcome, string? Theme)> TrySaveAsync(TagChange change, string actor, IPAddress? from, CancellationToken cancellationToken)
    {
        var normalised = ReferenceCode.Normalise(change.Reference);
        var responseId = await db.Responses.Where(r => r.Reference == normalised).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (responseId is not { } id || !await db.ResponseAnswers.AnyAsync(a => a.ResponseId == id && a.QuestionNumber == change.QuestionNumber && a.Comments != null, cancellationToken))
        {
            return (TaggingOutcome.Gone, null);
        }

        if (!await Readable(change.QuestionNumber, ResponseFilter.None).AnyAsync(c => c.ResponseId == id, cancellationToken))
        {
            return (TaggingOutcome.Withheld, null);
        }

        var themes = await db.Themes.AsNoTracking().Where(t => t.QuestionNumber == change.QuestionNumber).ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var ticked in change.Ticked)
        {
            if (!themes.TryGetValue(ticked, out var theme) || theme.IsRetired)
            {
                return (TaggingOutcome.ThemeNotInUse, theme?.Name);
            }
        }

        var existing = await db.CommentTags.Where(t => t.ResponseId == id && t.QuestionNumber == change.QuestionNumber).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = change.Ticked.Where(t => !existing.Exists(e => e.ThemeId == t)).ToList();
        var removed = existing.Where(e => change.Shown.Contains(e.ThemeId) && !change.Ticked.Contains(e.ThemeId)).ToList();
        db.CommentTags.AddRange(added.Select(t => new CommentTag { ResponseId = id, QuestionNumber = change.QuestionNumber, ThemeId = t, TaggedAt = now, TaggedBy = actor }));
        db.CommentTags.RemoveRange(removed);
        var note = change.Note?.Trim();
        if (!string.IsNullOrEmpty(note))
        {
            db.CommentNotes.Add(new CommentNote { ResponseId = id, QuestionNumber = change.QuestionNumber, Text = note, WrittenAt = now, WrittenBy = actor });
        }

        if (added.Count == 0 && removed.Count == 0 && string.IsNullOrEmpty(note))
        {
            return (TaggingOutcome.Done, null);
        }

        // The audit names the themes and, for a removed tag, who had added it and when; it never holds the note.
        audit.Add(actor, AuditActions.CommentTagsChanged, $"{normalised} Q{change.QuestionNumber}", new
        {
            Added = added.Select(t => themes[t].Name),
            Removed = removed.Select(e => new { Theme = themes[e.ThemeId].Name, e.TaggedBy, e.TaggedAt }),
            NoteAdded = !string.IsNullOrEmpty(note),
        }, from);

        // The theme tables and the share tagged change with the tags, in the same transaction.
        await AnalysisTallies.ChangeAsync(db, db.ResponseAnswers.Where(a => a.ResponseId == id && a.QuestionNumber == change.QuestionNumber),
            () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return (TaggingOutcome.Done, null);
    }

    /// <summary>
    /// The comments analysis may read (<see cref="Withholding.Searchable(ConsultationDbContext, IQueryable{ResponseAnswer})"/>) of one question, or all, whose
    /// responses match the filter: the one definition the queue, the comment page and the counts share.
    /// </summary>
    private IQueryable<ReadableComment> Readable(int? question, ResponseFilter filter, bool untaggedOnly = false, int? theme = null)
    {
        // The answers with comments first, so the database walks the index of them (IX_ResponseAnswers_Comments,
        // or IX_ResponseAnswers_Untagged for those not tagged yet) rather than every answer, and joins only those.
        var answers = db.ResponseAnswers.Where(a => a.Comments != null);
        if (untaggedOnly)
        {
            answers = answers.Where(a => a.TaggedAt == null);
        }

        if (question is { } number)
        {
            answers = answers.Where(a => a.QuestionNumber == number);
        }

        if (theme is { } themeId)
        {
            answers = answers.Where(a => db.CommentTags.Any(t => t.ResponseId == a.ResponseId && t.QuestionNumber == a.QuestionNumber && t.ThemeId == themeId));
        }

        // Every comment here has text: an answer with a comment, and a lead's redacted copy is never empty.
        // Not testing the CASE that chooses between them keeps the database off the answers' wide rows.
        return from answer in Withholding.Searchable(db, answers)
               join response in filter.Apply(db.Responses, db.ContentVersions) on answer.ResponseId equals response.Id
               join version in db.ContentVersions on response.ContentVersionId equals version.Id
               select new ReadableComment
               {
                   // The answer's column, not the response's, so "oldest first" is the index's own order.
                   ResponseId = answer.ResponseId,
                   Reference = response.Reference,
                   QuestionNumber = answer.QuestionNumber,
                   Choice = answer.Choice,
                   VersionNumber = version.Number,
                   AgeGroup = response.AgeGroup,
                   SubmittedAt = response.SubmittedAt,
                   Comments = answer.Comments!,
               };
    }

    private IQueryable<ReadableComment> TaggedWith(Theme theme, ResponseFilter filter, int? alsoTagged)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(filter);
        return Readable(theme.QuestionNumber, filter, theme: alsoTagged)
            .Where(c => db.CommentTags.Any(t => t.ResponseId == c.ResponseId && t.QuestionNumber == c.QuestionNumber && t.ThemeId == theme.Id));
    }

    private static Task<ReadableComment?> FirstAsync(IQueryable<ReadableComment> comments, CancellationToken cancellationToken) =>
        comments.OrderBy(c => c.ResponseId).FirstOrDefaultAsync(cancellationToken);

    private async Task<long?> IdOfAsync(string reference, CancellationToken cancellationToken)
    {
        var normalised = ReferenceCode.Normalise(reference);
        return await db.Responses.Where(r => r.Reference == normalised).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<CommentToTag> WithTagsAsync(ReadableComment comment, CancellationToken cancellationToken)
    {
        var tags = await (from tag in db.CommentTags
                          where tag.ResponseId == comment.ResponseId && tag.QuestionNumber == comment.QuestionNumber
                          join theme in db.Themes on tag.ThemeId equals theme.Id
                          orderby tag.TaggedAt, tag.Id
                          select new TagRecord(theme.Id, theme.Name, theme.RetiredAt != null, tag.TaggedAt, tag.TaggedBy)).ToListAsync(cancellationToken);
        var notes = await db.CommentNotes.Where(n => n.ResponseId == comment.ResponseId && n.QuestionNumber == comment.QuestionNumber)
            .OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).Select(n => new NoteRecord(n.Text, n.WrittenAt, n.WrittenBy)).ToListAsync(cancellationToken);
        return new CommentToTag(comment.Reference, comment.QuestionNumber, comment.Choice, comment.VersionNumber, comment.AgeGroup, comment.SubmittedAt, comment.Comments, tags, notes);
    }

    private sealed class ReadableComment
    {
        public long ResponseId { get; init; }
        public required string Reference { get; init; }
        public int QuestionNumber { get; init; }
        public Choice? Choice { get; init; }
        public int VersionNumber { get; init; }
        public AgeGroup? AgeGroup { get; init; }
        public DateTime SubmittedAt { get; init; }
        public required string Comments { get; init; }
    }
}
