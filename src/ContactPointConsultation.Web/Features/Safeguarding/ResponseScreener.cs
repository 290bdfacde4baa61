using System.Diagnostics;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Screens sent responses just after they are sent (<see cref="ResponseScreening"/>): as the portal starts
/// (whatever a restart left unscreened), when a send on this node wakes it, and every
/// <see cref="SafeguardingOptions.ScreenPollSeconds"/> for sends on other nodes. Woken, it waits for a lull,
/// <see cref="SafeguardingOptions.ScreenGatherMilliseconds"/> with no further send, but no longer than
/// <see cref="SafeguardingOptions.ScreenAtMostSeconds"/>: the sends of a busy moment are screened in one batch
/// rather than one round each, and while people are sending, the processor is theirs. A failed round is
/// logged and the next one tries again: the responses stay unscreened, and withheld, until one succeeds.
/// </summary>
public sealed partial class ResponseScreener(
    IServiceScopeFactory scopes, ScreeningSignal signal, IOptions<SafeguardingOptions> options, ILogger<ResponseScreener> logger) : BackgroundService
{
    // One round at a time in this process, so a round asked for directly waits for one already running.
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Screens every response not yet screened, a batch at a time. The loop calls it; so may anyone who cannot wait.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var (screened, flagged) = await scope.ServiceProvider.GetRequiredService<ResponseScreening>().ScreenNextBatchAsync(cancellationToken);
                if (flagged > 0)
                {
                    LogFlagged(flagged, screened);
                }

                if (screened < ResponseScreening.BatchSize)
                {
                    return;
                }
            }
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the app's clock: these pauses pace the work, and a test's clock may stand still.
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.ScreenPollSeconds));
        var gather = TimeSpan.FromMilliseconds(Math.Max(1, options.Value.ScreenGatherMilliseconds));
        var atMost = TimeSpan.FromSeconds(Math.Max(0, options.Value.ScreenAtMostSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRoundFailed(exception);
                }

                await signal.WaitAsync(poll, stoppingToken);

                // A lull is one gather's length with no send. Looking once a gather, rather than waking at
                // each send, keeps the wait itself from costing the sends anything.
                var waiting = Stopwatch.StartNew();
                do
                {
                    await Task.Delay(gather, stoppingToken);
                }
                while (signal.TryTake() && waiting.Elapsed < atMost);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left unscreened is screened when the portal next starts, or by another node.
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "The disclosure screen flagged {Flagged} of {Screened} responses for safeguarding review")]
    private partial void LogFlagged(int flagged, int screened);

    [LoggerMessage(LogLevel.Error, "Screening sent responses failed; they stay withheld, and the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
