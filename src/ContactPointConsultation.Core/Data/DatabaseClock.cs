using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// The database server's time, for background jobs and their leases and claims: one clock for every web node,
/// so that a node whose own clock runs ahead neither takes a lease another node still holds nor sweeps drafts
/// before the closing date has passed. Requests keep the node's clock (<see cref="TimeProvider"/>): they compare
/// nothing with another node's writes, and one more round trip each would cost more than it buys. The tests put
/// their movable clock in its place (a subclass), and test this one against SQLite and PostgreSQL.
/// </summary>
public class DatabaseClock
{
    /// <summary>Now, in UTC, as the database tells it.</summary>
    public virtual async Task<DateTime> UtcNowAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = DatabaseProvider.IsSqlite(db)
            ? "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS \"Value\""
            : DatabaseProvider.IsPostgreSql(db)
                ? "SELECT now() AS \"Value\""
                : "SELECT SYSUTCDATETIME() AS [Value]";
        var now = await db.Database.SqlQueryRaw<DateTime>(sql).SingleAsync(cancellationToken);

        // SQLite's text and SQL Server's datetime2 carry no zone; each is UTC by the function that made it.
        return DateTime.SpecifyKind(now, DateTimeKind.Utc);
    }
}
