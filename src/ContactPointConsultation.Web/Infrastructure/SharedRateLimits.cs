using System.Threading.RateLimiting;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Rate limits counted in the shared database (<see cref="RateCounter"/>), so that they hold across every web node:
/// the guessing limits (resume codes, sign-in, the outcome check) and "one download at a time". They plug into
/// ASP.NET Core's rate limiter as its policies' limiters: its middleware first asks synchronously, which these always
/// decline, and then waits on <c>AcquireAsync</c>, which asks the database. A limiter holds no state of its own, so
/// the middleware may drop an idle one and make another at no cost. See docs/adr/0025-many-web-nodes.md.
/// </summary>
public static class SharedRateLimits
{
    /// <summary>How long a download's claim lasts if its node stops before releasing it.</summary>
    public static readonly TimeSpan DownloadClaim = TimeSpan.FromMinutes(10);

    /// <summary>A fixed window of <paramref name="permits"/> per <paramref name="counted"/>, counted across nodes.</summary>
    public static RateLimitPartition<string> Window(HttpContext context, string limit, string counted, int permits, TimeSpan window) =>
        Partition(context, limit, counted, (contexts, clock, key) => new WindowLimiter(contexts, clock, key, permits, window));

    /// <summary>One at a time per <paramref name="counted"/>, across nodes.</summary>
    public static RateLimitPartition<string> OneAtATime(HttpContext context, string limit, string counted) =>
        Partition(context, limit, counted, (contexts, clock, key) => new ClaimLimiter(contexts, clock, key));

    private static RateLimitPartition<string> Partition(
        HttpContext context, string limit, string counted, Func<IDbContextFactory<ConsultationDbContext>, TimeProvider, string, RateLimiter> create)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var contexts = services.GetRequiredService<IDbContextFactory<ConsultationDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var key = RateCounter.KeyFor(limit, counted);
        return RateLimitPartition.Get(key, _ => create(contexts, clock, key));
    }

    private abstract class DatabaseLimiter : RateLimiter
    {
        /// <summary>Idle at once: the counts are in the database, so the middleware may drop this whenever it likes.</summary>
        public override TimeSpan? IdleDuration => TimeSpan.FromMinutes(1);

        public override RateLimiterStatistics? GetStatistics() => null;

        /// <summary>Declines, so that the middleware asks <see cref="RateLimiter.AcquireAsync"/>, which may use the database.</summary>
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;
    }

    private sealed class WindowLimiter(IDbContextFactory<ConsultationDbContext> contexts, TimeProvider clock, string key, int permits, TimeSpan window) : DatabaseLimiter
    {
        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var count = await RateCounter.TakeAsync(db, key, clock.GetUtcNow().UtcDateTime, window, cancellationToken);
            return count <= permits ? Lease.Granted : Lease.Refused(window);
        }
    }

    private sealed class ClaimLimiter(IDbContextFactory<ConsultationDbContext> contexts, TimeProvider clock, string key) : DatabaseLimiter
    {
        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var until = now + DownloadClaim;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await RateCounter.TryClaimAsync(db, key, now, until, cancellationToken)
                ? new ClaimLease(contexts, key, until)
                : Lease.Refused(TimeSpan.FromSeconds(5));
        }
    }

    private class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease NotYet = new(false, null);
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }

    /// <summary>Released when the request ends, which is when the middleware disposes its lease.</summary>
    private sealed class ClaimLease(IDbContextFactory<ConsultationDbContext> contexts, string key, DateTime until) : Lease(true, null)
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                using var db = contexts.CreateDbContext();
                RateCounter.Release(db, key, until);
            }

            base.Dispose(disposing);
        }
    }
}
