using ContactPointConsultation.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Staff;

/// <summary>
/// Identity's user store, but recovery codes are kept only as SHA-256 hashes (ASVS 6.5.2); Identity's own
/// store keeps them as plain text. Codes are random and single-use, so a fast hash is enough.
/// </summary>
public sealed class HashedRecoveryCodeUserStore(ConsultationDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, ConsultationDbContext>(context, describer)
{
    // Where Identity's own store keeps recovery codes, so counting them still works.
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodeTokenName = "RecoveryCodes";

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(';', recoveryCodes.Select(Hash)), cancellationToken);

    /// <summary>
    /// Removes the one code used and keeps the rest as they are stored. The base class would pass the
    /// remaining (already hashed) codes back through <see cref="ReplaceCodesAsync"/> and hash them again.
    /// </summary>
    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken = default)
    {
        var stored = (await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? "").Split(';');
        var hash = Hash(code);
        if (!stored.Contains(hash))
        {
            return false;
        }

        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, string.Join(';', stored.Where(s => s != hash)), cancellationToken);
        return true;
    }

    private static string Hash(string code) => SecretHash.Of(ReferenceCode.Normalise(code));
}
