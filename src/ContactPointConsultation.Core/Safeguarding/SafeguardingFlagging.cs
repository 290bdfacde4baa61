using System.Text;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>One comment the screen flagged, with why.</summary>
public sealed record ScreenedComment(int QuestionNumber, string Text, ScreenResult Result);

/// <summary>
/// Puts a comment in the safeguarding queue: from the screen just after a response is sent (or entered
/// from paper), or from a staff member reading it. The item, its flag and the notification to the leads are
/// written together, in the caller's transaction, so a flag never goes unannounced (the outbox).
/// </summary>
public static class SafeguardingFlagging
{
    /// <summary>The rule named when the screen itself failed: the comment is flagged, so a failure errs towards a person reading it.</summary>
    public const string ScreenFailedRule = "screen-failed";

    /// <summary>
    /// Screens every comment of one response. Called by <see cref="ResponseScreening"/> outside the single
    /// writer (<see cref="GroupCommit"/>), so the writer does no screening, and a response with nothing flagged
    /// writes nothing more than its mark "screened".
    /// </summary>
    public static IReadOnlyList<ScreenedComment> Screen(IEnumerable<(int QuestionNumber, string? Comments)> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        List<ScreenedComment>? flagged = null;
        foreach (var (questionNumber, text) in comments)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            ScreenResult result;
            try
            {
                result = DisclosureScreen.Screen(text);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A fault in the screen must neither lose the response nor let a disclosure through unread.
                result = new ScreenResult([new ScreenMatch(ScreenFailedRule, "unknown", "")]);
            }

            if (result.Flagged)
            {
                (flagged ??= []).Add(new ScreenedComment(questionNumber, text, result));
            }
        }

        return flagged ?? (IReadOnlyList<ScreenedComment>)[];
    }

    /// <summary>Queues the screen's flags on a sent response, in the caller's transaction, unless the comment already has an item.</summary>
    /// <remarks>
    /// SQL, as the response itself is written (<see cref="Submissions.SubmissionService"/>): this runs in the sends'
    /// single writer (<see cref="ResponseScreening"/>), where every send queued behind it waits for it. Each row is
    /// an INSERT … SELECT that finds the one before by the item's unique (response, question), so a response
    /// withdrawn since it was read writes nothing, and a comment that already has an item (a staff member's flag,
    /// or an earlier screen) gets no second one. The rows are those <see cref="NewItem"/> and
    /// <see cref="Notification"/> make for a staff flag: waiting, withheld, and due to be sent now.
    /// </remarks>
    public static async Task AddScreenFlagsAsync(ConsultationDbContext db, long responseId, IReadOnlyList<ScreenedComment> flagged, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(flagged);
        var waiting = nameof(SafeguardingStatus.Waiting);
        var withheld = nameof(SafeguardingRelease.Withheld);
        var screen = nameof(FlagSource.Screen);
        var notification = nameof(OutboxKind.SafeguardingFlagged);
        var existing = await db.SafeguardingItems.AsNoTracking()
            .Where(i => i.ResponseId == responseId)
            .Select(i => i.QuestionNumber)
            .ToListAsync();
        foreach (var comment in flagged.Where(c => !existing.Contains(c.QuestionNumber)))
        {
            var reason = Truncate(Describe(comment.Result), SafeguardingLimits.ScreenReasonMaxLength);
            var categories = Truncate(string.Join(", ", comment.Result.Matches.Select(m => m.Category).Distinct()), SafeguardingLimits.CategoriesMaxLength);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SafeguardingItems" ("ResponseId", "Reference", "QuestionNumber", "OriginalText", "CreatedAt", "Status", "Release", "ConcurrencyStamp")
                SELECT "Id", "Reference", {comment.QuestionNumber}, {comment.Text}, {now}, {waiting}, {withheld}, {Guid.NewGuid()} FROM "Responses" WHERE "Id" = {responseId};
                INSERT INTO "SafeguardingFlags" ("ItemId", "Source", "Reason", "Categories", "FlaggedAt", "ScreenVersion")
                SELECT "Id", {screen}, {reason}, {categories}, {now}, {DisclosureScreen.Version} FROM "SafeguardingItems" WHERE "ResponseId" = {responseId} AND "QuestionNumber" = {comment.QuestionNumber};
                INSERT INTO "OutboxMessages" ("Kind", "SafeguardingItemId", "CreatedAt", "NextAttemptAt", "Attempts")
                SELECT {notification}, "Id", {now}, {now}, 0 FROM "SafeguardingItems" WHERE "ResponseId" = {responseId} AND "QuestionNumber" = {comment.QuestionNumber};
                """);
        }
    }

    /// <summary>A staff member's flag: a new item, or a new reason on the comment's item, which goes back to waiting if it was decided.</summary>
    public static async Task<SafeguardingItem> AddStaffFlagAsync(
        ConsultationDbContext db, Response response, ResponseAnswer answer, string reason, string flaggedBy, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(answer);
        var item = await db.SafeguardingItems
            .SingleOrDefaultAsync(i => i.ResponseId == response.Id && i.QuestionNumber == answer.QuestionNumber, cancellationToken);
        if (item is null)
        {
            item = NewItem(response.Id, response.Reference, answer.QuestionNumber, answer.Comments ?? "", now);
            db.SafeguardingItems.Add(item);
        }
        else
        {
            // Back in the queue, withheld again, and waiting to be opened.
            item.Status = SafeguardingStatus.Waiting;
            item.Release = SafeguardingRelease.Withheld;
            item.ReleasedText = null;
            item.DecidedAt = null;
            item.FirstOpenedAt = null;
            item.FirstOpenedBy = null;
            item.ReminderQueuedAt = null;
            item.ConcurrencyStamp = Guid.NewGuid();
        }

        item.Flags.Add(new SafeguardingFlag { Source = FlagSource.Staff, Reason = reason, FlaggedBy = flaggedBy, FlaggedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        db.OutboxMessages.Add(Notification(OutboxKind.SafeguardingFlagged, item.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    public static OutboxMessage Notification(OutboxKind kind, long itemId, DateTime now) =>
        new() { Kind = kind, SafeguardingItemId = itemId, CreatedAt = now, NextAttemptAt = now };

    /// <summary>"physical-abuse: “hits me” (harm-by-known-adult)", one a line: what the lead sees as the screen's reason.</summary>
    public static string Describe(ScreenResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var match in result.Matches)
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(match.Category).Append(": “").Append(match.Phrase).Append("” (").Append(match.Rule).Append(')');
        }

        return text.ToString();
    }

    private static SafeguardingItem NewItem(long responseId, string reference, int questionNumber, string text, DateTime now) => new()
    {
        ResponseId = responseId,
        Reference = reference,
        QuestionNumber = questionNumber,
        OriginalText = text,
        CreatedAt = now,
        Status = SafeguardingStatus.Waiting,
        Release = SafeguardingRelease.Withheld,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
