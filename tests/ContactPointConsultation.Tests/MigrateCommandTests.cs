using System.Diagnostics;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContactPointConsultation.Tests;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task MigrateCommand_CreatesTheDatabaseSeedsTheWordingMakesTheFirstKeyAndExits()
    {
        var databasePath = PortalFactory.NewDatabasePath();
        try
        {
            var start = new ProcessStartInfo("dotnet", ["ContactPointConsultation.Web.dll", "migrate"])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ConnectionStrings__Consultation"] = $"Data Source={databasePath}";
            start.Environment["Database__MigrateOnStartup"] = "false";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, await output);
            await using var connection = new SqliteConnection($"Data Source={databasePath}");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM QuestionWordings; ";
            Assert.Equal(11L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

            // The first Data Protection key, made by this one step rather than by each web node as it starts.
            command.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys;";
            Assert.Equal(1L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            PortalFactory.DeleteDatabase(databasePath);
        }
    }
}
