using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Notifications;
using ContactPointConsultation.Web.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Sends what is due in the outbox, once per recipient. Each message is claimed first, so that of
/// several nodes only one sends it; each recipient's delivery is recorded the moment the mail server
/// accepts it, so a restart carries on where it stopped. See docs/adr/0014-notification-outbox.md.
/// </summary>
public sealed partial class OutboxDispatcher(
    ConsultationDbContext db,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<PortalOptions> portalOptions,
    TimeProvider clock,
    DatabaseClock databaseClock,
    OutboxNode node,
    ILogger<OutboxDispatcher> logger)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>How long a message waits for a mail server or a lead before it is tried again.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    public const string NoMailServer = "Not sent: the mail server is not set up (Smtp:Host and Smtp:From).";
    public const string NoLead = "Not sent: no active account holds the Safeguarding role.";

    private const int BatchSize = 50;

    private readonly SmtpOptions _smtp = smtpOptions.Value;
    private readonly Dictionary<OutboxKind, IReadOnlyList<string>> _recipients = [];
    private SmtpClient? _client;

    private TimeSpan _databaseAhead;

    /// <summary>
    /// The database's time, moving on with this node's clock through the round: claims and retries are compared
    /// with other nodes', so they are all written on one clock however far this node's has drifted.
    /// </summary>
    private DateTime Now => clock.GetUtcNow().UtcDateTime + _databaseAhead;

    /// <summary>After a failure, 30 seconds, doubling with each attempt, up to 30 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Clamp(attempts - 1, 0, 20), LongestRetry.Ticks));

    /// <summary>Sends every message due now, over one connection to the mail server; returns how many were completed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        _databaseAhead = await databaseClock.UtcNowAsync(db, cancellationToken) - clock.GetUtcNow().UtcDateTime;
        var now = Now;
        var due = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new DueMessage(m.Id, m.Kind, m.SafeguardingItemId, m.Attempts))
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var completed = 0;
        try
        {
            foreach (var message in due)
            {
                if (!await ClaimAsync(message.Id, cancellationToken))
                {
                    continue;
                }

                var outcome = await DeliverAsync(message, cancellationToken);
                if (outcome == Outcome.Completed)
                {
                    completed++;
                }
                else if (outcome == Outcome.ConnectionLost)
                {
                    // The rest stay due, unclaimed and with no attempt counted, for the next round.
                    break;
                }
            }
        }
        finally
        {
            await CloseAsync();
        }

        return completed;
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.CompletedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    /// <summary>Takes the message for this node, if it is still due and no other node holds it.</summary>
    private async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = Now;
        var claimedUntil = now + ClaimFor;
        var claimed = await Due(db.OutboxMessages.Where(m => m.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, node.Id).SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
        return claimed == 1;
    }

    private async Task<Outcome> DeliverAsync(DueMessage message, CancellationToken cancellationToken)
    {
        if (!_smtp.IsConfigured)
        {
            return await HoldAsync(message.Id, NoMailServer, cancellationToken);
        }

        var recipients = await RecipientsAsync(message.Kind, cancellationToken);
        if (recipients.Count == 0)
        {
            return await HoldAsync(message.Id, NoLead, cancellationToken);
        }

        var delivered = await db.OutboxDeliveries.Where(d => d.MessageId == message.Id).Select(d => d.Recipient).ToListAsync(cancellationToken);
        var remaining = recipients.Except(delivered, StringComparer.OrdinalIgnoreCase).ToList();
        Exception? failure = null;
        foreach (var recipient in remaining)
        {
            try
            {
                _client ??= await ConnectAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await FailAsync(message, exception, cancellationToken);
                return Outcome.ConnectionLost;
            }

            try
            {
                var email = NotificationEmail.Create(
                    message.Kind, message.Id, message.ItemId ?? 0, _smtp.From, recipient, portalOptions.Value.PublicUrl, clock.GetUtcNow());
                await _client.SendAsync(email, cancellationToken);
            }
            catch (Exception exception) when (exception is SmtpCommandException or ParseException)
            {
                // The server refused this one (or the address cannot be written): the connection is still
                // good, so the others are still sent, and this one is tried again later.
                failure = exception;
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await CloseAsync();
                await FailAsync(message, exception, cancellationToken);
                return Outcome.ConnectionLost;
            }

            // Straight after the server took it: a restart from here on does not send it again.
            db.OutboxDeliveries.Add(new OutboxDelivery { MessageId = message.Id, Recipient = recipient, SentAt = Now });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (failure is not null)
        {
            await FailAsync(message, failure, cancellationToken);
            return Outcome.Failed;
        }

        await UpdateClaimedAsync(message.Id, s => s
            .SetProperty(m => m.CompletedAt, Now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        LogSent(message.Id, message.Kind, recipients.Count, remaining.Count);
        return Outcome.Completed;
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(OutboxKind kind, CancellationToken cancellationToken)
    {
        if (!_recipients.TryGetValue(kind, out var recipients))
        {
            _recipients[kind] = recipients = await SafeguardingRecipients.ForAsync(db, kind, cancellationToken);
        }

        return recipients;
    }

    /// <summary>Nothing can be sent yet: the message waits, with no attempt counted, and is looked at again in a minute.</summary>
    private async Task<Outcome> HoldAsync(long id, string reason, CancellationToken cancellationToken)
    {
        var nextAttempt = Now + HoldFor;
        await UpdateClaimedAsync(id, s => s
            .SetProperty(m => m.NextAttemptAt, nextAttempt)
            .SetProperty(m => m.LastError, reason)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        LogHeld(id, reason);
        return Outcome.Held;
    }

    private async Task FailAsync(DueMessage message, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var nextAttempt = Now + Backoff(attempts);
        var error = exception.Message.Length <= 1000 ? exception.Message : exception.Message[..1000];
        await UpdateClaimedAsync(message.Id, s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, nextAttempt)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        LogFailed(exception, message.Id, attempts, nextAttempt);
    }

    /// <summary>Changes the message only while this node still holds it.</summary>
    private Task<int> UpdateClaimedAsync(
        long id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> setters, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == node.Id).ExecuteUpdateAsync(setters, cancellationToken);

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(_smtp.Host, _smtp.Port, _smtp.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Everything sent is recorded already; a failed goodbye changes nothing.
            LogDisconnectFailed(exception);
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    private sealed record DueMessage(long Id, OutboxKind Kind, long? ItemId, int Attempts);

    private enum Outcome
    {
        Completed,
        Held,
        Failed,
        ConnectionLost,
    }

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} ({Kind}) sent: {Sent} of {Recipients} recipients this time, the rest before")]
    private partial void LogSent(long messageId, OutboxKind kind, int recipients, int sent);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} is waiting: {Reason}")]
    private partial void LogHeld(long messageId, string reason);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} was not sent (attempt {Attempts}); next try at {NextAttemptAt:o}")]
    private partial void LogFailed(Exception exception, long messageId, int attempts, DateTime nextAttemptAt);

    [LoggerMessage(LogLevel.Warning, "Closing the connection to the mail server failed")]
    private partial void LogDisconnectFailed(Exception exception);
}

/// <summary>This process, as it names itself in an outbox message's claim: machine, process and a random part.</summary>
public sealed class OutboxNode
{
    public string Id { get; } = Truncate($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static string Truncate(string id) => id.Length <= 128 ? id : id[^128..];
}
