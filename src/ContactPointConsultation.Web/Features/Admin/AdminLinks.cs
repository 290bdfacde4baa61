namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>The admin pages' addresses, in one place.</summary>
public static class AdminLinks
{
    public const string Wording = "/admin/wording";
    public const string Users = "/admin/users";
    public const string Audit = "/admin/audit";
}
