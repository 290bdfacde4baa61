namespace ContactPointConsultation.Core.Staff;

/// <summary>
/// The password and lockout rules for staff accounts. Identity is configured from these, and the pages
/// and messages that state the rules quote them, so what staff are told is what is enforced.
/// </summary>
public static class StaffAccountRules
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Wrong passwords or codes in a row before the account is locked.</summary>
    public const int LockoutAttempts = 5;

    public const int LockoutMinutes = 15;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(LockoutMinutes);
}
