using System.Globalization;
using System.Security.Claims;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Infrastructure;

public static class StaffPolicies
{
    /// <summary>Signed in with a password and an authenticator code, as an Analyst or Admin.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    /// <summary>Signed in with a password only: enough to set up the authenticator app, nothing more.</summary>
    public const string PasswordOnly = "PasswordOnly";

    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";
}

public static class StaffSetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    private const string AbsoluteExpiryKey = "cp:absolute-expiry";

    /// <summary>
    /// Staff accounts on ASP.NET Core Identity, as the security checklist asks: 12+ character passwords
    /// checked against common ones, lockout, mandatory single-use TOTP, __Host- cookies with idle and
    /// absolute timeouts, and a security stamp checked on every request so sign-out and disabling bite
    /// at once. Every endpoint needs a signed-in staff member unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddStaffFeature(this IServiceCollection services)
    {
        services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = SingleUseTotpProvider.ProviderName;
            })
            .AddEntityFrameworkStores<ConsultationDbContext>()
            .AddUserStore<HashedRecoveryCodeUserStore>()
            .AddSignInManager<StaffSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<SingleUseTotpProvider>(SingleUseTotpProvider.ProviderName)
            .AddDefaultTokenProviders();

        // Set-up links for new accounts (password reset tokens): single use, as they are tied to the security stamp.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            // The principal is rebuilt from the database on each check; keep the "signed in with MFA" claim.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.HasClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue) == true
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue));
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "__Host-cp_staff";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/sign-in";
            options.LogoutPath = "/staff/sign-out";
            options.Events.OnRedirectToAccessDenied = DenyOrEnrol;
            options.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(AbsoluteExpiryKey, now.Add(AbsoluteTimeout).ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (context.Properties.Items.TryGetValue(AbsoluteExpiryKey, out var expiry)
                    && DateTimeOffset.Parse(expiry!, CultureInfo.InvariantCulture) < now)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                if (scheme == IdentityConstants.TwoFactorUserIdScheme)
                {
                    options.Cookie.Name = "__Host-cp_staff_pending";
                }

                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.HttpOnly = true;
                options.Cookie.Path = "/";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Admin, StaffRoles.Analyst)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Admin)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.PasswordOnly, policy => policy.RequireAuthenticatedUser());

        services.Configure<MvcOptions>(options => options.Conventions.Add(new DenyByDefaultConvention()));

        services.AddScoped<AuditLog>();
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<ResultsQuery>();
        services.AddSmallNumberSuppression();
        services.AddScoped<ResponseExport>();
        return services;
    }

    /// <summary>Signed in without the authenticator yet: set it up. Otherwise a plain 403 page.</summary>
    private static Task DenyOrEnrol(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!context.HttpContext.User.HasClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
        {
            context.Response.Redirect("/staff/set-up-authenticator");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

/// <summary>Identity's sign-in manager, refusing disabled accounts.</summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
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
