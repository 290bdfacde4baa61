namespace ContactPointConsultation.Web.Commands;

/// <summary>
/// The app doubles as its own command-line tool:
/// <list type="bullet">
/// <item><c>migrate</c> applies migrations, seeds the wording and exits;</item>
/// <item><c>users create --email E --role Admin|Analyst</c> creates a staff account, reading the password from standard input.</item>
/// </list>
/// Anything else starts the web server, with the arguments (such as --urls) passed to the host. A
/// command runs on the fully built app, so it has every service the web server has.
/// <para>
/// To add a command: a class beside this one with a static <c>RunAsync</c> that returns the exit code,
/// a name here, a case in <see cref="Parse"/> and one in <see cref="RunAsync"/>.
/// </para>
/// </summary>
public sealed record PortalCommand(string? Name, string[] HostArgs, IReadOnlyDictionary<string, string> Options)
{
    public const string Migrate = "migrate";
    public const string CreateUser = "users create";

    /// <summary>No command: serve requests.</summary>
    public bool IsWebServer => Name is null;

    /// <summary>
    /// Whether start-up migrates the database first, when Database:MigrateOnStartup says so: for
    /// everything but <c>migrate</c>, which is itself the migration.
    /// </summary>
    public bool MigratesOnStartup => Name != Migrate;

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

    /// <summary>Runs the command on the console; returns its exit code.</summary>
    public Task<int> RunAsync(IServiceProvider services) => Name switch
    {
        Migrate => MigrateCommand.RunAsync(services, Console.Out),
        CreateUser => UserCommands.CreateAsync(services, Options, Console.In, Console.Out, Console.Error),
        _ => throw new InvalidOperationException("There is no command to run: the app serves requests."),
    };

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
