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
    public const string RoleChanged = "RoleChanged";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountEnabled = "AccountEnabled";
    public const string AuthenticatorReset = "AuthenticatorReset";
    public const string SetUpLinkIssued = "SetUpLinkIssued";
    public const string PasswordSet = "PasswordSet";
    public const string ResponsesSearched = "ResponsesSearched";
    public const string ResponseViewed = "ResponseViewed";
    public const string ResponseWithdrawn = "ResponseWithdrawn";
    public const string ResponseEntered = "ResponseEntered";
    public const string ResponseCorrected = "ResponseCorrected";
    public const string PaperChecked = "PaperChecked";
    public const string PaperCheckDecided = "PaperCheckDecided";
    public const string ResponsesImported = "ResponsesImported";
    public const string ResponsesDownloaded = "ResponsesDownloaded";
    public const string AuditLogDownloaded = "AuditLogDownloaded";
    public const string WordingEdited = "WordingEdited";
    public const string WordingPublished = "WordingPublished";
    public const string WordingRestored = "WordingRestored";
    public const string WordingDraftDeleted = "WordingDraftDeleted";
    public const string OutcomeEdited = "OutcomeEdited";
    public const string OutcomePublished = "OutcomePublished";
    public const string OutcomeCheckThrottled = "OutcomeCheckThrottled";
    public const string RetentionSweep = "RetentionSweep";
    public const string SafeguardingFlagged = "SafeguardingFlagged";
    public const string SafeguardingItemOpened = "SafeguardingItemOpened";
    public const string SafeguardingDecided = "SafeguardingDecided";
    public const string SafeguardingRetentionSweep = "SafeguardingRetentionSweep";
    public const string ThemeAdded = "ThemeAdded";
    public const string ThemeEdited = "ThemeEdited";
    public const string ThemeRetired = "ThemeRetired";
    public const string ThemeRestored = "ThemeRestored";
    public const string ThemeMerged = "ThemeMerged";
    public const string ThemeSplit = "ThemeSplit";
    public const string CodebookImported = "CodebookImported";
    public const string CodebookDownloaded = "CodebookDownloaded";
    public const string CommentTagsChanged = "CommentTagsChanged";
    public const string CodingSampleDrawn = "CodingSampleDrawn";
    public const string CommentSecondCoded = "CommentSecondCoded";
    public const string DisagreementSettled = "DisagreementSettled";
}
