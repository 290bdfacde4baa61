using System.Data.Common;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Outcome;

public static partial class OutcomeSetup
{
    public const string CheckRateLimit = "outcome-check";

    /// <summary>
    /// "You said, we did": the admin's editor, the public page and the check by reference, limited per address as
    /// resume codes are. Its pages use the analysis feature's themes, so this needs <see cref="Analysis.AnalysisSetup.AddAnalysisFeature"/>.
    /// </summary>
    public static IServiceCollection AddOutcomeFeature(this IServiceCollection services)
    {
        services.AddScoped<OutcomeEditor>();
        services.AddScoped<OutcomeCheck>();
        services.AddSingleton<IValidator<OutcomeCheckInput>, OutcomeCheckInputValidator>();
        // After the portal's own rate limiter set-up, whose handler for a refusal this one adds to.
        services.PostConfigure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(CheckRateLimit, context => WebSetup.SharedPerAddress(context, CheckRateLimit, s => (s.ResumeAttemptsPerWindow, s.ResumeWindowMinutes)));
            var before = options.OnRejected;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (before is not null)
                {
                    await before(context, cancellationToken);
                }

                await AuditThrottledCheckAsync(context.HttpContext, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Guessing references is audited: once per address per window, when its checks are first refused, so a thousand
    /// guesses leave one row, not a thousand. The address is truncated, as everywhere in the audit log.
    /// </summary>
    private static async Task AuditThrottledCheckAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != CheckRateLimit)
        {
            return;
        }

        var address = http.Connection.RemoteIpAddress;
        var services = http.RequestServices;
        var window = TimeSpan.FromMinutes(services.GetRequiredService<IOptions<PortalOptions>>().Value.ResumeWindowMinutes);
        try
        {
            // Refusals at the same moment, or on other nodes: the first in the window writes the row.
            var key = RateCounter.KeyFor(CheckRateLimit + "-audited", AuditLog.Truncate(address) ?? "unknown");
            var db = services.GetRequiredService<ConsultationDbContext>();
            if (await RateCounter.TakeAsync(db, key, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, window, cancellationToken) > 1)
            {
                return;
            }

            await services.GetRequiredService<AuditLog>().RecordAsync("anonymous", AuditActions.OutcomeCheckThrottled, "Outcome check",
                new { WindowMinutes = window.TotalMinutes }, address, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // The guess is refused all the same; a database too busy to take the row must not turn that into an error page.
            NotAudited(services.GetRequiredService<ILogger<OutcomeCheck>>(), e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not audit throttled outcome checks; they were refused all the same")]
    private static partial void NotAudited(ILogger logger, Exception exception);
}
