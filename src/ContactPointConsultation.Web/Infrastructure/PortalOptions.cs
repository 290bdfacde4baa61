namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Settings for the public site, from the "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public string ContactEmail { get; set; } = "";

    /// <summary>
    /// The portal's public address, such as https://consult.example.gov.uk: emails to staff link to
    /// pages under it, because a background job has no request to take the address from.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>
    /// How long after sending the browser that sent the answers can show a copy of them (and never after it closes):
    /// long enough to print or save it, short enough that a shared school computer does not keep it for the next class.
    /// </summary>
    public int SentCopyMinutes { get; set; } = 30;

    public int ResumeAttemptsPerWindow { get; set; } = 10;
    public int ResumeWindowMinutes { get; set; } = 5;

    /// <summary>Password, code and recovery-code attempts from one address; Identity's lockout also limits each account.</summary>
    public int SignInAttemptsPerWindow { get; set; } = 20;
    public int SignInWindowMinutes { get; set; } = 5;

    /// <summary>
    /// Password and code attempts for one account, from any address, so that spreading a guessing
    /// attack over many addresses does not help. Unknown email addresses are counted in the same way.
    /// </summary>
    public int SignInAttemptsPerAccount { get; set; } = 10;
    public int SignInAccountWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Respondent form posts from one address. A class of 30 at one school shares an address, each
    /// sending about 15 posts in 20 minutes, so this is generous: it stops floods, not classes.
    /// </summary>
    public int FormPostsPerMinute { get; set; } = 600;

    /// <summary>
    /// Whether a respondent page with nothing of the person's on it but their answer is drawn once and then written
    /// out again with its holes filled (<see cref="Features.Shared.DrawnPages"/>). Off, every page is drawn afresh:
    /// the same page, more slowly (docs/adr/0031-pages-drawn-once-with-holes.md).
    /// </summary>
    public bool DrawPagesOnce { get; set; } = true;
}
