using ContactPointConsultation.Web.Infrastructure;

namespace ContactPointConsultation.Web.Commands;

/// <summary>
/// `migrate`: applies migrations and seeds the wording if the database is empty, then exits. Production
/// runs it as a deployment step, with Database:MigrateOnStartup off.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await services.MigrateAndSeedAsync();
        await output.WriteLineAsync("Database migrated and content seeded.");
        return 0;
    }
}
