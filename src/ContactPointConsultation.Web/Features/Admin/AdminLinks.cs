namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>
/// The admin pages' addresses, each written once: controllers redirect to them and views link to them
/// from here, so a page that moves changes in one place.
/// </summary>
public static class AdminLinks
{
    public const string Home = "/admin";
    public const string Wording = "/admin/wording";
    public const string Preview = "/admin/wording/preview";
    public const string StopPreview = "/admin/wording/preview/stop";
    public const string Publish = "/admin/wording/publish";
    public const string DeleteDraft = "/admin/wording/delete-draft";
    public const string Versions = "/admin/wording/versions";
    public const string Users = "/admin/users";
    public const string NewUser = "/admin/users/new";
    public const string Audit = "/admin/audit";
    public const string AuditLogCsv = "/admin/audit/audit-log.csv";

    /// <summary>The edit page of one part of the wording, such as "q5" or "details".</summary>
    public static string EditWording(string partId) => $"{Wording}/edit/{partId}";

    public static string Version(int number) => $"{Versions}/{number}";

    public static string RestoreVersion(int number) => $"{Version(number)}/restore";

    /// <summary>One staff account. The id is escaped: it can come straight from the address typed.</summary>
    public static string User(string id) => $"{Users}/{Uri.EscapeDataString(id)}";

    public static string ChangeRole(string id) => $"{User(id)}/role";

    public static string EnableUser(string id) => $"{User(id)}/enable";

    public static string DisableUser(string id) => $"{User(id)}/disable";

    public static string ResetAuthenticator(string id) => $"{User(id)}/reset-authenticator";

    public static string NewSetUpLink(string id) => $"{User(id)}/set-up-link";

    public static string AuditPage(int page) => $"{Audit}?page={page}";
}
