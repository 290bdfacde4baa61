using ContactPointConsultation.Core.Retention;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// Two web nodes on one database, as behind a load balancer: here two portals on one SQLite file, each with
/// its own memory and its own clock, which is what differs between nodes.
/// </summary>
public sealed class TwoNodeTests
{
    internal static readonly Dictionary<string, string?> ClosesEndOfMarch = new() { ["Consultation:ClosesAt"] = "2027-03-31T23:59:59+01:00" };
    internal static readonly DateTimeOffset MidMarch = new(2027, 3, 15, 12, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset AfterTheOldClose = new(2027, 4, 10, 12, 0, 0, TimeSpan.Zero);

    internal static async Task ExtendToEndOfAprilAsync(PortalFactory node)
    {
        using var admin = await node.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("details", new Dictionary<string, string> { ["Day[ClosesAt]"] = "30", ["Month[ClosesAt]"] = "4", ["Year[ClosesAt]"] = "2027" });
        await admin.PublishWordingAsync();
    }

    internal static RetentionService Retention(PortalFactory node) => node.Services.GetServices<IHostedService>().OfType<RetentionService>().Single();

    [Fact]
    public async Task RetentionSweep_RunsOnOneNodeAtATime_AndAnotherTakesItOnWhenThatNodeStops()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            var nodes = new[] { new PortalFactory(ClosesEndOfMarch, path, MidMarch), new PortalFactory(ClosesEndOfMarch, path, MidMarch) };
            try
            {
                // Both start, and each tries its start-up sweep; whichever took the lease holds it.
                var swept = new List<bool>();
                foreach (var node in nodes)
                {
                    swept.Add(await Retention(node).RunOnceAsync(TestContext.Current.CancellationToken) is not null);
                }

                Assert.Equal(1, swept.Count(s => s));
                var (holder, other) = swept[0] ? (nodes[0], nodes[1]) : (nodes[1], nodes[0]);
                Assert.Null(await Retention(other).RunOnceAsync(TestContext.Current.CancellationToken));
                Assert.NotNull(await Retention(holder).RunOnceAsync(TestContext.Current.CancellationToken));

                // The holder stops (it has gone): once the lease has run out, the other sweeps, and then holds it.
                await holder.DisposeAsync();
                other.Clock!.Advance(RetentionService.Hold + TimeSpan.FromMinutes(1));
                Assert.NotNull(await Retention(other).RunOnceAsync(TestContext.Current.CancellationToken));
                var lease = await other.QueryAsync(db => db.JobLeases.SingleAsync(l => l.Name == RetentionService.LeaseName));
                Assert.Equal(other.Clock.GetUtcNow().UtcDateTime + RetentionService.Hold, lease.HeldUntil);
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task RetentionLease_OnNodesWhoseClocksAreHoursApart_IsStillHeldByOne()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            // Node B's clock has drifted two hours ahead of node A's, further than the lease is held; the
            // database keeps real time.
            await using var nodeA = new PortalFactory(databasePath: path, now: DateTimeOffset.UtcNow) { JobsOnRealDatabaseTime = true };
            await using var nodeB = new PortalFactory(databasePath: path, now: DateTimeOffset.UtcNow.AddHours(2)) { JobsOnRealDatabaseTime = true };

            var swept = new[]
            {
                await Retention(nodeA).RunOnceAsync(TestContext.Current.CancellationToken) is not null,
                await Retention(nodeB).RunOnceAsync(TestContext.Current.CancellationToken) is not null,
                await Retention(nodeA).RunOnceAsync(TestContext.Current.CancellationToken) is not null,
                await Retention(nodeB).RunOnceAsync(TestContext.Current.CancellationToken) is not null,
            };

            // Whichever took the lease at start-up keeps it; the other sweeps in none of the four rounds.
            Assert.True(swept[0] != swept[1], "one node sweeps and the other does not");
            Assert.Equal(swept[0], swept[2]);
            Assert.Equal(swept[1], swept[3]);
            var lease = await nodeA.QueryAsync(db => db.JobLeases.SingleAsync(l => l.Name == RetentionService.LeaseName));
            Assert.InRange(lease.HeldUntil, DateTime.UtcNow + RetentionService.Hold - TimeSpan.FromMinutes(1), DateTime.UtcNow + RetentionService.Hold);
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task ClosingDateMovedOnOneNode_TheOtherNodeSeesItWithinSeconds_AndWritesItIntoDrafts()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            await using var nodeA = new PortalFactory(ClosesEndOfMarch, path, MidMarch);
            await using var nodeB = new PortalFactory(ClosesEndOfMarch, path, MidMarch);
            using var respondent = nodeB.CreateRespondent();
            await respondent.GetAsync("/questions/2");
            await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Before" });

            await ExtendToEndOfAprilAsync(nodeA);

            // Node B's memory of the live wording lasts a few seconds; then its saves carry the new date.
            var seen = System.Diagnostics.Stopwatch.StartNew();
            DateTime expiresAt;
            do
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
                await respondent.GetAsync("/questions/3");
                await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "After" });
                expiresAt = await nodeB.QueryAsync(db => db.Drafts.Select(d => d.ExpiresAt).SingleAsync());
            }
            while (expiresAt.Month != 4 && seen.Elapsed < TimeSpan.FromSeconds(30));

            // Well within half a minute (the memory lasts ContentCatalogue.LiveVersionKeptFor); it was a minute.
            Assert.Equal(new DateTime(2027, 4, 30, 22, 59, 59, DateTimeKind.Utc), expiresAt);
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task ClosingDateMovedOnOneNode_TheOtherNodesSweep_KeepsTheDraftsTheExtensionKeepsUsable()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            await using var nodeA = new PortalFactory(ClosesEndOfMarch, path, MidMarch);
            await using var nodeB = new PortalFactory(ClosesEndOfMarch, path, MidMarch);

            // A young person saves on node B, which now holds the live wording, and its closing date, in memory.
            using var respondent = nodeB.CreateRespondent();
            await respondent.GetAsync("/questions/2");
            await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Kept by the extension" });

            // An admin on node A moves the closing date on a month.
            await ExtendToEndOfAprilAsync(nodeA);

            // Past the old closing date, before the new one, node B sweeps.
            nodeA.Clock!.SetUtcNow(AfterTheOldClose);
            nodeB.Clock!.SetUtcNow(AfterTheOldClose);
            using (var scope = nodeB.Services.CreateScope())
            {
                var swept = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(TestContext.Current.CancellationToken);
                Assert.Equal(0, swept.DraftsDeleted);
            }

            Assert.Equal(1, await nodeB.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Kept by the extension")));
            using var onNodeA = nodeA.CreateRespondent(respondent.Cookies);
            await onNodeA.GetAsync("/questions/2");
            Assert.Equal("Kept by the extension", onNodeA.Page.QuerySelector("textarea#comments")!.TextContent);
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }
}
