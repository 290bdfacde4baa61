using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>What an analyst writes about a theme.</summary>
public sealed record ThemeText(string Name, string Description, string IncludeWhen, string ExcludeWhen, string Example)
{
    public static ThemeText Of(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new(theme.Name, theme.Description, theme.IncludeWhen, theme.ExcludeWhen, theme.Example);
    }
}

public enum CodebookOutcome
{
    Done,
    NotFound,

    /// <summary>Someone else changed the theme since this analyst read it: nothing was written.</summary>
    Conflict,

    /// <summary>The question already has a theme of that name, perhaps retired.</summary>
    DuplicateName,

    /// <summary>A theme cannot be merged into itself.</summary>
    SameTheme,

    /// <summary>The theme to merge into is not one of the question's themes in use: retired, perhaps merged itself, meanwhile.</summary>
    TargetNotInUse,

    /// <summary>None of the comments chosen for a split has the theme any more: nothing was written.</summary>
    NothingToMove,
}

/// <summary>
/// Each question's codebook: adding, describing, retiring and restoring themes, and importing a whole
/// codebook. Every change is audited with the theme before and after, in the same save as the change.
/// "Other" and "No reason given" are on every question from the start (<see cref="EnsureFixedThemesAsync"/>),
/// and can be described but not renamed or retired.
/// </summary>
public sealed class Codebook(ConsultationDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<ThemeText> FixedThemes =
    [
        new("Other", "The comment gives a view or a reason that no other theme describes.", "Use it with another theme when the comment also says something new.", "Do not use it for a comment that gives no reason: use No reason given.", ""),
        new("No reason given", "The comment says nothing about why, or nothing about the question.", "Use it for comments such as \"yes\", \"idk\", \"ok\" or \"no comment\".", "Do not use it when there is any reason at all, however short.", "idk really"),
    ];

    private static readonly ThemeKind[] FixedKinds = [ThemeKind.Other, ThemeKind.NoReasonGiven];

    public static IEnumerable<int> Questions => Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.LastQuestionNumber - ConsultationLimits.FirstQuestionNumber + 1);

    /// <summary>Adds "Other" and "No reason given" to every question that lacks them: as the portal starts, and safe on two nodes at once.</summary>
    public static async Task EnsureFixedThemesAsync(ConsultationDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var have = await db.Themes.AsNoTracking().Where(t => t.Kind != ThemeKind.Coded)
            .Select(t => new { t.QuestionNumber, t.Kind }).ToListAsync(cancellationToken);
        foreach (var question in Questions)
        {
            for (var i = 0; i < FixedKinds.Length; i++)
            {
                if (!have.Exists(t => t.QuestionNumber == question && t.Kind == FixedKinds[i]))
                {
                    db.Themes.Add(NewTheme(question, FixedKinds[i], FixedThemes[i], "system", now));
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node added them first: its rows stand. Anything else is a real fault.
            db.ChangeTracker.Clear();
            if (await db.Themes.CountAsync(t => t.Kind != ThemeKind.Coded, cancellationToken) < FixedKinds.Length * Questions.Count())
            {
                throw;
            }
        }
    }

    /// <summary>The question's themes: those in use by name, then Other and No reason given, then the retired ones.</summary>
    public async Task<List<Theme>> ThemesAsync(int question, CancellationToken cancellationToken = default)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.QuestionNumber == question).ToListAsync(cancellationToken);
        return [.. themes.OrderBy(t => t.IsRetired).ThenBy(t => t.Kind).ThenBy(t => t.Name, StringComparer.InvariantCultureIgnoreCase)];
    }

    /// <summary>Every theme of every question, retired or not.</summary>
    public Task<List<Theme>> AllAsync(CancellationToken cancellationToken = default) =>
        db.Themes.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Every question's themes in use, in question order, for the downloads.</summary>
    public async Task<List<Theme>> ThemesInUseAsync(CancellationToken cancellationToken = default)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.RetiredAt == null).ToListAsync(cancellationToken);
        return [.. themes.OrderBy(t => t.QuestionNumber).ThenBy(t => t.Kind).ThenBy(t => t.Name, StringComparer.InvariantCultureIgnoreCase)];
    }

    public Task<Theme?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<(CodebookOutcome Outcome, int? Id)> AddAsync(int question, ThemeText text, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Questions.Contains(question))
        {
            return (CodebookOutcome.NotFound, null);
        }

        text = Tidy(text);
        if (await NameTakenAsync(question, text.Name, null, cancellationToken))
        {
            return (CodebookOutcome.DuplicateName, null);
        }

        var theme = NewTheme(question, ThemeKind.Coded, text, actor, clock.GetUtcNow().UtcDateTime);
        db.Themes.Add(theme);
        audit.Add(actor, AuditActions.ThemeAdded, Target(theme), new { After = text }, from);
        return await SaveAsync(question, text.Name, cancellationToken) is { } failed ? (failed, null) : (CodebookOutcome.Done, theme.Id);
    }

    /// <summary>Describes (and, unless it is Other or No reason given, renames) a theme as the analyst last read it.</summary>
    public async Task<CodebookOutcome> EditAsync(int id, Guid stamp, ThemeText text, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await db.Themes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } theme)
        {
            return CodebookOutcome.NotFound;
        }

        if (theme.ConcurrencyStamp != stamp)
        {
            return CodebookOutcome.Conflict;
        }

        text = Tidy(theme.IsFixed ? text with { Name = theme.Name } : text);
        if (await NameTakenAsync(theme.QuestionNumber, text.Name, theme.Id, cancellationToken))
        {
            return CodebookOutcome.DuplicateName;
        }

        var before = ThemeText.Of(theme);
        if (before == text)
        {
            return CodebookOutcome.Done;
        }

        Apply(theme, text, actor);
        audit.Add(actor, AuditActions.ThemeEdited, Target(theme), new { Before = before, After = text }, from);
        return await SaveAsync(theme.QuestionNumber, text.Name, cancellationToken) ?? CodebookOutcome.Done;
    }

    /// <summary>Takes a theme out of use. It keeps its name, its history and its tags; it can be restored.</summary>
    public Task<CodebookOutcome> RetireAsync(int id, Guid stamp, string actor, IPAddress? from, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(id, stamp, retire: true, actor, from, cancellationToken);

    public Task<CodebookOutcome> RestoreAsync(int id, Guid stamp, string actor, IPAddress? from, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(id, stamp, retire: false, actor, from, cancellationToken);

    /// <summary>
    /// Merges a theme into another of its question's themes in use: its tags move there (a comment that has
    /// both keeps one), and it is retired, naming the theme it went into. The theme's stamp is the lock: of
    /// two merges of one theme at once, the second finds it changed and nothing of it is written.
    /// </summary>
    public async Task<(CodebookOutcome Outcome, int Moved)> MergeAsync(int id, Guid stamp, int intoId, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        if (id == intoId)
        {
            return (CodebookOutcome.SameTheme, 0);
        }

        var themes = await db.Themes.AsNoTracking().Where(t => t.Id == id || t.Id == intoId).ToListAsync(cancellationToken);
        if (themes.Find(t => t.Id == id) is not { IsFixed: false } theme)
        {
            return (CodebookOutcome.NotFound, 0);
        }

        if (themes.Find(t => t.Id == intoId) is not { IsRetired: false } into || into.QuestionNumber != theme.QuestionNumber)
        {
            return (CodebookOutcome.TargetNotInUse, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var retired = await db.Themes.Where(t => t.Id == id && t.ConcurrencyStamp == stamp && t.RetiredAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.RetiredAt, now)
                    .SetProperty(t => t.RetiredBy, actor)
                    .SetProperty(t => t.MergedIntoId, intoId)
                    .SetProperty(t => t.UpdatedAt, now)
                    .SetProperty(t => t.UpdatedBy, actor)
                    .SetProperty(t => t.ConcurrencyStamp, Guid.NewGuid()), cancellationToken);

            // The theme merged into must still be in use when the tags land on it. Writing its row (to
            // itself) holds it until this commits, so a merge of it elsewhere waits, then sees it retired.
            var target = retired == 0 ? 0 : await db.Themes.Where(t => t.Id == intoId && t.RetiredAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RetiredAt, t => t.RetiredAt), cancellationToken);
            if (retired == 0 || target == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return (retired == 0 ? CodebookOutcome.Conflict : CodebookOutcome.TargetNotInUse, 0);
            }

            // The comments with either theme are the same comments before the move and after it, so the analysis
            // tallies change by the difference between the two readings of them.
            var affected = db.ResponseAnswers.Where(a => a.QuestionNumber == theme.QuestionNumber
                && db.CommentTags.Any(t => (t.ThemeId == id || t.ThemeId == intoId) && t.ResponseId == a.ResponseId && t.QuestionNumber == a.QuestionNumber));
            var (both, moved) = await AnalysisTallies.ChangeAsync(db, affected, async () =>
            {
                var both = await db.CommentTags
                    .Where(t => t.ThemeId == id && db.CommentTags.Any(o => o.ThemeId == intoId && o.ResponseId == t.ResponseId && o.QuestionNumber == t.QuestionNumber))
                    .ExecuteDeleteAsync(cancellationToken);
                return (both, await db.CommentTags.Where(t => t.ThemeId == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.ThemeId, intoId), cancellationToken));
            }, cancellationToken);
            audit.Add(actor, AuditActions.ThemeMerged, Target(theme), new { Into = into.Name, Moved = moved, AlreadyTaggedWithIt = both }, from);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (CodebookOutcome.Done, moved + both);
        });
    }

    /// <summary>
    /// Splits a theme: adds a theme to its question and moves the tags of the comments chosen (by their
    /// responses' references) to it; the rest stay. Refused if the theme changed since the analyst read it.
    /// </summary>
    public async Task<(CodebookOutcome Outcome, int? Id, int Moved)> SplitAsync(
        int id, Guid stamp, ThemeText text, IReadOnlyCollection<string> references, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        if (await FindAsync(id, cancellationToken) is not { } theme)
        {
            return (CodebookOutcome.NotFound, null, 0);
        }

        text = Tidy(text);
        if (await NameTakenAsync(theme.QuestionNumber, text.Name, null, cancellationToken))
        {
            return (CodebookOutcome.DuplicateName, null, 0);
        }

        var chosen = references.Select(ReferenceCode.Normalise).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var held = await db.Themes.Where(t => t.Id == id && t.ConcurrencyStamp == stamp && t.RetiredAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.UpdatedAt, now)
                    .SetProperty(t => t.UpdatedBy, actor)
                    .SetProperty(t => t.ConcurrencyStamp, Guid.NewGuid()), cancellationToken);
            if (held == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return (CodebookOutcome.Conflict, (int?)null, 0);
            }

            var created = NewTheme(theme.QuestionNumber, ThemeKind.Coded, text, actor, now);
            db.Themes.Add(created);
            audit.Add(actor, AuditActions.ThemeAdded, Target(created), new { After = text, From = $"split of \"{theme.Name}\"" }, from);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique name index: another analyst added the name a moment before.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return (CodebookOutcome.DuplicateName, (int?)null, 0);
            }

            // The chosen comments, whatever their tags, are the comments the move changes.
            var affected = db.ResponseAnswers.Where(a => a.QuestionNumber == theme.QuestionNumber && db.Responses.Any(r => r.Id == a.ResponseId && chosen.Contains(r.Reference)));
            var moved = await AnalysisTallies.ChangeAsync(db, affected, () => db.CommentTags
                .Where(t => t.ThemeId == id && db.Responses.Any(r => r.Id == t.ResponseId && chosen.Contains(r.Reference)))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ThemeId, created.Id), cancellationToken), cancellationToken);
            if (moved == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return (CodebookOutcome.NothingToMove, (int?)null, 0);
            }

            audit.Add(actor, AuditActions.ThemeSplit, Target(theme), new { Into = created.Name, Moved = moved }, from);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (CodebookOutcome.Done, created.Id, moved);
        });
    }

    /// <summary>
    /// Adds the file's themes that are new, and rewrites those it names that exist (found by name within
    /// their question; a retired one is brought back), in one save, each change audited. Themes the file
    /// does not name are left as they are. Returns how many were added and how many changed.
    /// </summary>
    public async Task<(int Added, int Changed)> ImportAsync(IReadOnlyList<CodebookRow> rows, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var themes = await db.Themes.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (added, changed) = (0, 0);
        foreach (var row in rows)
        {
            var text = Tidy(row.Text);
            var normalized = Theme.Normalize(text.Name);
            var theme = themes.Find(t => t.QuestionNumber == row.QuestionNumber && t.NormalizedName == normalized);
            if (theme is null)
            {
                theme = NewTheme(row.QuestionNumber, ThemeKind.Coded, text, actor, now);
                db.Themes.Add(theme);
                audit.Add(actor, AuditActions.ThemeAdded, Target(theme), new { After = text, From = "import" }, from);
                added++;
                continue;
            }

            var before = ThemeText.Of(theme);
            if (before == text && !theme.IsRetired)
            {
                continue;
            }

            Apply(theme, text, actor);
            if (theme.IsRetired)
            {
                (theme.RetiredAt, theme.RetiredBy) = (null, null);
                audit.Add(actor, AuditActions.ThemeRestored, Target(theme), new { From = "import" }, from);
            }

            audit.Add(actor, AuditActions.ThemeEdited, Target(theme), new { Before = before, After = text, From = "import" }, from);
            changed++;
        }

        audit.Add(actor, AuditActions.CodebookImported, null, new { Rows = rows.Count, Added = added, Changed = changed }, from);
        await db.SaveChangesAsync(cancellationToken);
        return (added, changed);
    }

    private async Task<CodebookOutcome> SetRetiredAsync(int id, Guid stamp, bool retire, string actor, IPAddress? from, CancellationToken cancellationToken)
    {
        if (await db.Themes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } theme || theme.IsFixed)
        {
            return CodebookOutcome.NotFound;
        }

        if (theme.ConcurrencyStamp != stamp || theme.IsRetired == retire)
        {
            return CodebookOutcome.Conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        (theme.RetiredAt, theme.RetiredBy) = retire ? (now, actor) : ((DateTime?)null, (string?)null);
        (theme.UpdatedAt, theme.UpdatedBy, theme.ConcurrencyStamp) = (now, actor, Guid.NewGuid());
        audit.Add(actor, retire ? AuditActions.ThemeRetired : AuditActions.ThemeRestored, Target(theme), new { theme.Name }, from);
        return await SaveAsync(theme.QuestionNumber, theme.Name, cancellationToken) ?? CodebookOutcome.Done;
    }

    /// <summary>Saves; a lost race with another analyst is an outcome they are told about, not an error.</summary>
    private async Task<CodebookOutcome?> SaveAsync(int question, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CodebookOutcome.Conflict;
        }
        catch (DbUpdateException)
        {
            // The unique name index: another analyst saved the same name a moment before.
            db.ChangeTracker.Clear();
            if (await NameTakenAsync(question, name, null, cancellationToken))
            {
                return CodebookOutcome.DuplicateName;
            }

            throw;
        }
    }

    private Task<bool> NameTakenAsync(int question, string name, int? except, CancellationToken cancellationToken)
    {
        var normalized = Theme.Normalize(name);
        return db.Themes.AnyAsync(t => t.QuestionNumber == question && t.NormalizedName == normalized && t.Id != except, cancellationToken);
    }

    private void Apply(Theme theme, ThemeText text, string actor)
    {
        (theme.Name, theme.NormalizedName) = (text.Name, Theme.Normalize(text.Name));
        (theme.Description, theme.IncludeWhen, theme.ExcludeWhen, theme.Example) = (text.Description, text.IncludeWhen, text.ExcludeWhen, text.Example);
        (theme.UpdatedAt, theme.UpdatedBy, theme.ConcurrencyStamp) = (clock.GetUtcNow().UtcDateTime, actor, Guid.NewGuid());
    }

    private static Theme NewTheme(int question, ThemeKind kind, ThemeText text, string actor, DateTime now) => new()
    {
        QuestionNumber = question,
        Kind = kind,
        Name = text.Name,
        NormalizedName = Theme.Normalize(text.Name),
        Description = text.Description,
        IncludeWhen = text.IncludeWhen,
        ExcludeWhen = text.ExcludeWhen,
        Example = text.Example,
        CreatedAt = now,
        CreatedBy = actor,
        UpdatedAt = now,
        UpdatedBy = actor,
    };

    /// <summary>Names with their spaces collapsed, as <see cref="Theme.Normalize"/> compares them; the notes trimmed.</summary>
    private static ThemeText Tidy(ThemeText text) => new(
        Theme.Tidy(text.Name),
        text.Description.Trim(), text.IncludeWhen.Trim(), text.ExcludeWhen.Trim(), text.Example.Trim());

    private static string Target(Theme theme) => $"Q{theme.QuestionNumber} theme \"{theme.Name}\"";
}
