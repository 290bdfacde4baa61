using System.Globalization;
using System.Security.Claims;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Account;

public static class AccountSetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    private const string AbsoluteExpiryKey = "cp:absolute-expiry";

    /// <summary>
    /// Staff accounts on ASP.NET Core Identity, and signing in to them, as the security checklist asks:
    /// long passwords (<see cref="StaffAccountRules"/>) checked against common ones, lockout, mandatory
    /// single-use TOTP, __Host- cookies with idle and absolute timeouts, and a security stamp checked on
    /// every request so sign-out and disabling bite at once. Every endpoint needs a signed-in staff
    /// member unless it says otherwise, so the staff and admin features build on this one.
    /// </summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services)
    {
        services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = StaffAccountRules.MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = StaffAccountRules.LockoutAttempts;
                options.Lockout.DefaultLockoutTimeSpan = StaffAccountRules.LockoutDuration;
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
            options.LoginPath = AccountLinks.SignIn;
            options.LogoutPath = AccountLinks.SignOut;
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
                .RequireRole(StaffRoles.ReadResponses)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Admin)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.StaffOrSafeguarding, policy => policy.RequireAuthenticatedUser()
                .RequireRole(StaffRoles.All)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.Safeguarding, policy => policy.RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Safeguarding)
                .RequireClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
            .AddPolicy(StaffPolicies.PasswordOnly, policy => policy.RequireAuthenticatedUser());

        services.Configure<MvcOptions>(options => options.Conventions.Add(new DenyByDefaultConvention()));

        services.AddScoped<AccountAttemptLimiter>();
        services.AddSingleton<IValidator<SignInInput>, SignInInputValidator>();
        services.AddSingleton<IValidator<CodeInput>, CodeInputValidator>();
        services.AddSingleton<IValidator<SetPasswordInput>, SetPasswordInputValidator>();
        return services;
    }

    /// <summary>Signed in without the authenticator yet: set it up. Otherwise a plain 403 page.</summary>
    private static Task DenyOrEnrol(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!context.HttpContext.User.HasClaim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue))
        {
            context.Response.Redirect(AccountLinks.SetUpAuthenticator);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
