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

    /// <summary>
    /// Before each call of the model (8 comments, about a tenth of a second of one core) the job waits for a
    /// lull: this long with no request to this node. While people are being served, the processor is theirs.
    /// </summary>
    public int SuggestQuietMilliseconds { get; set; } = 100;

    /// <summary>
    /// The longest a call of the model waits for a lull while requests keep coming: at the busiest time the job
    /// still makes one call this often, about a twentieth of one core, so it always gets through its comments.
    /// </summary>
    public int SuggestAtMostSeconds { get; set; } = 2;

    public TimeSpan SuggestQuiet => TimeSpan.FromMilliseconds(Math.Max(0, SuggestQuietMilliseconds));

    public TimeSpan SuggestAtMost => TimeSpan.FromSeconds(Math.Max(0, SuggestAtMostSeconds));
}

/// <summary>
/// Runs the theme suggestions job (<see cref="ThemeSuggestions.SuggestNextBatchAsync"/>) in the background,
/// never inside a request: every <see cref="AnalysisOptions.SuggestPollSeconds"/>, on the node that holds
/// the job's lease, a batch of each question in turn until nothing is waiting. It is idempotent, so a restart or a lease
/// passing to another node part way loses nothing. The model loads with the first batch and is released
/// when idle (<see cref="SentenceModel.IdleAfter"/>). Each call of the model first waits for a lull in this
/// node's requests (<see cref="AnalysisOptions.SuggestQuietMilliseconds"/>, ADR 0030).
/// </summary>
public sealed partial class SuggestionWorker(
    IServiceScopeFactory scopes, IOptions<AnalysisOptions> options, DatabaseClock clock, ILogger<SuggestionWorker> logger) : BackgroundService
{
    public const string LeaseName = "theme-suggestions";

    /// <summary>
    /// The most calls of the model one question's batch is allowed for when holding the lease: 8 for its 64
    /// comments and, after a change to its codebook, one for every 8 of its themes' parts (24 is 48 themes of
    /// four parts).
    /// </summary>
    private const int ModelCallsPerBatch = 32;

    /// <summary>
    /// How long the lease is held: it is renewed before each question's batch, so long enough for one. That is
    /// two minutes of the model's own time and, at the busiest, each call of the model waiting its longest for a
    /// lull. A lease that ran out part way would cost only work done twice: the job is idempotent.
    /// </summary>
    private readonly TimeSpan _hold = TimeSpan.FromMinutes(2) + (options.Value.SuggestAtMost * ModelCallsPerBatch);

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
                var done = 0;
                foreach (var question in Codebook.Questions)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
                    if (!await JobLease.TryTakeAsync(db, LeaseName, _holder, await clock.UtcNowAsync(db, cancellationToken), _hold, cancellationToken))
                    {
                        return total + done;
                    }

                    done += await scope.ServiceProvider.GetRequiredService<ThemeSuggestions>().SuggestNextBatchAsync(question, cancellationToken);
                }

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
