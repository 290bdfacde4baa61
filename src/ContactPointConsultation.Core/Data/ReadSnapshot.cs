using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// A read-only transaction in which several queries see the database as it was at one moment, without keeping
/// writers out: a deferred transaction on SQLite (Microsoft.Data.Sqlite begins one for ReadUncommitted, which
/// without a shared cache reads only what is committed, from one WAL snapshot; any other level would begin
/// IMMEDIATE and hold the single write lock), and repeatable read elsewhere (a snapshot on PostgreSQL; on SQL
/// Server it keeps the rows read from changing until the reads end).
/// </summary>
public static class ReadSnapshot
{
    public static Task<IDbContextTransaction> BeginAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.BeginTransactionAsync(
            DatabaseProvider.IsSqlite(db) ? IsolationLevel.ReadUncommitted : IsolationLevel.RepeatableRead,
            cancellationToken);
    }
}
