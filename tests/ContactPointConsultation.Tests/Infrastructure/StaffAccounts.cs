using ContactPointConsultation.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>A staff account made through the app's own UserManager, and what its owner knows.</summary>
public sealed record StaffAccount(string Email, string Password, string? AuthenticatorKey)
{
    /// <summary>The code an authenticator app would show at that moment (now, by default).</summary>
    public string CodeAt(DateTimeOffset? at = null) =>
        new Totp(Base32Encoding.ToBytes(AuthenticatorKey ?? throw new InvalidOperationException("No authenticator set up")))
            .ComputeTotp((at ?? DateTimeOffset.UtcNow).UtcDateTime);
}

public static class StaffAccounts
{
    public const string GoodPassword = "correct horse battery staple 42";

    /// <summary>Creates an account; by default with its authenticator app already set up.</summary>
    public static async Task<StaffAccount> CreateStaffAsync(this PortalFactory portal, string role = StaffRoles.Analyst, bool withAuthenticator = true)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.gov.uk";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, GoodPassword));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (withAuthenticator)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new StaffAccount(email, GoodPassword, key);
    }

    /// <summary>A browser already signed in as a new member of staff with that role.</summary>
    public static async Task<Respondent> SignedInStaffAsync(this PortalFactory portal, string role = StaffRoles.Analyst)
    {
        var browser = portal.CreateRespondent();
        var account = await portal.CreateStaffAsync(role);

        // On a portal with its clock set, the code is the one an authenticator would show at the portal's time.
        await browser.SignInAsync(account, account.CodeAt(portal.Clock?.GetUtcNow()));
        return browser;
    }

    /// <summary>Signs in through the real pages: password, then the authenticator code.</summary>
    public static async Task SignInAsync(this Respondent browser, StaffAccount account, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(account);
        await browser.GetAsync("/staff/sign-in");
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = account.Email, ["Password"] = account.Password });
        if (browser.Path == "/staff/sign-in/code")
        {
            await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code ?? account.CodeAt() });
        }
    }

    public static async Task<T> WithUserAsync<T>(this PortalFactory portal, string email, Func<UserManager<StaffUser>, StaffUser, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await action(users, (await users.FindByEmailAsync(email))!);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
