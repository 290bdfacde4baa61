namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Who may see what: the authorization policies every staff and admin page names.</summary>
public static class StaffPolicies
{
    /// <summary>Signed in with a password and an authenticator code, as an Analyst or Admin.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    /// <summary>Signed in with a password and an authenticator code, in any staff role: where staff land.</summary>
    public const string StaffOrSafeguarding = "StaffOrSafeguarding";

    /// <summary>Signed in with a password and an authenticator code, with the Safeguarding role.</summary>
    public const string Safeguarding = "Safeguarding";

    /// <summary>Signed in with a password only: enough to set up the authenticator app, nothing more.</summary>
    public const string PasswordOnly = "PasswordOnly";

    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";
}
