using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactPointConsultation.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the model for SQL Server without a server: adding, scripting and checking
/// migrations never opens the connection.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConsultationDbContext>
{
    public ConsultationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsultationDbContext>()
            .UseSqlServer("Server=localhost;Database=ContactPointConsultation;Trusted_Connection=True;TrustServerCertificate=True",
                b => b.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
