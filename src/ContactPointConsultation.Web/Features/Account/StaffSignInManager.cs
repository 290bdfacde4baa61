using ContactPointConsultation.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Account;

/// <summary>Identity's sign-in manager, refusing disabled accounts.</summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _standInHash;

    /// <summary>
    /// Every failed password attempt costs the same password hashing, whether the email address is
    /// unknown, the account is locked or disabled, or has no password yet, so the time taken does not
    /// say which of these it is. Identity itself answers those cases before hashing anything.
    /// </summary>
    public override async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || user.PasswordHash is null || user.IsDisabled || await UserManager.IsLockedOutAsync(user))
        {
            var nobody = new StaffUser();
            _standInHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(nobody, _standInHash, password);
        }

        return user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }
}
