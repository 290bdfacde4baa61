namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Which database a context talks to, for the few statements written differently on each. Core names the
/// providers rather than referencing their packages, which only the web app and the migrations projects need.
/// </summary>
public static class DatabaseProvider
{
    private const string SqliteName = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string SqlServerName = "Microsoft.EntityFrameworkCore.SqlServer";
    private const string PostgreSqlName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsSqlite(ConsultationDbContext db) => Name(db) == SqliteName;

    public static bool IsSqlServer(ConsultationDbContext db) => Name(db) == SqlServerName;

    public static bool IsPostgreSql(ConsultationDbContext db) => Name(db) == PostgreSqlName;

    private static string? Name(ConsultationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName;
    }
}
