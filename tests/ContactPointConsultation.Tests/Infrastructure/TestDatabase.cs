using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// The database a test's portals run on: a SQLite file, or a database of its own in the throwaway PostgreSQL
/// cluster. Either way it starts empty and the portal's own start-up migrates it with the real migrations.
/// </summary>
public sealed class TestDatabase
{
    private readonly string? _postgreSqlName;

    private TestDatabase(string provider, string connectionString, string? sqlitePath, string? postgreSqlName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
        _postgreSqlName = postgreSqlName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file, on SQLite; null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    public bool IsPostgreSql => Provider == DatabaseSetup.PostgreSqlProvider;

    public static TestDatabase Sqlite(string? path = null)
    {
        path ??= PortalFactory.NewDatabasePath();
        return new(DatabaseSetup.SqliteProvider, $"Data Source={path}", path, null);
    }

    public static TestDatabase PostgreSql()
    {
        var cluster = PostgreSqlCluster.Shared;
        var name = cluster.CreateDatabase();
        return new(DatabaseSetup.PostgreSqlProvider, cluster.ConnectionString(name), null, name);
    }

    /// <summary>A new database on the provider named as the portal's Database:Provider names it.</summary>
    public static TestDatabase New(string provider) => provider switch
    {
        DatabaseSetup.SqliteProvider => Sqlite(),
        DatabaseSetup.PostgreSqlProvider => PostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "The tests run on SQLite and PostgreSQL."),
    };

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Consultation"] = ConnectionString,
    };

    /// <summary>Options for a context of the test's own on this database, on its provider.</summary>
    /// <param name="executionStrategy">A strategy in place of the provider's default, if given.</param>
    public DbContextOptionsBuilder<ConsultationDbContext> Options(Func<ExecutionStrategyDependencies, IExecutionStrategy>? executionStrategy = null)
    {
        var builder = new DbContextOptionsBuilder<ConsultationDbContext>();
        return IsPostgreSql
            ? builder.UseNpgsql(ConnectionString, npgsql =>
            {
                if (executionStrategy is not null)
                {
                    npgsql.ExecutionStrategy(executionStrategy);
                }
            })
            : builder.UseSqlite(ConnectionString, sqlite =>
            {
                if (executionStrategy is not null)
                {
                    sqlite.ExecutionStrategy(executionStrategy);
                }
            });
    }

    public void Delete()
    {
        if (SqlitePath is not null)
        {
            PortalFactory.DeleteDatabase(SqlitePath);
        }
        else
        {
            PostgreSqlCluster.Shared.DropDatabase(_postgreSqlName!);
        }
    }
}
