namespace ContactPointConsultation.Web.Features.Information;

/// <summary>
/// The information pages' addresses, each written once, for the footer and every page that links to
/// them.
/// </summary>
public static class InformationLinks
{
    public const string Privacy = "/privacy";
    public const string PrivacyFull = "/privacy/full";
    public const string Cookies = "/cookies";
    public const string Accessibility = "/accessibility";
    public const string Contact = "/contact";
}
