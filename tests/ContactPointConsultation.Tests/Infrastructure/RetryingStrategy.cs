using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// Like SQL Server's EnableRetryOnFailure, which production uses: it refuses a transaction begun outside the
/// strategy. SQL Server cannot run here; this runs the same rule over the test's own database.
/// </summary>
public sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
{
    /// <summary>A context on the portal's database whose strategy is this one.</summary>
    public static ConsultationDbContext Context(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return new ConsultationDbContext(portal.Database.Options(d => new RetryingStrategy(d)).Options);
    }

    protected override bool ShouldRetryOn(Exception exception) => false;
}
