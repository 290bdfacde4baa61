namespace ContactPointConsultation.Web.Features.Account;

/// <summary>
/// The sign-in pages' addresses, each written once: the cookie set-up, controllers and views all use
/// these, so a page that moves changes in one place.
/// </summary>
public static class AccountLinks
{
    public const string SignIn = "/staff/sign-in";
    public const string SignedOut = SignIn + "?signedOut=true";
    public const string PasswordSet = SignIn + "?passwordSet=true";
    public const string Code = "/staff/sign-in/code";
    public const string RecoveryCode = "/staff/sign-in/recovery-code";
    public const string SignOut = "/staff/sign-out";
    public const string SetPassword = "/staff/set-password";
    public const string SetUpAuthenticator = "/staff/set-up-authenticator";
    public const string RecoveryCodes = "/staff/recovery-codes";

    /// <summary>The query parameter the cookie handler names the page it was asked for in.</summary>
    public const string ReturnUrl = "ReturnUrl";

    /// <summary>
    /// A sign-in step's address, carrying on the page to go to afterwards: <paramref name="returnUrl"/>
    /// must already be known to be a page of this site.
    /// </summary>
    public static string WithReturnUrl(string page, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? page : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{ReturnUrl}={Uri.EscapeDataString(returnUrl)}";

    /// <summary>A new account's one-time link to choose a password (without the scheme and host).</summary>
    public static string SetPasswordFor(string email, string token) =>
        $"{SetPassword}?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
}
