using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>The "Analysis" configuration section.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Whether this node runs the suggestions job at all. The tests turn it off, and run it when they choose.</summary>
    public bool SuggestThemes { get; set; } = true;

    /// <summary>How often the job looks for comments without suggestions: sent, screened or released since, or under a changed codebook.</summary>
    public int SuggestPollSeconds { get; set; } = 15;
}

/// <summary>
/// Runs the theme suggestions job (<see cref="ThemeSuggestions.SuggestNextBatchAsync"/>) in the background,
/// never inside a request: every <see cref="AnalysisOptions.SuggestPollSeconds"/>, on the node that holds
/// the job's lease, batch after batch until nothing is waiting. It is idempotent, so a restart or a lease
/// passing to another node part way loses nothing. The model loads with the first batch and is released
/// when idle (<see cref="SentenceModel.IdleAfter"/>).
/// </summary>
public sealed partial class SuggestionWorker(
    IServiceScopeFactory scopes, IOptions<AnalysisOptions> options, DatabaseClock clock, ILogger<SuggestionWorker> logger) : BackgroundService
{
    public const string LeaseName = "theme-suggestions";

    /// <summary>Long enough for a batch of every question; renewed before each.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Suggests themes for every comment waiting, if this node holds the lease. Returns how many it did.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
                if (!await JobLease.TryTakeAsync(db, LeaseName, _holder, await clock.UtcNowAsync(db, cancellationToken), Hold, cancellationToken))
                {
                    return total;
                }

                var done = await scope.ServiceProvider.GetRequiredService<ThemeSuggestions>().SuggestNextBatchAsync(cancellationToken);
                total += done;
                if (done == 0)
                {
                    if (total > 0)
                    {
                        LogSuggested(total);
                    }

                    return total;
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
        if (!options.Value.SuggestThemes)
        {
            return;
        }

        // Real time: this paces the work, and a test's clock may stand still.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SuggestPollSeconds)));
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRoundFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left is done when the portal next starts, or by another node.
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Suggested themes for {Comments} comments")]
    private partial void LogSuggested(int comments);

    [LoggerMessage(LogLevel.Error, "Suggesting themes failed; the comments wait for the next round")]
    private partial void LogRoundFailed(Exception exception);
}
