using ContactPointConsultation.Core.Safeguarding;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Warms the disclosure screen up once as the portal starts (<see cref="DisclosureScreen.WarmUp"/>), on a pool
/// thread so the portal serves pages meanwhile; responses sent first are screened as they always are, only slower.
/// </summary>
public sealed partial class ScreenWarmUp(ILogger<ScreenWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            if (DisclosureScreen.WarmUp(stoppingToken))
            {
                Warmed(logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only speed is lost: every response is still screened, and a screen fault flags its comments (SafeguardingFlagging).
            WarmUpFailed(logger, exception);
        }
    }, stoppingToken);

    [LoggerMessage(LogLevel.Information, "Disclosure screen warmed up in {Milliseconds:F0} ms")]
    private static partial void Warmed(ILogger logger, double milliseconds);

    [LoggerMessage(LogLevel.Warning, "Disclosure screen warm-up failed; responses are screened as usual, the first ones more slowly")]
    private static partial void WarmUpFailed(ILogger logger, Exception exception);
}
