using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace ContactPointConsultation.Core.Staff;

/// <summary>
/// Authenticator-app codes (RFC 6238, 30-second steps) accepted within one step either side, and each
/// time step once only (ASVS 6.5.1, 6.5.5). Identity's built-in provider allows two steps either side
/// and lets a code be used again.
/// </summary>
public sealed class SingleUseTotpProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string ProviderName = "SingleUseTotp";
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        Task.FromResult(user is not null && !string.IsNullOrEmpty(user.SecurityStamp));

    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) =>
        throw new NotSupportedException("Codes come from the authenticator app, never from the server.");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? "").Where(char.IsDigit).ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = clock.GetUtcNow().UtcDateTime;
        if (!totp.VerifyTotp(now, code, out var timeStep, OneStepEitherSide) || timeStep <= (user.LastTotpTimeStep ?? 0))
        {
            return false;
        }

        user.LastTotpTimeStep = timeStep;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }
}
