using Microsoft.AspNetCore.Identity;

namespace ContactPointConsultation.Core.Staff;

/// <summary>A member of the consultation team. Accounts are created by an admin, never by sign-up.</summary>
public sealed class StaffUser : IdentityUser
{
    public bool IsDisabled { get; set; }

    /// <summary>The last TOTP time step accepted, so each code works once only.</summary>
    public long? LastTotpTimeStep { get; set; }

    public DateTime CreatedAt { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";

    /// <summary>A trained safeguarding lead or deputy: reviews comments that may disclose harm, and alone sees them before a decision.</summary>
    public const string Safeguarding = "Safeguarding";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Safeguarding];
}
