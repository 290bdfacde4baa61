namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// The app doubles as its own command-line tool: `migrate` applies migrations, seeds the wording and exits.
/// Anything else starts the web server, with the remaining arguments (such as --urls) passed to the host.
/// </summary>
public sealed record PortalCommand(string? Name, string[] HostArgs)
{
    public const string Migrate = "migrate";

    public static PortalCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is [Migrate, .. var rest] ? new PortalCommand(Migrate, rest) : new PortalCommand(null, args);
    }
}
