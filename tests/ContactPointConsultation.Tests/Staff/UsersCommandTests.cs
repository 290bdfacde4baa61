using System.Diagnostics;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContactPointConsultation.Tests.Staff;

public sealed class UsersCommandTests
{
    [Theory]
    [InlineData("correct horse battery staple 42", 0, "Created Admin")]
    [InlineData("short", 1, "Passwords must be at least 12 characters")]
    [InlineData("password1234", 1, "on a list of common passwords")]
    [InlineData("qwertyuiopasdfgh", 1, "on a list of common passwords")]
    public async Task UsersCreate_ReadsThePasswordFromStandardInputAndChecksIt(string password, int exitCode, string message)
    {
        var databasePath = PortalFactory.NewDatabasePath();
        try
        {
            var (code, output) = await RunAsync(databasePath, password, "users", "create", "--email", "first.admin@example.gov.uk", "--role", "Admin");

            Assert.True(code == exitCode, output);
            Assert.Contains(message, output, StringComparison.Ordinal);
            Assert.Equal(exitCode == 0 ? 1L : 0L, await ScalarAsync(databasePath, "SELECT COUNT(*) FROM AspNetUsers"));
            Assert.Equal(exitCode == 0 ? 1L : 0L, await ScalarAsync(databasePath, "SELECT COUNT(*) FROM AuditEvents WHERE Action = 'UserCreated'"));
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        }
        finally
        {
            PortalFactory.DeleteDatabase(databasePath);
        }
    }

    [Fact]
    public async Task UsersCreate_WithAnUnknownRole_ExplainsAndCreatesNobody()
    {
        var databasePath = PortalFactory.NewDatabasePath();
        try
        {
            var (code, output) = await RunAsync(databasePath, "correct horse battery staple 42", "users", "create", "--email", "a@example.gov.uk", "--role", "Owner");

            Assert.Equal(2, code);
            Assert.Contains("--role must be Admin, Analyst or Safeguarding", output, StringComparison.Ordinal);
        }
        finally
        {
            PortalFactory.DeleteDatabase(databasePath);
        }
    }

    [Fact]
    public async Task UsersCreate_WithSafeguardingAndAnalyst_MakesOneAccountHoldingBothRoles()
    {
        var databasePath = PortalFactory.NewDatabasePath();
        try
        {
            var (code, output) = await RunAsync(databasePath, "correct horse battery staple 42", "users", "create", "--email", "lead@example.gov.uk", "--role", "safeguarding,Analyst");

            Assert.True(code == 0, output);
            Assert.Contains("Created Analyst and Safeguarding lead@example.gov.uk", output, StringComparison.Ordinal);
            Assert.Equal(2L, await ScalarAsync(databasePath,
                "SELECT COUNT(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name IN ('Analyst', 'Safeguarding')"));
        }
        finally
        {
            PortalFactory.DeleteDatabase(databasePath);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string databasePath, string standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["ContactPointConsultation.Web.dll", .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Consultation"] = $"Data Source={databasePath}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        // Only a guard against a hung process: on 2 busy cores, starting the app and migrating takes a while.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
