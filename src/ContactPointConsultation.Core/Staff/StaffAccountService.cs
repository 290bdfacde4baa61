using System.Net;
using ContactPointConsultation.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContactPointConsultation.Core.Staff;

/// <summary>
/// What admins do to staff accounts, each change audited with its before and after. Changes that take
/// access away also change the security stamp, which ends the account's sessions on their next request.
/// </summary>
public sealed class StaffAccountService(UserManager<StaffUser> users, AuditLog audit, TimeProvider clock)
{
    public const string SetUpPurpose = "ResetPassword";

    /// <summary>Creates an account with no password; returns the token for its one-time set-up link.</summary>
    public async Task<(IdentityResult Result, StaffUser? User, string? SetUpToken)> CreateAsync(string email, IReadOnlyCollection<string> roles, string actor, IPAddress? from)
    {
        var (created, user) = await AddAsync(email, roles, password: null, actor, from);
        return user is null ? (created, null, null) : (created, user, await users.GeneratePasswordResetTokenAsync(user));
    }

    /// <summary>
    /// Creates an account with the password its owner typed, checked by Identity's password rules. This
    /// is how the first admin is made, from the command line, when there is no admin to pass a set-up link on.
    /// </summary>
    public async Task<IdentityResult> CreateWithPasswordAsync(string email, IReadOnlyCollection<string> roles, string password, string actor)
    {
        ArgumentNullException.ThrowIfNull(password);
        return (await AddAsync(email, roles, password, actor, from: null)).Result;
    }

    private async Task<(IdentityResult Result, StaffUser? User)> AddAsync(string email, IReadOnlyCollection<string> roles, string? password, string actor, IPAddress? from)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (created, null);
        }

        await users.AddToRolesAsync(user, StaffRoles.InOrder(roles));
        await audit.RecordAsync(actor, AuditActions.UserCreated, email, new { roles = StaffRoles.InOrder(roles) }, from);
        return (created, user);
    }

    public async Task<string> IssueSetUpLinkAsync(StaffUser user, string actor, IPAddress? from)
    {
        ArgumentNullException.ThrowIfNull(user);
        await audit.RecordAsync(actor, AuditActions.SetUpLinkIssued, user.Email, null, from);
        return await users.GeneratePasswordResetTokenAsync(user);
    }

    /// <summary>Gives the account exactly these roles; a person may hold several (an analyst who is also a safeguarding lead).</summary>
    public async Task ChangeRolesAsync(StaffUser user, IReadOnlyCollection<string> roles, string actor, IPAddress? from)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = StaffRoles.InOrder(await users.GetRolesAsync(user));
        var after = StaffRoles.InOrder(roles);
        if (before.SequenceEqual(after))
        {
            return;
        }

        await users.RemoveFromRolesAsync(user, before.Except(after));
        await users.AddToRolesAsync(user, after.Except(before));
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.RoleChanged, user.Email, new { before, after }, from);
    }

    public async Task SetDisabledAsync(StaffUser user, bool disabled, string actor, IPAddress? from)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsDisabled == disabled)
        {
            return;
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, user.Email,
            new { before = disabled ? "active" : "disabled", after = disabled ? "disabled" : "active" }, from);
    }

    /// <summary>For a lost phone: the account must set up an authenticator app again at its next sign-in.</summary>
    public async Task ResetAuthenticatorAsync(StaffUser user, string actor, IPAddress? from)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.LastTotpTimeStep = null;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(actor, AuditActions.AuthenticatorReset, user.Email, new { before = "set up", after = "not set up" }, from);
    }
}
