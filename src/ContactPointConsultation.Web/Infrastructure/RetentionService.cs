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

/// <summary>Runs the retention sweep at start-up and then every hour, on the app's clock.</summary>
public sealed partial class RetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                LogSwept(result.DraftsDeleted, result.ResponsesDeleted);
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
