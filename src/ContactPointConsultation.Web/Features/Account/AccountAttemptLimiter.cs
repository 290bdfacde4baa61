using System.Threading.RateLimiting;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Account;

/// <summary>
/// Sign-in attempts per account, whichever address they come from. The per-address limit stops one
/// machine guessing; this stops many machines guessing one account. It counts attempts for email
/// addresses that have no account in the same way, so it says nothing about which accounts exist.
/// Identity's lockout still applies on top, and is kept in the database.
/// </summary>
public sealed class AccountAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public AccountAttemptLimiter(IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _window = TimeSpan.FromMinutes(settings.SignInAccountWindowMinutes);
        _limiter = PartitionedRateLimiter.Create<string, string>(
            account => RateLimitPartition.GetSlidingWindowLimiter(account, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = settings.SignInAttemptsPerAccount,
                Window = _window,
                SegmentsPerWindow = settings.SignInAccountWindowMinutes,
                QueueLimit = 0,
            }),
            StringComparer.Ordinal);
    }

    /// <summary>Takes one attempt for this email address; null if it may go ahead, or how long to wait.</summary>
    public TimeSpan? TryAttempt(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    public void Dispose() => _limiter.Dispose();
}
