using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactPointConsultation.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConsultationDbContext>
{
    public ConsultationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsultationDbContext>()
            .UseSqlite("Data Source=design-time.db", b => b.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
