using System.Collections.Concurrent;
using System.Data.Common;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Where the plain reads (<see cref="PlainReads"/>) run. On SQLite, each read's statement is prepared once on a
/// connection kept open for these reads, and run again there with new values: Microsoft.Data.Sqlite finalises a
/// command's statements whenever its connection closes, back into its pool too, so a read on a pooled connection
/// parsed and planned its SQL every time. That was most of SQLite's share of the question page's CPU, about 15%
/// (docs/adr/0032-sqlite-statements-kept.md). Other providers read as before, on a connection from their own pool:
/// a server keeps its plans itself, and a connection kept out of its pool here would be one fewer for the rest.
/// </summary>
/// <param name="keep">Whether to keep connections and their statements: true on SQLite.</param>
public sealed class KeptStatements(bool keep) : IDisposable
{
    /// <summary>Connections kept idle at most: more than the threads that read at once on this node's cores.</summary>
    private static readonly int MostIdle = Environment.ProcessorCount * 4;

    private readonly ConcurrentQueue<Connection> _idle = new();
    private int _idleCount;
    private bool _disposed;

    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="parameters"/>. The SQL must be a constant: each text is prepared
    /// and kept on every connection that runs it, so SQL built from values would fill them with statements.
    /// </summary>
    public async Task<PlainRead> ReadAsync(ConsultationDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = Take() ?? new Connection(await db.OpenPlainConnectionAsync(cancellationToken), keep);
        try
        {
            var reader = await db.ExecuteReaderAsync(connection.Command(sql, parameters), cancellationToken);
            return new PlainRead(reader, this, connection);
        }
        catch
        {
            // Whatever state a failed read left it in, it is not kept.
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }

    private Connection? Take()
    {
        if (!keep || !_idle.TryDequeue(out var connection))
        {
            return null;
        }

        Interlocked.Decrement(ref _idleCount);
        return connection;
    }

    internal void GiveBack(Connection connection)
    {
        if (keep && !Volatile.Read(ref _disposed))
        {
            if (Interlocked.Increment(ref _idleCount) <= MostIdle)
            {
                _idle.Enqueue(connection);
                // Disposed meanwhile: empty the queue again, so nothing is left open.
                if (Volatile.Read(ref _disposed))
                {
                    Dispose();
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        connection.Dispose();
    }

    /// <summary>An open connection and, when kept, its commands by SQL, prepared on their first run.</summary>
    internal sealed class Connection(DbConnection connection, bool keep) : IDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public DbCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            if (_commands.TryGetValue(sql, out var command))
            {
                foreach (var (name, value) in parameters)
                {
                    command.Parameters[name].Value = value ?? DBNull.Value;
                }

                return command;
            }

            command = connection.Command(sql, parameters);
            _commands.Add(sql, command);
            if (keep)
            {
                command.Prepare();
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}

/// <summary>A plain read's rows. Disposing it gives its connection back, or closes it.</summary>
public sealed class PlainRead : IAsyncDisposable
{
    private readonly KeptStatements _owner;
    private readonly KeptStatements.Connection _connection;
    private int _disposed;

    internal PlainRead(DbDataReader reader, KeptStatements owner, KeptStatements.Connection connection)
    {
        Reader = reader;
        _owner = owner;
        _connection = connection;
    }

    public DbDataReader Reader { get; }

    public async ValueTask DisposeAsync()
    {
        // Once only: a connection given back twice would be shared by two reads.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            // A reader's end resets its statement, so a kept connection holds no read open between reads.
            await Reader.DisposeAsync();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _owner.GiveBack(_connection);
    }
}
