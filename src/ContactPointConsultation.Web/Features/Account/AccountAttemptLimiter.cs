using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Account;

/// <summary>
/// Sign-in attempts per account, whichever address they come from. The per-address limit stops one
/// machine guessing; this stops many machines guessing one account. It counts attempts for email
/// addresses that have no account in the same way, so it says nothing about which accounts exist.
/// Counted in the shared database (<see cref="RateCounter"/>), so it holds across web nodes. Identity's
/// lockout still applies on top, and is kept in the database.
/// </summary>
public sealed class AccountAttemptLimiter(ConsultationDbContext db, IOptions<PortalOptions> options, ILookupNormalizer normalizer, TimeProvider clock)
{
    private const string Limit = "sign-in-account";

    /// <summary>
    /// Takes one attempt for this email address, normalised as Identity finds accounts, so that another
    /// spelling of the same address (a Kelvin sign for a K, say) does not get attempts of its own.
    /// Null if it may go ahead; otherwise how long to wait, at most the window's length.
    /// </summary>
    public async Task<TimeSpan?> TryAttemptAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(settings.SignInAccountWindowMinutes);
        var key = RateCounter.KeyFor(Limit, normalizer.NormalizeName(email.Trim()) ?? "");
        var count = await RateCounter.TakeAsync(db, key, clock.GetUtcNow().UtcDateTime, window, cancellationToken);
        return count <= settings.SignInAttemptsPerAccount ? null : window;
    }
}
