using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>A waiting item as the queue lists it: no comment text.</summary>
public sealed record QueueEntry(long Id, int QuestionNumber, DateTime CreatedAt, DateTime? FirstOpenedAt, IReadOnlyList<SafeguardingFlag> Flags);

/// <summary>How many comments are waiting, and since when: the dashboard's line for the leads.</summary>
public sealed record QueueSummary(int Waiting, DateTime? OldestCreatedAt);

/// <summary>What a lead decided, as typed into the decision form and checked.</summary>
public sealed record DecisionRecord(
    SafeguardingOutcome Outcome,
    string? SharedWithOrganisation,
    string? SharedWithRole,
    DateOnly? SharedOn,
    string? WhatWasShared,
    string? WhyShared,
    string? Notes,
    SafeguardingRelease Release,
    string? ReleasedText);

public enum DecisionOutcome
{
    Recorded,

    /// <summary>Someone else decided, or flagged it again, since the lead opened the page: nothing was recorded.</summary>
    Conflict,
    NotFound,
}

/// <summary>
/// The lead's side of safeguarding: the queue, opening an item (audited; the first opening is the
/// acknowledgement that stops the reminder) and recording decisions. Decisions are only ever added; the
/// item keeps the latest one's effect, so that pages and downloads can tell in one join what to show.
/// </summary>
public sealed class SafeguardingReview(ConsultationDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<QueueEntry>> WaitingAsync(CancellationToken cancellationToken = default)
    {
        var items = await db.SafeguardingItems.AsNoTracking()
            .Where(i => i.Status == SafeguardingStatus.Waiting)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.QuestionNumber, i.CreatedAt, i.FirstOpenedAt, Flags = i.Flags.OrderBy(f => f.Id).ToList() })
            .ToListAsync(cancellationToken);
        return items.Select(i => new QueueEntry(i.Id, i.QuestionNumber, i.CreatedAt, i.FirstOpenedAt, i.Flags)).ToList();
    }

    /// <summary>The latest decided items, newest first, so a lead can find one to correct.</summary>
    public async Task<IReadOnlyList<SafeguardingItem>> RecentlyDecidedAsync(int count, CancellationToken cancellationToken = default) =>
        await db.SafeguardingItems.AsNoTracking()
            .Where(i => i.Status == SafeguardingStatus.Decided)
            .OrderByDescending(i => i.DecidedAt).ThenByDescending(i => i.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    public async Task<QueueSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var waiting = db.SafeguardingItems.Where(i => i.Status == SafeguardingStatus.Waiting);
        var count = await waiting.CountAsync(cancellationToken);
        return new QueueSummary(count, count == 0 ? null : await waiting.MinAsync(i => (DateTime?)i.CreatedAt, cancellationToken));
    }

    /// <summary>The item with its flags and decisions, recording that <paramref name="by"/> opened it.</summary>
    public async Task<SafeguardingItem?> OpenAsync(long id, string by, System.Net.IPAddress? from, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Only the first opening counts as the acknowledgement; a conditional update, so two leads
        // opening at once leave one name.
        await db.SafeguardingItems.Where(i => i.Id == id && i.FirstOpenedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.FirstOpenedAt, now).SetProperty(i => i.FirstOpenedBy, by), cancellationToken);
        var item = await FindAsync(id, cancellationToken);
        if (item is not null)
        {
            await audit.RecordAsync(by, AuditActions.SafeguardingItemOpened, Target(item), null, from, cancellationToken);
        }

        return item;
    }

    public Task<SafeguardingItem?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.SafeguardingItems.AsNoTracking()
            .Include(i => i.Flags.OrderBy(f => f.Id))
            .Include(i => i.Decisions.OrderBy(d => d.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>
    /// Adds the decision, if the item is as the lead last saw it (<paramref name="seenStamp"/>): a decision
    /// posted twice, or by two leads at once, records one, and the other is told.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(long id, Guid seenStamp, DecisionRecord decision, string by, System.Net.IPAddress? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var releasedText = decision.Release == SafeguardingRelease.Redacted ? decision.ReleasedText : null;

            // A comment released to analysis starts to count in the analysis tallies, in this transaction.
            var comment = db.ResponseAnswers.Where(a => db.SafeguardingItems.Any(i => i.Id == id && i.ResponseId == a.ResponseId && i.QuestionNumber == a.QuestionNumber));
            await AnalysisTallies.HoldAsync(comment, cancellationToken);
            var before = await AnalysisTallies.ReadAsync(db, comment, cancellationToken);
            var changed = await db.SafeguardingItems.Where(i => i.Id == id && i.ConcurrencyStamp == seenStamp)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(i => i.Status, SafeguardingStatus.Decided)
                    .SetProperty(i => i.DecidedAt, now)
                    .SetProperty(i => i.Release, decision.Release)
                    .SetProperty(i => i.ReleasedText, releasedText)
                    .SetProperty(i => i.ConcurrencyStamp, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                return await db.SafeguardingItems.AnyAsync(i => i.Id == id, cancellationToken) ? DecisionOutcome.Conflict : DecisionOutcome.NotFound;
            }

            var shared = decision.Outcome == SafeguardingOutcome.ConcernShared;
            db.SafeguardingDecisions.Add(new SafeguardingDecision
            {
                ItemId = id,
                Outcome = decision.Outcome,
                SharedWithOrganisation = shared ? decision.SharedWithOrganisation : null,
                SharedWithRole = shared ? decision.SharedWithRole : null,
                SharedOn = shared ? decision.SharedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
                WhatWasShared = shared ? decision.WhatWasShared : null,
                WhyShared = shared ? decision.WhyShared : null,
                Notes = decision.Notes,
                Release = decision.Release,
                ReleasedText = releasedText,
                DecidedBy = by,
                DecidedAt = now,
            });
            var reference = await db.SafeguardingItems.Where(i => i.Id == id).Select(i => new { i.Reference, i.QuestionNumber }).SingleAsync(cancellationToken);
            audit.Add(by, AuditActions.SafeguardingDecided, $"{reference.Reference} Q{reference.QuestionNumber}",
                new { Item = id, decision.Outcome, decision.Release }, from);
            await db.SaveChangesAsync(cancellationToken);
            await AnalysisTallies.AddAsync(db, (await AnalysisTallies.ReadAsync(db, comment, cancellationToken)).Minus(before), cancellationToken: cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DecisionOutcome.Recorded;
        });
    }

    /// <summary>
    /// A staff member's worry about one comment: it joins the queue, is withheld from analysis until a
    /// lead decides, and the leads are told. False when the response or the comment is not there.
    /// </summary>
    public async Task<bool> FlagAsync(string reference, int questionNumber, string reason, string by, System.Net.IPAddress? from, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
            var answer = response is null
                ? null
                : await db.ResponseAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.ResponseId == response.Id && a.QuestionNumber == questionNumber, cancellationToken);
            if (response is null || string.IsNullOrWhiteSpace(answer?.Comments))
            {
                return false;
            }

            // The comment is withheld from now, so it stops counting in the analysis tallies, in this transaction.
            var item = await AnalysisTallies.ChangeAsync(
                db, db.ResponseAnswers.Where(a => a.ResponseId == response.Id && a.QuestionNumber == questionNumber),
                () => SafeguardingFlagging.AddStaffFlagAsync(db, response, answer, reason, by, now, cancellationToken), cancellationToken);
            audit.Add(by, AuditActions.SafeguardingFlagged, Target(item), new { Item = item.Id }, from);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        });
    }

    /// <summary>The audit log's target for an item: the response and question, never the text.</summary>
    public static string Target(SafeguardingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{item.Reference} Q{item.QuestionNumber}";
    }
}
