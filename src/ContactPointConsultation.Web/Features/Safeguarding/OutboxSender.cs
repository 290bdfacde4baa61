using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Every <see cref="SmtpOptions.PollSeconds"/> on the app's clock: queues the reminders now due, then
/// sends what is due in the outbox. A failure is logged and the next round tries again; the loop never stops.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    // One round at a time in this process, so a round asked for directly waits for one already running.
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>One round: reminders, then sending. The loop calls it; so may anyone who cannot wait for the next tick.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var reminders = await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync(cancellationToken);
                if (reminders > 0)
                {
                    LogRemindersQueued(reminders);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Sending what is already in the outbox does not depend on it.
                LogRemindersFailed(exception);
            }

            try
            {
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A claimed message is let go when its claim runs out, and tried again.
                LogSendingFailed(exception);
            }
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A one-shot wait each round rather than a periodic timer: a clock that jumps (a suspended machine,
        // or a test's clock moved on by years) wakes it once, where a periodic timer would tick for every
        // interval it missed.
        var interval = TimeSpan.FromSeconds(Math.Max(1, smtp.Value.PollSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Queued {Count} safeguarding reminders")]
    private partial void LogRemindersQueued(int count);

    [LoggerMessage(LogLevel.Error, "Queuing safeguarding reminders failed; the next round tries again")]
    private partial void LogRemindersFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Sending from the outbox failed; the next round tries again")]
    private partial void LogSendingFailed(Exception exception);
}
