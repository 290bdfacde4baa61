using System.Net;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Features.Safeguarding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// The real app over a real database (a SQLite file unless told otherwise), created and migrated by the app's own
/// start-up. Every setting can be overridden, and every log event the app writes is captured.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    /// <param name="databasePath">A SQLite file another portal uses too, which the caller deletes.</param>
    /// <param name="now">When set, the portal runs on a clock the test can move.</param>
    /// <param name="database">A database another portal uses too, which the caller deletes.</param>
    /// <param name="provider">The provider of a database of the portal's own, made for it and deleted with it.</param>
    public PortalFactory(
        IReadOnlyDictionary<string, string?>? settings = null, string? databasePath = null, DateTimeOffset? now = null, TestDatabase? database = null, string? provider = null)
    {
        Clock = now is null ? null : new FakeTimeProvider(now.Value);
        _ownsDatabase = databasePath is null && database is null;
        Database = database ?? (databasePath is null && provider is not null ? TestDatabase.New(provider) : TestDatabase.Sqlite(databasePath));
        _settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning",
            ["Consultation:OpensAt"] = "2020-01-01T00:00:00Z",
            ["Consultation:ClosesAt"] = "2099-12-31T23:59:59Z",
            // Every test client shares one address, so the per-address limits are lifted; the rate
            // limit tests set their own.
            ["Portal:SignInAttemptsPerWindow"] = "100000",
            ["Portal:SignInAttemptsPerAccount"] = "100000",
            ["Portal:FormPostsPerMinute"] = "100000",
            // The suggestions job loads a 300 MB model: the tests that need it run it (RunSuggestionsAsync).
            ["Analysis:SuggestThemes"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Cookies are marked Secure over HTTPS, as in production.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the tests of SQLite's own behaviour.</summary>
    public string DatabasePath => Database.SqlitePath ?? throw new InvalidOperationException("This portal runs on PostgreSQL.");

    public FakeTimeProvider? Clock { get; }

    /// <summary>
    /// With a clock the test moves, background jobs take their time from it too, as though it were the database's;
    /// set this to keep the database's real time for them while the node's clock is moved (a node that has drifted).
    /// </summary>
    public bool JobsOnRealDatabaseTime { get; init; }

    public CapturedLogs Logs { get; } = new();

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "contactpoint-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <param name="cookies">A browser's cookie jar, to carry a respondent from one server to another.</param>
    public Respondent CreateRespondent(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var client = CreateDefaultClient(ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(cookies));
        return new Respondent(client, cookies, ScreenSentResponsesAsync);
    }

    /// <summary>
    /// Screens every response sent so far, now, rather than waiting for the portal's own round just after the
    /// send (<see cref="ResponseScreener"/>): the same work, at a moment the test chooses.
    /// </summary>
    public Task ScreenSentResponsesAsync() => Services.GetRequiredService<ResponseScreener>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>Suggests themes for every comment waiting, now: the suggestions job's own round, at a moment the test chooses.</summary>
    public Task<int> RunSuggestionsAsync() => Services.GetRequiredService<Web.Features.Analysis.SuggestionWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public async Task<T> QueryAsync<T>(Func<ConsultationDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
                if (!JobsOnRealDatabaseTime)
                {
                    services.AddSingleton<DatabaseClock>(new TestClockAsDatabaseTime(Clock));
                }
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            Database.Delete();
        }

        GC.SuppressFinalize(this);
    }

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>One portal for the whole assembly, for tests that need no special settings.</summary>
public class SharedPortal : PortalFactory, IAsyncLifetime
{
    public SharedPortal()
    {
    }

    protected SharedPortal(string provider)
        : base(provider: provider)
    {
    }

    /// <summary>Started once, before any test, so parallel tests never race to build the host.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }
}


/// <summary>
/// One portal on PostgreSQL for a test class's run on it: "…OnPostgreSql" runs every test of the class it derives
/// from, on this portal rather than the shared SQLite one.
/// </summary>
public sealed class SharedPostgreSqlPortal() : SharedPortal(Web.Infrastructure.DatabaseSetup.PostgreSqlProvider);

/// <summary>The test's movable clock standing in for the database server's, for the tests that move time past a date.</summary>
internal sealed class TestClockAsDatabaseTime(TimeProvider clock) : DatabaseClock
{
    public override Task<DateTime> UtcNowAsync(ConsultationDbContext db, CancellationToken cancellationToken = default) =>
        Task.FromResult(clock.GetUtcNow().UtcDateTime);
}
