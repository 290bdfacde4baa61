using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactPointConsultation.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the model for PostgreSQL without a server: adding, scripting and checking
/// migrations never opens the connection.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConsultationDbContext>
{
    public ConsultationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsultationDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=consultation;Username=portal",
                b => b.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
