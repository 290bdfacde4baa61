using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Content;

public abstract record EditResult
{
    public sealed record Saved(int VersionNumber) : EditResult;

    public sealed record Unchanged : EditResult;

    /// <summary>Someone else changed this part since the admin started. Nothing was saved.</summary>
    public sealed record Conflict(Dictionary<string, string> Current, string Fingerprint, string ChangedBy, DateTime ChangedAt) : EditResult;
}

/// <summary>
/// The wording's lifecycle, as in GOV.UK Forms: editing live wording starts a draft version; the draft
/// is previewed, then made live as a new version that never changes again. Nothing is ever silently
/// overwritten: every change is checked against what the admin started from, and audited.
/// </summary>
public sealed class ContentEditor(ConsultationDbContext db, ContentCatalogue catalogue, AuditLog audit, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>The draft if there is one, otherwise the live version: what an admin edits next.</summary>
    public async Task<ContentVersion> EditableAsync(CancellationToken cancellationToken = default) =>
        await WithText(db.ContentVersions.AsNoTracking())
            .Where(v => v.State != ContentVersionState.Archived)
            .OrderBy(v => v.State == ContentVersionState.Draft ? 0 : 1)
            .FirstAsync(cancellationToken);

    /// <summary>The live version, or the draft if there is one, with all its wording.</summary>
    public Task<ContentVersion?> InStateAsync(ContentVersionState state, CancellationToken cancellationToken = default) =>
        WithText(db.ContentVersions.AsNoTracking()).SingleOrDefaultAsync(v => v.State == state, cancellationToken);

    public Task<ContentVersion?> VersionAsync(int number, CancellationToken cancellationToken = default) =>
        WithText(db.ContentVersions.AsNoTracking()).SingleOrDefaultAsync(v => v.Number == number, cancellationToken);

    public async Task<IReadOnlyList<ContentVersion>> VersionsAsync(CancellationToken cancellationToken = default) =>
        await db.ContentVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    public async Task<EditResult> SaveAsync(
        ContentPart part, IReadOnlyDictionary<string, string> values, string startedFrom, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var draft = await TrackedAsync(ContentVersionState.Draft, cancellationToken);
            var target = draft ?? await TrackedAsync(ContentVersionState.Live, cancellationToken)
                ?? throw new InvalidOperationException("No consultation wording is live.");
            var before = part.Read(target);
            if (part.Fingerprint(before) != startedFrom)
            {
                return new EditResult.Conflict(before, part.Fingerprint(before), target.UpdatedBy, target.UpdatedAt);
            }

            var changes = part.Changes(before, values).ToList();
            if (changes.Count == 0)
            {
                return new EditResult.Unchanged();
            }

            draft ??= await StartDraftFromAsync(target, actor, cancellationToken);
            part.Write(draft, values);
            Touch(draft, actor);
            audit.Add(actor, AuditActions.WordingEdited, $"Version {draft.Number}", new { Version = draft.Number, Part = part.Id, Changes = changes }, from);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                catalogue.DraftChanged(draft.Id);
                return new EditResult.Saved(draft.Number);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another admin saved or started a draft at the same moment. Look again: their change may
                // have been to another part, which is no conflict.
            }
        }
    }

    /// <summary>Makes the draft live, provided it is still exactly the draft the admin looked at.</summary>
    public async Task<int?> PublishAsync(Guid draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        int? published;
        try
        {
            // SQL Server retries transient failures, and then a transaction of our own must run inside
            // its execution strategy, which repeats the whole unit (reads included) on a retry.
            published = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                () => PublishOnceAsync(draftStamp, actor, from, cancellationToken));
        }
        catch (DbUpdateException)
        {
            if (!await DraftChangedAsync(draftStamp, cancellationToken))
            {
                throw;
            }

            return null;
        }

        if (published is not null)
        {
            catalogue.LiveVersionChanged();
        }

        return published;
    }

    private async Task<int?> PublishOnceAsync(Guid draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var draft = await TrackedAsync(ContentVersionState.Draft, cancellationToken);
        var live = await TrackedAsync(ContentVersionState.Live, cancellationToken);
        if (draft is null || live is null || draft.ConcurrencyStamp != draftStamp)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two steps, so the "one live version" index never sees two at once.
        live.State = ContentVersionState.Archived;
        live.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);

        draft.State = ContentVersionState.Live;
        draft.PublishedAt = now;
        draft.PublishedBy = actor;
        draft.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(actor, AuditActions.WordingPublished, $"Version {draft.Number}", new
        {
            Version = draft.Number,
            Replaced = live.Number,
            Changes = ContentParts.Changes(live, draft).ToList(),
        }, from);
        await db.SaveChangesAsync(cancellationToken);

        // Answers in progress live until the closing date now in force.
        await db.Drafts.ExecuteUpdateAsync(d => d.SetProperty(x => x.ExpiresAt, draft.ClosesAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        catalogue.DraftChanged(draft.Id);
        return draft.Number;
    }

    public async Task<bool> DeleteDraftAsync(Guid draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var draft = await TrackedAsync(ContentVersionState.Draft, cancellationToken);
        var live = await TrackedAsync(ContentVersionState.Live, cancellationToken);
        if (draft is null || live is null || draft.ConcurrencyStamp != draftStamp)
        {
            return false;
        }

        audit.Add(actor, AuditActions.WordingDraftDeleted, $"Version {draft.Number}", new
        {
            Version = draft.Number,
            Changes = ContentParts.Changes(live, draft).ToList(),
        }, from);
        db.ContentVersions.Remove(draft);
        if (!await SaveUnlessDraftChangedAsync(draftStamp, cancellationToken))
        {
            return false;
        }

        catalogue.DraftChanged(draft.Id);
        return true;
    }

    /// <summary>
    /// Copies an earlier version's wording into the draft (starting one if needed). The dates are the
    /// schedule, not wording, so they stay as they are.
    /// </summary>
    public async Task<int?> RestoreAsync(int number, Guid? draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var source = await WithText(db.ContentVersions.AsNoTracking()).SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        var draft = await TrackedAsync(ContentVersionState.Draft, cancellationToken);
        if (source is null || draft?.ConcurrencyStamp != draftStamp)
        {
            return null;
        }

        draft ??= await StartDraftFromAsync(
            await TrackedAsync(ContentVersionState.Live, cancellationToken) ?? throw new InvalidOperationException("No consultation wording is live."),
            actor,
            cancellationToken);
        var changes = new List<FieldChange>();
        foreach (var part in ContentParts.All)
        {
            var wording = part.Read(source);
            foreach (var key in part.Fields.Where(f => f.Kind == ContentFieldKind.Date).Select(f => f.Key))
            {
                wording.Remove(key);
            }

            changes.AddRange(part.Changes(part.Read(draft), wording));
            part.Write(draft, wording);
        }

        Touch(draft, actor);
        audit.Add(actor, AuditActions.WordingRestored, $"Version {draft.Number}", new { Version = draft.Number, RestoredFrom = number, Changes = changes }, from);
        if (!await SaveUnlessDraftChangedAsync(draftStamp, cancellationToken))
        {
            return null;
        }

        catalogue.DraftChanged(draft.Id);
        return draft.Number;
    }

    /// <summary>Saves; false if another admin changed the draft meanwhile. Any other failure is thrown.</summary>
    private async Task<bool> SaveUnlessDraftChangedAsync(Guid? draftStamp, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (!await DraftChangedAsync(draftStamp, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>
    /// After a failed save: whether another admin changed, published or started the draft meanwhile.
    /// If not, the failure was the database's own (a full disk, say) and must not be reported as theirs.
    /// </summary>
    private async Task<bool> DraftChangedAsync(Guid? draftStamp, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.ContentVersions.Where(v => v.State == ContentVersionState.Draft)
            .Select(v => (Guid?)v.ConcurrencyStamp).SingleOrDefaultAsync(cancellationToken);
        return current != draftStamp;
    }

    private static IQueryable<ContentVersion> WithText(IQueryable<ContentVersion> versions) =>
        versions.Include(v => v.Questions).Include(v => v.OptionLabels).AsSplitQuery();

    private Task<ContentVersion?> TrackedAsync(ContentVersionState state, CancellationToken cancellationToken) =>
        WithText(db.ContentVersions).SingleOrDefaultAsync(v => v.State == state, cancellationToken);

    private async Task<ContentVersion> StartDraftFromAsync(ContentVersion live, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new ContentVersion
        {
            Number = await db.ContentVersions.MaxAsync(v => v.Number, cancellationToken) + 1,
            State = ContentVersionState.Draft,
            CreatedAt = now,
            CreatedBy = actor,
            Questions = [.. live.Questions.Select(q => new QuestionWording { Number = q.Number, HasChoice = q.HasChoice })],
            OptionLabels = [.. live.OptionLabels.Select(o => new OptionLabel { Field = o.Field, Value = o.Value })],
        };
        foreach (var part in ContentParts.All)
        {
            part.Write(draft, part.Read(live));
        }

        db.ContentVersions.Add(draft);
        return draft;
    }

    private void Touch(ContentVersion draft, string actor)
    {
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedBy = actor;
        draft.ConcurrencyStamp = Guid.NewGuid();
    }
}
