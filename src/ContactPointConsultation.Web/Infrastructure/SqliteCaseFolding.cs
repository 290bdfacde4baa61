using System.Data.Common;
using ContactPointConsultation.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Gives each SQLite connection the search's case folding (<see cref="CaseFolding"/>) as it opens. A function
/// lives on its connection, and a connection from the pool may be new, so it is given on every open; SQLite then
/// calls back into .NET once a row, only in the queries that use it.
/// </summary>
public sealed class SqliteCaseFolding : DbConnectionInterceptor
{
    public static readonly SqliteCaseFolding Instance = new();

    private SqliteCaseFolding()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Give(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Give(connection);
        return Task.CompletedTask;
    }

    private static void Give(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            // Deterministic, so SQLite may use it in an index or a check; a NULL comment stays NULL.
            sqlite.CreateFunction<string?, string?>(CaseFolding.SqliteFunction, text => text is null ? null : CaseFolding.Fold(text), isDeterministic: true);
        }
    }
}
