using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>A theme suggested or ranked for a comment, as the tagging page shows it.</summary>
public sealed record SuggestionRecord(int ThemeId, string ThemeName, bool Suggested);

/// <summary>How far the job has got with a question: its comments analysts may read, and how many have suggestions from the current codebook.</summary>
public sealed record SuggestionProgress(int Comments, int Suggested);

/// <summary>
/// A group of comments that fit no theme: a possible new theme. It is never named by the portal: its words
/// and typical comments are shown, and an analyst names a theme from it, or doesn't.
/// </summary>
public sealed record PossibleTheme(int Comments, IReadOnlyList<string> Keywords, IReadOnlyList<ThemedComment> Typical);

/// <summary>
/// Theme suggestions: made by a background job (<see cref="SuggestNextBatchAsync"/>, a question at a time) for every comment
/// analysts may read, stored apart from the tags, and read back for the tagging page, for the figures that
/// compare them with what people confirmed, and for the groups of comments that fit no theme (ADR 0021).
/// </summary>
public sealed class ThemeSuggestions(ConsultationDbContext db, Tagging tagging, SentenceModel model, ThemeSuggesterCache suggesters, TimeProvider clock)
{
    /// <summary>Comments per batch, of one question: one transaction, about a second of the model's time.</summary>
    public const int BatchSize = 64;

    /// <summary>The most comments the possible new themes are grouped from: the newest, so the page stays quick.</summary>
    public const int GroupFromAtMost = 1_000;

    /// <summary>
    /// Suggests themes for the question's next comments that have none from its current codebook: one batch.
    /// Idempotent: a comment's suggestions are replaced, never added to. Returns how many comments it did; 0 when
    /// none is waiting.
    /// </summary>
    public async Task<int> SuggestNextBatchAsync(int question, CancellationToken cancellationToken = default)
    {
        var codebook = await db.Themes.AsNoTracking().Where(t => t.QuestionNumber == question).ToListAsync(cancellationToken);
        var key = CodebookKey(codebook);
        var waiting = await tagging.ReadableIds(question)
            .Where(id => !db.SuggestedComments.Any(s => s.ResponseId == id && s.QuestionNumber == question && s.CodebookKey == key))
            .OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        // The text analysts read: a lead's redacted copy where there is one, never a withheld comment.
        var comments = await Withholding.Searchable(db, db.ResponseAnswers.Where(a => a.QuestionNumber == question && EF.Parameter(waiting).Contains(a.ResponseId) && a.Comments != null))
            .OrderBy(a => a.ResponseId).Select(a => new { a.ResponseId, Comments = a.Comments! }).ToListAsync(cancellationToken);
        var suggester = await suggesters.GetAsync(key, codebook, model, cancellationToken);
        var ranked = await suggester.RankAsync([.. comments.Select(c => c.Comments)], model, cancellationToken);
        return await StoreAsync(question, key, [.. comments.Select(c => c.ResponseId)], ranked, cancellationToken);
    }

    /// <summary>A comment's suggestions, best first, leaving out themes retired since.</summary>
    public Task<List<SuggestionRecord>> ForCommentAsync(string reference, int question, CancellationToken cancellationToken = default) =>
        (from response in db.Responses
         where response.Reference == reference
         join suggestion in db.ThemeSuggestions on response.Id equals suggestion.ResponseId
         where suggestion.QuestionNumber == question
         join theme in db.Themes on suggestion.ThemeId equals theme.Id
         where theme.RetiredAt == null
         orderby suggestion.Rank
         select new SuggestionRecord(theme.Id, theme.Name, suggestion.Suggested)).ToListAsync(cancellationToken);

    public async Task<SuggestionProgress> ProgressAsync(int question, CancellationToken cancellationToken = default)
    {
        var key = CodebookKey(await db.Themes.AsNoTracking().Where(t => t.QuestionNumber == question).ToListAsync(cancellationToken));
        var readable = tagging.ReadableIds(question);
        var comments = await readable.CountAsync(cancellationToken);
        var suggested = await readable.CountAsync(id => db.SuggestedComments.Any(s => s.ResponseId == id && s.QuestionNumber == question && s.CodebookKey == key), cancellationToken);
        return new(comments, suggested);
    }

    /// <summary>
    /// The suggestions against what people confirmed, over the question's comments analysts may read that
    /// have both: a suggested theme a person ticked counts for, one they did not against, and a theme they
    /// ticked that was not suggested is missed. "Other" is never suggested, so a comment tagged Other counts as missed.
    /// </summary>
    public async Task<SuggestionScore> ScoreAsync(int question, CancellationToken cancellationToken = default)
    {
        var readable = tagging.ReadableIds(question);
        var suggested = await db.ThemeSuggestions
            .Where(s => s.QuestionNumber == question && s.Suggested && readable.Contains(s.ResponseId)
                && db.CommentTags.Any(t => t.ResponseId == s.ResponseId && t.QuestionNumber == question))
            .Select(s => new { s.ResponseId, s.ThemeId }).ToListAsync(cancellationToken);
        var confirmed = await db.CommentTags
            .Where(t => t.QuestionNumber == question && readable.Contains(t.ResponseId)
                && db.ThemeSuggestions.Any(s => s.ResponseId == t.ResponseId && s.QuestionNumber == question))
            .Select(t => new { t.ResponseId, t.ThemeId }).ToListAsync(cancellationToken);
        var bySuggested = suggested.ToLookup(s => s.ResponseId, s => s.ThemeId);
        var byConfirmed = confirmed.ToLookup(t => t.ResponseId, t => t.ThemeId);
        return SuggestionScore.Of(byConfirmed.Select(c => ((IReadOnlySet<int>)bySuggested[c.Key].ToHashSet(), (IReadOnlySet<int>)c.ToHashSet())));
    }

