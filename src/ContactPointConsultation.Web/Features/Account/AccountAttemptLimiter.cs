using System.Threading.RateLimiting;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
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

    private readonly ILookupNormalizer _normalizer;

    public AccountAttemptLimiter(IOptions<PortalOptions> options, ILookupNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(options);
        _normalizer = normalizer;
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

    /// <summary>
    /// Takes one attempt for this email address, normalised as Identity finds accounts, so that another
    /// spelling of the same address (a Kelvin sign for a K, say) does not get attempts of its own.
    /// Null if it may go ahead; otherwise how long to wait, which a sliding window cannot say more
    /// exactly than its whole length.
    /// </summary>
    public TimeSpan? TryAttempt(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var lease = _limiter.AttemptAcquire(_normalizer.NormalizeName(email.Trim()) ?? "");
        return lease.IsAcquired ? null : _window;
    }

    public void Dispose() => _limiter.Dispose();
}
