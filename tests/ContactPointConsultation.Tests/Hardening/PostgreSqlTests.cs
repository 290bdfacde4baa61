using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>
    /// A real deadlock: another node's transaction holds row b and then wants row a, while a write in this node's
    /// batch holds a and then wants b. The write waits last, but PostgreSQL looks for deadlocks sooner in its session
    /// than in the other's, so it ends the write; the writer runs the batch again, and the write is saved.
    /// <para>
    /// The test orders each step on a lock that is seen to be waited for, so the circle is closed the moment the
    /// write waits. Each session looks for a deadlock once, its timeout after it begins to wait, so the write is the
    /// one ended unless it begins to wait 9 seconds or more after the other session. The second run waits until the
    /// other transaction has committed.
    /// Run at once, it could take row a back before the other session, woken by the rollback, had taken it, and meet
    /// the same deadlock again: a third run that would depend on how the two processes are scheduled.
    /// </para>
    /// </summary>
    [Fact]
    public async Task GroupCommit_WriteEndedByADeadlock_IsRunAgainAndSaved()
    {
        await using var portal = new PortalFactory(provider: DatabaseSetup.PostgreSqlProvider);
        var ct = TestContext.Current.CancellationToken;
        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"JobLeases\" (\"Name\", \"Holder\", \"HeldUntil\") VALUES ('a', '', now()), ('b', '', now())", ct));
        await using var writes = new GroupCommit(new PooledDbContextFactory<ConsultationDbContext>(portal.Database.Options().Options));
        await using var otherNode = new NpgsqlConnection(portal.Database.ConnectionString);
        await otherNode.OpenAsync(ct);
        await Execute(otherNode, "SET deadlock_timeout = '10s'; BEGIN; UPDATE \"JobLeases\" SET \"Holder\" = 'other' WHERE \"Name\" = 'b'");

        var holdsA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherWaitsForA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var write = writes.RunAsync(async db =>
        {
            if (++runs > 1)
            {
                await otherCommitted.Task;
            }

            await db.Database.ExecuteSqlRawAsync("UPDATE \"JobLeases\" SET \"Holder\" = 'writer' WHERE \"Name\" = 'a'");
            holdsA.TrySetResult();
            await otherWaitsForA.Task;
            await db.Database.ExecuteSqlRawAsync("UPDATE \"JobLeases\" SET \"Holder\" = 'writer' WHERE \"Name\" = 'b'");
            return runs;
        });
        try
        {
            await Task.WhenAny(holdsA.Task, write).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.True(holdsA.Task.IsCompleted, "The write ended before it held row a");

            // The crossing update waits for the write's row a; the write, wanting row b, then closes the circle.
            // PostgreSQL ends the write's transaction, which lets the crossing update take row a.
            var crossing = Execute(otherNode, "UPDATE \"JobLeases\" SET \"Holder\" = 'other' WHERE \"Name\" = 'a'");
            await WaitUntilWaitingForALockAsync(portal, otherNode.ProcessID, ct);
            otherWaitsForA.SetResult();
            await crossing;
            await Execute(otherNode, "COMMIT");
            otherCommitted.SetResult();
        }
        finally
        {
            // If a step failed, the write must not wait for it for ever: disposing the writer waits for the write.
            otherWaitsForA.TrySetCanceled(ct);
            otherCommitted.TrySetCanceled(ct);
        }

        Assert.Equal(2, await write);
        Assert.Equal(["writer", "writer"], await portal.QueryAsync(db => db.JobLeases.Where(l => l.Name == "a" || l.Name == "b").OrderBy(l => l.Name).Select(l => l.Holder).ToListAsync(ct)));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the session with this process id waits for a lock; other tests' sessions are not counted.</summary>
    private static Task WaitUntilWaitingForALockAsync(PortalFactory portal, int processId, CancellationToken cancellationToken) =>
        BackgroundJobs.WaitForAsync(
            async () => await portal.QueryAsync(db => db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted AND pid = {processId}").SingleAsync(cancellationToken)) > 0,
            "The other node's session never waited for row a");
}
