using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Held while a node migrates and seeds the database, so that nodes starting together do it one after another:
/// a session advisory lock on PostgreSQL, <c>sp_getapplock</c> on SQL Server, and nothing on SQLite, which one
/// machine alone uses. EF Core's own migration lock is not enough on PostgreSQL: it is held for one migration's
/// transaction, and two nodes starting together on an empty database both tried to create the second migration's
/// table. The lock is on the context's connection, which stays open until it is released.
/// </summary>
public sealed class StartUpLock : IAsyncDisposable
{
    /// <summary>Any fixed number; PostgreSQL's advisory locks are named by numbers.</summary>
    private const long PostgreSqlKey = 0x436F6E7461637450; // "ContactP"
    private const string SqlServerResource = "ContactPointConsultation.MigrateAndSeed";

    private readonly ConsultationDbContext? _db;

    private StartUpLock(ConsultationDbContext? db) => _db = db;

    public static async Task<StartUpLock> AcquireAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (DatabaseProvider.IsSqlite(db))
        {
            return new StartUpLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        if (DatabaseProvider.IsPostgreSql(db))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgreSqlKey})", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {SqlServerResource}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
                cancellationToken);
        }

        return new StartUpLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            if (DatabaseProvider.IsPostgreSql(_db))
            {
                await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgreSqlKey})");
            }
            else
            {
                await _db.Database.ExecuteSqlAsync($"EXEC sp_releaseapplock @Resource = {SqlServerResource}, @LockOwner = 'Session'");
            }
        }
        finally
        {
            // Closing the session releases a session lock in any case.
            await _db.Database.CloseConnectionAsync();
        }
    }
}
