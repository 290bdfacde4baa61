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
    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    private static string Hash(string code) => SecretHash.Of(ReferenceCode.Normalise(code));
}
