using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Retention;

namespace ContactPointConsultation.Web.Infrastructure;

public static class RetentionSetup
{
    /// <summary>The hourly job that deletes what the privacy notice says is no longer kept.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionSweep>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}

/// <summary>
/// Runs the retention sweep at start-up and then every hour, on one web node at a time: the node that holds the
/// database lease (<see cref="JobLease"/>, on the database's time) sweeps, and the others leave it. The sweep is
/// idempotent, so two at once were only wasted work; one at a time also keeps them from blocking each other.
/// </summary>
public sealed partial class RetentionService(IServiceScopeFactory scopes, TimeProvider clock, DatabaseClock databaseClock, ILogger<RetentionService> logger) : BackgroundService
{
    public const string LeaseName = "retention";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>
    /// Held a little less than the interval, so that if this node stops, another takes the sweep on within the
    /// hour; renewed by each sweep of the node that holds it.
    /// </summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(50);

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sweeps, if this node holds or can take the lease; null if another node holds it.</summary>
    public async Task<RetentionResult?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
        if (!await JobLease.TryTakeAsync(db, LeaseName, _holder, await databaseClock.UtcNowAsync(db, cancellationToken), Hold, cancellationToken))
        {
            return null;
        }

        var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken);
        LogSwept(result.DraftsDeleted, result.ResponsesDeleted);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A locked or unreachable database now is no reason to stop sweeping later.
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Retention sweep deleted {Drafts} drafts and {Responses} responses")]
    private partial void LogSwept(int drafts, int responses);

    [LoggerMessage(LogLevel.Error, "Retention sweep failed; it runs again within the hour")]
    private partial void LogFailed(Exception exception);
}
