using System.Net;
using ContactPointConsultation.Core.Data;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// How the portal sits behind its load balancer: which proxies may say who the client is, HTTPS only,
/// no Server header, and the health endpoints the platform probes.
/// </summary>
public static class HostingSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        // X-Forwarded-For and -Proto are believed only from the proxies named in configuration: single
        // addresses, or ranges such as 10.0.1.0/24 for a load balancer's pool. Anyone else could claim any
        // address, and the rate limits and audit log go by the client's address.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            var proxies = configuration.GetSection("Hosting:KnownProxies").Get<string[]>() ?? [];
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(proxy, out var range))
                {
                    options.KnownIPNetworks.Add(range);
                }
                else
                {
                    throw new InvalidOperationException(
                        $"Hosting:KnownProxies: '{proxy}' is neither an IP address nor a range such as 10.0.1.0/24.");
                }
            }

            // With both lists empty the middleware would believe everyone, so no proxy means no forwarding.
            options.ForwardedHeaders = proxies.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Live: the process answers. Ready: it can also reach the database.</summary>
    public static void MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
    }
}

/// <summary>
/// Ready: the database can be reached and has every migration this build knows. A node started before the
/// `migrate` step of a deployment has run (with `Database:MigrateOnStartup` false, as in production) would
/// otherwise take traffic and fail on the columns it expects.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ConsultationDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending} migrations have not been applied: run the migrate command");
    }
}
