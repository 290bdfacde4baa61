using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";
    public const string PostgreSqlProvider = "PostgreSql";

    /// <summary>
    /// One DbContext; the provider is chosen at run time by Database:Provider, and each provider keeps its
    /// migrations in its own assembly (see docs/adr/0002-database-providers.md).
    /// </summary>
    public static IServiceCollection AddConsultationDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? SqliteProvider;
        var connectionString = configuration.GetConnectionString("Consultation")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Consultation.");

        services.AddPooledDbContextFactory<ConsultationDbContext>(options => _ = provider switch
        {
            SqliteProvider => options.UseSqlite(
                SqliteConnectionString(connectionString, environment.ContentRootPath),
                sqlite => sqlite.MigrationsAssembly("ContactPointConsultation.Migrations.Sqlite"))
                .AddInterceptors(SqliteCaseFolding.Instance),
            SqlServerProvider => options.UseSqlServer(
                connectionString,
                sqlServer => sqlServer.MigrationsAssembly("ContactPointConsultation.Migrations.SqlServer").EnableRetryOnFailure()),
            PostgreSqlProvider => options.UseNpgsql(
                connectionString,
                npgsql => npgsql.MigrationsAssembly("ContactPointConsultation.Migrations.PostgreSql").EnableRetryOnFailure()),
            _ => throw new InvalidOperationException(
                $"Database:Provider must be {SqliteProvider}, {SqlServerProvider} or {PostgreSqlProvider}, not '{provider}'."),
        });
        // The respondent pages' plain reads: on SQLite their statements are kept prepared (ADR 0032). The container
        // disposes it when the portal stops, and it closes the connections it kept.
        services.AddSingleton(_ => new KeptStatements(keep: provider == SqliteProvider));
        // Background jobs' time: one clock for every node.
        services.AddSingleton<DatabaseClock>();
        // Contexts come from a pool: a request no longer builds one, and its services, from scratch.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ConsultationDbContext>>().CreateDbContext());
        services.AddScoped<ContentSeeder>();
        return services;
    }

    /// <summary>
    /// Applies migrations, makes the first Data Protection key, seeds the wording on first run and each question's
    /// fixed themes, counts the results' tallies if they do not match the responses, and puts SQLite in WAL mode.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsultationDbContext>();

        // Nodes starting together take turns: the first migrates and seeds, the others then find it done.
        await using var startUp = await StartUpLock.AcquireAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a response is written. Synchronous stays at its durable default.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        KeyProtection.EnsureKey(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedIfEmptyAsync(cancellationToken);
        await Codebook.EnsureFixedThemesAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        var recounted = await ResultTallies.EnsureAsync(db, cancellationToken);
        await AnalysisTallies.EnsureAsync(db, always: recounted, cancellationToken);
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder created on first run.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
