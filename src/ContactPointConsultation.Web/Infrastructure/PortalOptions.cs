namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Settings for the public site, from the "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public string ContactEmail { get; set; } = "";
    public int ResumeAttemptsPerWindow { get; set; } = 10;
    public int ResumeWindowMinutes { get; set; } = 5;
}
