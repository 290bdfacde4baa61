using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// The few reads on every respondent page, as plain ADO.NET on a connection of the context's own kind, from the
/// provider's pool. EF opens its connection for each query and, on SQLite, registers about a dozen SQL functions
/// on every open, each leaving an object for the finalizer: on the question page, with two queries, that and EF's
/// query pipeline were 18% of its CPU and 21 finalised objects a request (docs/adr/0028-respondent-pages-at-the-limit.md).
/// SQL here is the same on every provider: quoted names, named parameters, no functions. The reads run through
/// <see cref="KeptStatements"/>, which on SQLite keeps their statements prepared.
/// </summary>
public static class PlainReads
{
    public static async Task<DbConnection> OpenPlainConnectionAsync(this ConsultationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = DbProviderFactories.GetFactory(db.Database.GetDbConnection())?.CreateConnection()
            ?? throw new InvalidOperationException("The database provider cannot make connections.");
        try
        {
            connection.ConnectionString = db.Database.GetConnectionString();
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// Runs the read as EF runs its own commands as far as EF's command interceptors and logging go: they see it
    /// before it runs, and can stop it or answer it. So a fault injected there, or a command logged there, reaches
    /// these reads too.
    /// </summary>
    public static async Task<DbDataReader> ExecuteReaderAsync(this ConsultationDbContext db, DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var efConnection = db.GetService<IRelationalConnection>();
        var seen = await db.GetService<IRelationalCommandDiagnosticsLogger>().CommandReaderExecutingAsync(
            efConnection, command, command.CommandText, db, Guid.NewGuid(), efConnection.ConnectionId, DateTimeOffset.UtcNow,
            CommandSource.FromSqlQuery, cancellationToken);
        return seen.HasResult ? seen.Result : await command.ExecuteReaderAsync(cancellationToken);
    }

    /// <summary>Times are stored in UTC and read back as UTC, as the context's own converter does.</summary>
    public static DateTime GetUtcDateTime(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    /// <summary>Enums are stored by name.</summary>
    public static TEnum? GetEnumOrNull<TEnum>(this DbDataReader reader, int ordinal)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : Enum.Parse<TEnum>(reader.GetString(ordinal));
    }

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
