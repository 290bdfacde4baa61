using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package, made in a temporary folder, listening on
/// loopback only, and deleted when the tests end (<see cref="PostgreSqlClusterFixture"/>). It is started the first
/// time a test asks for a PostgreSQL database, so a run without one costs nothing. Each test gets a database of its
/// own (<see cref="CreateDatabase"/>). <c>initdb</c> refuses to run as root, so as root it runs as the package's
/// <c>postgres</c> user.
/// </summary>
public sealed class PostgreSqlCluster
{
    private const string User = "portal";
    private static readonly Lazy<PostgreSqlCluster> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PostgreSqlCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public static PostgreSqlCluster Shared => Started.Value;

    internal static bool IsStarted => Started.IsValueCreated;

    /// <summary>A connection string for a database of this name (trust authentication on loopback: a test cluster).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = User, Database = database }.ConnectionString;

    /// <summary>A new, empty database; the portal's own start-up migrates it.</summary>
    public string CreateDatabase()
    {
        var name = $"t_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>Drops the database, closing any connection still open to it (a pool the test left behind).</summary>
    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgreSqlCluster Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: tests/run-all.sh installs Debian's postgresql package.");
        }

        var folder = Directory.CreateTempSubdirectory("contactpoint-pg.").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres:", folder);
        }

        var port = FreePort();
        var data = Path.Combine(folder, "data");
        RunPostgres(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        RunPostgres(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=300", "start");
        return new PostgreSqlCluster(bin, folder, port);
    }

    /// <summary>Stops the cluster at once and deletes its folder.</summary>
    internal void Delete()
    {
        NpgsqlConnection.ClearAllPools();
        RunPostgres(Environment.UserName == "root", Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunPostgres(bool asRoot, string program, params string[] arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}

/// <summary>Deletes the PostgreSQL cluster, if a test started one, when the assembly's tests end.</summary>
public sealed class PostgreSqlClusterFixture : IDisposable
{
    public void Dispose()
    {
        if (PostgreSqlCluster.IsStarted)
        {
            PostgreSqlCluster.Shared.Delete();
        }
    }
}
