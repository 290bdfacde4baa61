using System.Globalization;
using System.Security.Claims;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace ContactPointConsultation.Web.Features.Account;

/// <summary>Staff sign-in: password, then a code from an authenticator app, which every account must set up.</summary>
[Route("staff")]
public sealed class AccountController(
    StaffSignInManager signIn,
    UserManager<StaffUser> users,
    AuditLog audit,
    AccountAttemptLimiter accountAttempts,
    IValidator<SignInInput> signInValidator,
    IValidator<CodeInput> codeValidator,
    IValidator<SetPasswordInput> setPasswordValidator) : Controller
{
    public const string IssuerName = "ContactPoint consultation";
    public const int RecoveryCodeCount = 10;
    private const string RecoveryCodesKey = "RecoveryCodes";
    public const string SignInFailedMessage = "Enter a correct email address and password";
    public static readonly string LockedOutMessage =
        $"Your account is locked after too many attempts. Try again in {Display.Number(StaffAccountRules.LockoutMinutes)} minutes";
    public const string CodeFailedMessage = "Enter the current code from your authenticator app. Each code works once";

    public static string TooManyAttemptsMessage(int minutes) =>
        $"There have been too many attempts to sign in to this account. Wait {minutes} {(minutes == 1 ? "minute" : "minutes")}, then try again";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(bool signedOut = false, bool passwordSet = false, [FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl = null)
    {
        KeepReturnUrl(returnUrl);
        ViewData["Notice"] = signedOut ? "You have signed out" : passwordSet ? "Your password has been set. Now sign in" : null;
        return View("SignIn", new SignInInput());
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInInput input, [FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl, CancellationToken cancellationToken)
    {
        returnUrl = KeepReturnUrl(returnUrl);
        if (input is null)
        {
            return BadRequest();
        }

        var validation = await signInValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("SignIn", input);
        }

        if (await accountAttempts.TryAttemptAsync(input.Email!, cancellationToken) is { } wait)
        {
            return await TooManyAttemptsAsync(input.Email!, "password", wait, cancellationToken);
        }

        var result = await signIn.PasswordSignInAsync(input.Email!, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            return Redirect(result.RequiresTwoFactor ? AccountLinks.WithReturnUrl(AccountLinks.Code, returnUrl) : AccountLinks.SetUpAuthenticator);
        }

        await AuditAsync(input.Email!, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, new { stage = "password" }, cancellationToken);
        // A locked account gets the same answer as a wrong password: saying "locked" would tell anyone
        // which email addresses have accounts. The page states the lockout rule instead.
        ModelState.AddModelError(nameof(SignInInput.Email), SignInFailedMessage);
        input.Password = null;
        return View("SignIn", input);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/code")]
    public async Task<IActionResult> Code([FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl)
    {
        returnUrl = KeepReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(AccountLinks.WithReturnUrl(AccountLinks.SignIn, returnUrl));
        }

        return View("Code", new CodeInput());
    }

    [AllowAnonymous]
    [HttpPost("sign-in/code")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> Code(CodeInput input, [FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl, CancellationToken cancellationToken)
    {
        returnUrl = KeepReturnUrl(returnUrl);
        if (input is null || await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect(AccountLinks.WithReturnUrl(AccountLinks.SignIn, returnUrl));
        }

        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("Code", input);
        }

        if (await accountAttempts.TryAttemptAsync(user.Email!, cancellationToken) is { } wait)
        {
            return await TooManyAttemptsAsync(user.Email!, "code", wait, cancellationToken);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(input.Code!, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await AuditAsync(user.Email!, AuditActions.SignedIn, null, cancellationToken);
            return LocalRedirect(returnUrl ?? StaffLinks.Home);
        }

        await AuditAsync(user.Email!, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, new { stage = "code" }, cancellationToken);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(SignInInput.Email), LockedOutMessage);
            return View("SignIn", new SignInInput { Email = user.Email, Step = SignInStep.Code });
        }

        ModelState.AddModelError(nameof(CodeInput.Code), CodeFailedMessage);
        return View("Code", new CodeInput());
    }

    /// <summary>A new account's one-time link from an admin: choose a password.</summary>
    [AllowAnonymous]
    [HttpGet("set-password")]
    public IActionResult SetPassword(string? email, string? token) =>
        View("SetPassword", new SetPasswordInput { Email = email, Token = token });

    [AllowAnonymous]
    [HttpPost("set-password")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> SetPassword(SetPasswordInput input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return BadRequest();
        }

        var validation = await setPasswordValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("SetPassword", input);
        }

        var user = string.IsNullOrEmpty(input.Email) ? null : await users.FindByEmailAsync(input.Email);
        var result = user is null || string.IsNullOrEmpty(input.Token)
            ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken())
            : await users.ResetPasswordAsync(user, input.Token, input.Password!);
        if (!result.Succeeded)
        {
            var invalidLink = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            ModelState.AddModelError(nameof(SetPasswordInput.Password), invalidLink
                ? "This set-up link has expired or has already been used. Ask an admin for a new one"
                : result.Errors.First().Description);
            return View("SetPassword", input);
        }

        await AuditAsync(user!.Email!, AuditActions.PasswordSet, null, cancellationToken);
        return Redirect(AccountLinks.PasswordSet);
    }

    [Authorize(StaffPolicies.PasswordOnly)]
    [HttpGet("set-up-authenticator")]
    public async Task<IActionResult> SetUpAuthenticator()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.TwoFactorEnabled)
        {
            return Redirect(StaffLinks.Home);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key changes the security stamp: renew this session's cookie to match.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return EnrolView(user, key!, new CodeInput());
    }

    [Authorize(StaffPolicies.PasswordOnly)]
    [HttpPost("set-up-authenticator")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> SetUpAuthenticator(CodeInput input, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.TwoFactorEnabled)
        {
            return Redirect(StaffLinks.Home);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (input is null || string.IsNullOrEmpty(key))
        {
            return Redirect(AccountLinks.SetUpAuthenticator);
        }

        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return EnrolView(user, key, input);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, SingleUseTotpProvider.ProviderName, input.Code!))
        {
            ModelState.AddModelError(nameof(CodeInput.Code), CodeFailedMessage);
            return EnrolView(user, key, new CodeInput());
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await AuditAsync(user.Email!, AuditActions.AuthenticatorEnrolled, null, cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffPolicies.MfaClaim, StaffPolicies.MfaValue)]);
        await AuditAsync(user.Email!, AuditActions.SignedIn, null, cancellationToken);
        TempData[RecoveryCodesKey] = string.Join(' ', recoveryCodes!);
        return Redirect(AccountLinks.RecoveryCodes);
    }

    /// <summary>Shown once, straight after setting up the app: only their hashes are kept.</summary>
    [Authorize(StaffPolicies.Staff)]
    [HttpGet("recovery-codes")]
    public IActionResult RecoveryCodes()
    {
        var codes = (TempData[RecoveryCodesKey] as string)?.Split(' ') ?? [];
        return codes.Length == 0 ? Redirect(StaffLinks.Home) : View("RecoveryCodes", codes);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> RecoveryCode([FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl)
    {
        returnUrl = KeepReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(AccountLinks.WithReturnUrl(AccountLinks.SignIn, returnUrl));
        }

        return View("RecoveryCode", new CodeInput());
    }

    [AllowAnonymous]
    [HttpPost("sign-in/recovery-code")]
    [EnableRateLimiting(WebSetup.SignInRateLimit)]
    public async Task<IActionResult> RecoveryCode(CodeInput input, [FromQuery(Name = AccountLinks.ReturnUrl)] string? returnUrl, CancellationToken cancellationToken)
    {
        returnUrl = KeepReturnUrl(returnUrl);
        if (input is null || await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect(AccountLinks.WithReturnUrl(AccountLinks.SignIn, returnUrl));
        }

        if (string.IsNullOrWhiteSpace(input.Code))
        {
            ModelState.AddModelError(nameof(CodeInput.Code), "Enter one of your recovery codes");
            return View("RecoveryCode", input);
        }

        if (await accountAttempts.TryAttemptAsync(user.Email!, cancellationToken) is { } wait)
        {
            return await TooManyAttemptsAsync(user.Email!, "recovery code", wait, cancellationToken);
        }

        // Identity's recovery-code sign-in neither checks nor counts towards lockout: do both here.
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            await AuditAsync(user.Email!, AuditActions.LockedOut, new { stage = "recovery code" }, cancellationToken);
            ModelState.AddModelError(nameof(SignInInput.Email), LockedOutMessage);
            return View("SignIn", new SignInInput { Email = user.Email, Step = SignInStep.RecoveryCode });
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(input.Code);
        await AuditAsync(user.Email!, result.Succeeded ? AuditActions.SignedIn : AuditActions.SignInFailed, new { stage = "recovery code" }, cancellationToken);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl ?? StaffLinks.Home);
        }

        await users.AccessFailedAsync(user);

        ModelState.AddModelError(nameof(CodeInput.Code), "Enter a recovery code you have not used before");
        return View("RecoveryCode", new CodeInput());
    }

    /// <summary>Ends every session of this account, not just this cookie: a copied cookie stops working too.</summary>
    [Authorize(StaffPolicies.PasswordOnly)]
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfEverything(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(user.Email!, AuditActions.SignedOut, null, cancellationToken);
        }

        await signIn.SignOutAsync();
        return Redirect(AccountLinks.SignedOut);
    }

    private ViewResult EnrolView(StaffUser user, string key, CodeInput input)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(IssuerName)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(IssuerName)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5, "#0b0c0c", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        var spacedKey = string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        return View("SetUpAuthenticator", new EnrolViewModel(svg, spacedKey, input));
    }

    /// <summary>The sign-in page again, with a 429 and Retry-After, as for any other rate limit.</summary>
    private async Task<IActionResult> TooManyAttemptsAsync(string email, string stage, TimeSpan wait, CancellationToken cancellationToken)
    {
        await AuditAsync(email, AuditActions.SignInFailed, new { stage, tooManyAttempts = true }, cancellationToken);
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        ModelState.AddModelError(nameof(SignInInput.Email), TooManyAttemptsMessage(minutes));
        var page = View("SignIn", new SignInInput { Email = email });
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    /// <summary>
    /// The page someone was sent to sign in from, such as the item a safeguarding email links to, kept
    /// through each step of signing in for the views' forms and links. Only a page of this site is kept.
    /// </summary>
    private string? KeepReturnUrl(string? returnUrl)
    {
        var kept = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        ViewData[AccountLinks.ReturnUrl] = kept;
        return kept;
    }

    private Task AuditAsync(string actor, string action, object? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(actor.Length > 256 ? actor[..256] : actor, action, details: details, from: HttpContext.Connection.RemoteIpAddress, cancellationToken: cancellationToken);
}