    /// <summary>
    /// Groups the question's comments that fit no theme: those a person tagged Other, and those not yet tagged
    /// whose best suggestion fitted poorly (<see cref="ThemeSuggester.FitsNoThemeBelow"/>), the newest
    /// <see cref="GroupFromAtMost"/> of them. Groups of fewer than three comments are left out.
    /// </summary>
    public async Task<List<PossibleTheme>> PossibleThemesAsync(int question, CancellationToken cancellationToken = default)
    {
        var other = await db.Themes.Where(t => t.QuestionNumber == question && t.Kind == ThemeKind.Other).Select(t => t.Id).SingleAsync(cancellationToken);
        var pool = await (from answer in Withholding.Searchable(db, db.ResponseAnswers.Where(a => a.QuestionNumber == question && a.Comments != null))
                          where (db.CommentTags.Any(t => t.ResponseId == answer.ResponseId && t.QuestionNumber == question && t.ThemeId == other)
                                 || (!db.CommentTags.Any(t => t.ResponseId == answer.ResponseId && t.QuestionNumber == question)
                                     && db.SuggestedComments.Any(s => s.ResponseId == answer.ResponseId && s.QuestionNumber == question && s.BestScore < ThemeSuggester.FitsNoThemeBelow)))
                          orderby answer.ResponseId descending
                          join response in db.Responses on answer.ResponseId equals response.Id
                          select new ThemedComment(response.Reference, answer.Choice, answer.Comments!)).Take(GroupFromAtMost).ToListAsync(cancellationToken);
        return CommentGroups.Group(pool);
    }

    /// <summary>Identifies a question's codebook as the suggester reads it: any change to a theme it compares with gives a new key.</summary>
    public static string CodebookKey(IEnumerable<Theme> codebook)
    {
        var text = new StringBuilder();
        foreach (var theme in codebook.Where(t => !t.IsRetired && t.Kind != ThemeKind.Other).OrderBy(t => t.Id))
        {
            text.Append(theme.Id).Append('\u001f').AppendJoin('\u001f', SuggestableTheme.Of(theme).Parts).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private async Task<int> StoreAsync(int question, string key, List<long> ids, List<IReadOnlyList<RankedTheme>> ranked, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.ThemeSuggestions.Where(s => s.QuestionNumber == question && EF.Parameter(ids).Contains(s.ResponseId)).ExecuteDeleteAsync(cancellationToken);
                await db.SuggestedComments.Where(s => s.QuestionNumber == question && EF.Parameter(ids).Contains(s.ResponseId)).ExecuteDeleteAsync(cancellationToken);
                for (var i = 0; i < ids.Count; i++)
                {
                    db.SuggestedComments.Add(new SuggestedComment { ResponseId = ids[i], QuestionNumber = question, CodebookKey = key, BestScore = ranked[i].Count == 0 ? 0 : ranked[i][0].Score, SuggestedAt = now });
                    db.ThemeSuggestions.AddRange(ranked[i].Select((theme, rank) => new ThemeSuggestion
                    {
                        ResponseId = ids[i],
                        QuestionNumber = question,
                        Rank = rank + 1,
                        ThemeId = theme.ThemeId,
                        Score = theme.Score,
                        Suggested = theme.Suggested,
                    }));
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ids.Count;
            });
        }
        catch (DbUpdateException)
        {
            // A response withdrawn, or a theme changed, while the batch was read: nothing of it is stored,
            // and the next batch reads the comments as they are now.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

/// <summary>
/// The suggester for each question's codebook, kept while the codebook is unchanged: its themes' vectors
/// cost the model a call to make. One per process.
/// </summary>
public sealed class ThemeSuggesterCache
{
    private readonly ConcurrentDictionary<string, ThemeSuggester> _byKey = new(StringComparer.Ordinal);

    public async Task<ThemeSuggester> GetAsync(string key, IEnumerable<Theme> codebook, SentenceModel model, CancellationToken cancellationToken)
    {
        if (_byKey.TryGetValue(key, out var suggester))
        {
            return suggester;
        }

        suggester = await ThemeSuggester.ForAsync(codebook, model, cancellationToken: cancellationToken);
        if (_byKey.Count > 100)
        {
            // Codebooks change a few times a day; a long run of edits should not keep every old one.
            _byKey.Clear();
        }

        return _byKey.GetOrAdd(key, suggester);
    }
}
