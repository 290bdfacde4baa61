using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Outcomes;

public abstract record PublishResult
{
    public sealed record Published(int VersionNumber) : PublishResult;

    /// <summary>Texts still to write: nothing was published.</summary>
    public sealed record Incomplete(IReadOnlyList<(OutcomePart Part, OutcomeField Field)> Missing) : PublishResult;

    /// <summary>The draft changed (or was published) since the admin looked at it: nothing was published.</summary>
    public sealed record Stale : PublishResult;

    /// <summary>
    /// The consultation is still open: what it changed cannot be known yet, and counts published now would be
    /// taken for the final ones. Nothing was published.
    /// </summary>
    public sealed record StillOpen(DateTime ClosesAt) : PublishResult;
}

/// <summary>
/// "You said, we did" as the wording is kept: the first edit starts a draft (from the outcome last published, if
/// any); the draft is previewed, then published as a new version that never changes again. Every change is checked
/// against what the admin started from, and audited. Publishing fills in, from the live wording and the results,
/// what we asked and the Yes, No and Not sure counts, and keeps them as they were that day.
/// </summary>
public sealed class OutcomeEditor(ConsultationDbContext db, ContentCatalogue catalogue, ResultsQuery results, AuditLog audit, TimeProvider clock)
{
    private const int Attempts = 3;

    public Task<OutcomeVersion?> InStateAsync(OutcomeState state, CancellationToken cancellationToken = default) =>
        db.OutcomeVersions.AsNoTracking().Include(v => v.Questions).AsSplitQuery().SingleOrDefaultAsync(v => v.State == state, cancellationToken);

    public Task<OutcomeVersion?> VersionAsync(int number, CancellationToken cancellationToken = default) =>
        db.OutcomeVersions.AsNoTracking().Include(v => v.Questions).AsSplitQuery().SingleOrDefaultAsync(v => v.Number == number && v.State != OutcomeState.Draft, cancellationToken);

    /// <summary>Every version published, newest first, without their texts.</summary>
    public async Task<IReadOnlyList<OutcomeVersion>> PublishedVersionsAsync(CancellationToken cancellationToken = default) =>
        await db.OutcomeVersions.AsNoTracking().Where(v => v.State != OutcomeState.Draft).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>What an admin edits next: the draft, else the outcome published last, else a blank one (not yet stored).</summary>
    public async Task<OutcomeVersion> EditableAsync(CancellationToken cancellationToken = default) =>
        await InStateAsync(OutcomeState.Draft, cancellationToken)
        ?? await InStateAsync(OutcomeState.Published, cancellationToken)
        ?? Blank(number: 1, actor: "", clock.GetUtcNow().UtcDateTime);

