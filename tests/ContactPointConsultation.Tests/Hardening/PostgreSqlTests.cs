using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// What is PostgreSQL's own: its migrations, the append-only triggers in plpgsql, case in search, and a NUL, which
/// its text refuses. The behaviour every provider shares runs here too, in the "…OnPostgreSql" classes.
/// </summary>
public sealed class PostgreSqlTests
{
    [Fact]
    public async Task EmptyDatabase_IsMigratedAndSeeded_AndAJourneyIsSentAndCounted()
    {
        await using var portal = new PortalFactory(provider: DatabaseSetup.PostgreSqlProvider);
        using var respondent = portal.CreateRespondent();

        var reference = await respondent.SendAsync(Journey.AllAnswered());

        Assert.Empty(await portal.QueryAsync(db => db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.State == ContentVersionState.Live, TestContext.Current.CancellationToken)));
        Assert.Equal(11, await portal.QueryAsync(db => db.ResponseAnswers.CountAsync(a => db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == reference), TestContext.Current.CancellationToken)));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Contains("1 response", analyst.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'")]
    [InlineData("DELETE FROM \"AuditEvents\"")]
    [InlineData("TRUNCATE \"AuditEvents\"")]
    [InlineData("TRUNCATE \"SafeguardingDecisions\" CASCADE")]
    public async Task AppendOnlyTables_RefuseChange(string sql)
    {
        await using var portal = new PortalFactory(provider: DatabaseSetup.PostgreSqlProvider);
        var target = $"audit-{Guid.NewGuid():N}";
        await portal.QueryAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent { OccurredAt = DateTime.UtcNow, Actor = "test", Action = "Test", Target = target });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var refused = await Assert.ThrowsAsync<PostgresException>(() => portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken)));

        Assert.Contains("is append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal("test", await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Target == target).Select(e => e.Actor).SingleAsync(TestContext.Current.CancellationToken)));
    }
}
