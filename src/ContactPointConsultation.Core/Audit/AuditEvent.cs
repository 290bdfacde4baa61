namespace ContactPointConsultation.Core.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, to what, when and from where. Details never
/// hold comment text. The address is truncated (IPv4 to /24, IPv6 to /48) so it locates without identifying.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? FromAddress { get; set; }
}

public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string AuthenticatorEnrolled = "AuthenticatorEnrolled";
    public const string UserCreated = "UserCreated";
    public const string ResponsesDownloaded = "ResponsesDownloaded";
}
