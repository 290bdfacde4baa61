using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Notifications;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Puts a reminder in the outbox for each flagged comment that no lead has opened within
/// <see cref="SafeguardingOptions.AcknowledgeWithinHours"/>: one per item, however many nodes look.
/// </summary>
public sealed class ReminderService(ConsultationDbContext db, IOptions<SafeguardingOptions> options, DatabaseClock clock)
{
    private const int BatchSize = 100;

    /// <summary>Queues the reminders now due; returns how many this call queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        // The database's time, as the flag's own time was written on whichever node screened it.
        var now = await clock.UtcNowAsync(db, cancellationToken);
        var cutoff = now.AddHours(-options.Value.AcknowledgeWithinHours);
        var due = await Unacknowledged(db.SafeguardingItems)
            .Where(i => i.CreatedAt <= cutoff)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var queued = 0;
        foreach (var itemId in due)
        {
            if (await QueueAsync(itemId, now, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// Marks the item reminded, only if nobody has (this node or another) and it is still unopened,
    /// and writes the reminder in the same transaction: both or neither.
    /// </summary>
    private Task<bool> QueueAsync(long itemId, DateTime now, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await Unacknowledged(db.SafeguardingItems.Where(i => i.Id == itemId))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReminderQueuedAt, now), cancellationToken);
            if (marked != 1)
            {
                return false;
            }

            db.OutboxMessages.Add(SafeguardingFlagging.Notification(OutboxKind.SafeguardingReminder, itemId, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    private static IQueryable<SafeguardingItem> Unacknowledged(IQueryable<SafeguardingItem> items) =>
        items.Where(i => i.Status == SafeguardingStatus.Waiting && i.FirstOpenedAt == null && i.ReminderQueuedAt == null);
}
