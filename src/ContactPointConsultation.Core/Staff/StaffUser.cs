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

    /// <summary>The roles that read responses and results: the staff policy, the landing page and the navigation all ask this.</summary>
    public static readonly IReadOnlyList<string> ReadResponses = [Admin, Analyst];

    /// <summary>True when a person with these roles reads responses and results.</summary>
    public static bool CanReadResponses(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return ReadResponses.Any(isInRole);
    }

    /// <summary>What each role lets a person do, as the admin pages say it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Analyst] = "Sees results, reads and downloads responses",
        [Admin] = "Also manages staff accounts and the consultation’s wording",
        [Safeguarding] = "A trained safeguarding lead: reviews comments that may disclose harm, and is emailed when one is flagged",
    };

    /// <summary>True when every name is a role and there is at least one.</summary>
    public static bool AreKnown(IReadOnlyCollection<string>? roles) => roles is { Count: > 0 } && roles.All(All.Contains);

    /// <summary>The roles named, each once, in the order of <see cref="All"/>.</summary>
    public static List<string> InOrder(IEnumerable<string> roles) => [.. All.Where(roles.Contains)];
}