    public async Task<EditResult> SaveAsync(
        OutcomePart part, IReadOnlyDictionary<string, string> values, string startedFrom, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var draft = await TrackedAsync(OutcomeState.Draft, cancellationToken);
            var target = draft ?? await TrackedAsync(OutcomeState.Published, cancellationToken);
            var before = part.Read(target ?? Blank(1, actor, clock.GetUtcNow().UtcDateTime));
            var fingerprint = OutcomePart.Fingerprint(before);
            if (fingerprint != startedFrom)
            {
                return new EditResult.Conflict(before.ToDictionary(), fingerprint, target?.UpdatedBy ?? "", target?.UpdatedAt ?? default);
            }

            var changes = part.Changes(before, values).ToList();
            if (changes.Count == 0)
            {
                return new EditResult.Unchanged();
            }

            draft ??= await StartDraftAsync(target, actor, cancellationToken);
            part.Write(draft, values);
            draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            draft.UpdatedBy = actor;
            draft.ConcurrencyStamp = Guid.NewGuid();

            // The audit row names what changed, never the text itself: that is in the version.
            audit.Add(actor, AuditActions.OutcomeEdited, $"Outcome version {draft.Number}", new { Version = draft.Number, Part = part.Id, Changes = changes }, from);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new EditResult.Saved(draft.Number);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another admin saved, or started a draft, at the same moment. Look again: their change may have
                // been to another part, which is no conflict.
            }
        }
    }

    /// <summary>Every text still to write before the draft can be published.</summary>
    public static IReadOnlyList<(OutcomePart Part, OutcomeField Field)> Missing(OutcomeVersion version) =>
        [.. OutcomeParts.All.SelectMany(part => part.Missing(part.Read(version)).Select(field => (part, field)))];

    /// <summary>
    /// The draft with what we asked and the counts filled in as they stand now: what publishing it would show.
    /// </summary>
    public async Task<OutcomeVersion> WithResultsAsync(OutcomeVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = await catalogue.GetLiveAsync(cancellationToken);
        var numbers = await results.GetAsync(ResponseFilter.None, content.Questions.Where(q => q.HasChoice).Select(q => q.Number), cancellationToken);
        version.ContentVersionId = content.VersionId;
        version.Responses = numbers.Responses;
        foreach (var question in version.Questions)
        {
            var asked = content.Find(question.QuestionNumber)!;
            question.SectionTitle = asked.SectionTitle;
            question.WhatWeAsked = asked.Question;
            var counts = numbers.Questions.FirstOrDefault(c => c.QuestionNumber == question.QuestionNumber);
            (question.Yes, question.No, question.NotSure) = asked.HasChoice && counts is not null
                ? (counts.Yes, counts.No, counts.NotSure)
                : ((int?)null, (int?)null, (int?)null);
        }

        return version;
    }

    /// <summary>
    /// Publishes the draft, provided the consultation has closed, it is still exactly the draft the admin looked at,
    /// and nothing is missing.
    /// </summary>
    public async Task<PublishResult> PublishAsync(Guid draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken = default)
    {
        try
        {
            // SQL Server retries transient failures, and then a transaction of our own must run inside its execution
            // strategy, which repeats the whole unit (reads included) on a retry.
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => PublishOnceAsync(draftStamp, actor, from, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Another admin published or saved at the same moment, which the unique and concurrency checks refused;
            // any other failure is the database's, and is not to be told as someone else's change.
            db.ChangeTracker.Clear();
            if (await db.OutcomeVersions.AnyAsync(v => v.State == OutcomeState.Draft && v.ConcurrencyStamp == draftStamp, cancellationToken))
            {
                throw;
            }

            return new PublishResult.Stale();
        }
    }

    /// <summary>When the consultation closes, if it has not yet (open, or not yet opened): the outcome is published only after that.</summary>
    public async Task<DateTime?> OpenUntilAsync(CancellationToken cancellationToken = default)
    {
        var live = await catalogue.GetLiveAsync(cancellationToken);
        return clock.GetUtcNow().UtcDateTime < live.ClosesAt ? live.ClosesAt : null;
    }

    private async Task<PublishResult> PublishOnceAsync(Guid draftStamp, string actor, IPAddress? from, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var draft = await TrackedAsync(OutcomeState.Draft, cancellationToken);
        if (draft is null || draft.ConcurrencyStamp != draftStamp)
        {
            return new PublishResult.Stale();
        }

        if (await OpenUntilAsync(cancellationToken) is { } closesAt)
        {
            return new PublishResult.StillOpen(closesAt);
        }

        if (Missing(draft) is { Count: > 0 } missing)
        {
            return new PublishResult.Incomplete(missing);
        }

        // The counts are read in their own snapshot first (a read and a write transaction cannot nest); a response
        // sent between that read and the commit is in the next version's counts, as in any later one.
        await WithResultsAsync(draft, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two steps, so the "one published version" index never sees two at once.
        var published = await TrackedAsync(OutcomeState.Published, cancellationToken);
        if (published is not null)
        {
            published.State = OutcomeState.Superseded;
            published.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        draft.State = OutcomeState.Published;
        draft.PublishedAt = now;
        draft.PublishedBy = actor;
        draft.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(actor, AuditActions.OutcomePublished, $"Outcome version {draft.Number}", new
        {
            Version = draft.Number,
            Replaced = published?.Number,
            draft.Responses,
            Wording = draft.ContentVersionId,
        }, from);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PublishResult.Published(draft.Number);
    }

    private Task<OutcomeVersion?> TrackedAsync(OutcomeState state, CancellationToken cancellationToken) =>
        db.OutcomeVersions.Include(v => v.Questions).AsSplitQuery().SingleOrDefaultAsync(v => v.State == state, cancellationToken);

    /// <summary>A new draft, holding the texts of the version it starts from; the counts are filled in when it is published.</summary>
    private async Task<OutcomeVersion> StartDraftAsync(OutcomeVersion? from, string actor, CancellationToken cancellationToken)
    {
        var number = (await db.OutcomeVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var draft = Blank(number, actor, clock.GetUtcNow().UtcDateTime);
        if (from is not null)
        {
            foreach (var part in OutcomeParts.All)
            {
                part.Write(draft, part.Read(from));
            }
        }

        db.OutcomeVersions.Add(draft);
        return draft;
    }

    private static OutcomeVersion Blank(int number, string actor, DateTime now) => new()
    {
        Number = number,
        State = OutcomeState.Draft,
        CreatedAt = now,
        CreatedBy = actor,
        UpdatedAt = now,
        UpdatedBy = actor,
        Questions = [.. Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount)
            .Select(n => new OutcomeQuestion { QuestionNumber = n })],
    };
}
