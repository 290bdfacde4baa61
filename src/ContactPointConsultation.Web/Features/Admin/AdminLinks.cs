namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>The admin pages' addresses, in one place.</summary>
public static class AdminLinks
{
    public const string Home = "/admin";
    public const string Wording = "/admin/wording";
    public const string Users = "/admin/users";
    public const string NewUser = "/admin/users/new";
    public const string Audit = "/admin/audit";
    public const string AuditDownload = "/admin/audit/audit-log.csv";
}
