namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// The app doubles as its own command-line tool:
/// <list type="bullet">
/// <item><c>migrate</c> applies migrations, seeds the wording and exits;</item>
/// <item><c>users create --email E --role Admin|Analyst</c> creates a staff account, reading the password from standard input.</item>
/// </list>
/// Anything else starts the web server, with the arguments (such as --urls) passed to the host.
/// </summary>
public sealed record PortalCommand(string? Name, string[] HostArgs, IReadOnlyDictionary<string, string> Options)
{
    public const string Migrate = "migrate";
    public const string CreateUser = "users create";

    public static PortalCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            [Migrate, .. var rest] => new PortalCommand(Migrate, rest, Empty),
            ["users", "create", .. var rest] => new PortalCommand(CreateUser, [], ParseOptions(rest)),
            _ => new PortalCommand(null, args, Empty),
        };
    }

    private static readonly Dictionary<string, string> Empty = [];

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
            }
        }

        return options;
    }
}
