using System.Text.Json;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>The real background job on the app's clock: the tests only move the clock on.</summary>
public class RetentionTests
{
    /// <summary>The database each of the class's portals runs on; "…OnPostgreSql" runs every test again on PostgreSQL.</summary>
    protected virtual string Provider => DatabaseSetup.SqliteProvider;

    private const string NotRun = "The retention job did not run after the clock moved on";

    private static readonly DateTimeOffset WhileOpen = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterClosing = new(2027, 4, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterRetention = new(2028, 4, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnceTheConsultationCloses_UnsentDraftsGo_SentResponsesStay_AndTheCountsAreAudited()
    {
        await using var portal = ClosingPortal();
        await SendOneAndLeaveTwoDraftsAsync(portal);

        portal.Clock!.SetUtcNow(AfterClosing);
        var sweep = await SweepAsync(portal);

        Assert.Equal(2, sweep.GetProperty("DraftsDeleted").GetInt32());
        Assert.Equal(0, sweep.GetProperty("ResponsesDeleted").GetInt32());
        Assert.Equal(0, await portal.QueryAsync(db => db.Drafts.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task OnceTheRetentionPeriodHasPassed_ResponsesAndTheirAnswersGo_AndTheCountsAreAudited()
    {
        await using var portal = ClosingPortal();
        await SendOneAndLeaveTwoDraftsAsync(portal);

        portal.Clock!.SetUtcNow(AfterRetention);
        var sweep = await SweepAsync(portal);

        Assert.Equal(1, sweep.GetProperty("ResponsesDeleted").GetInt32());
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseAnswers.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResultTallies.SumAsync(t => t.Count)));
        Assert.Equal(0, await portal.QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task WhileTheConsultationIsOpen_NothingIsDeleted_AndNothingIsAudited()
    {
        await using var portal = ClosingPortal();
        await SendOneAndLeaveTwoDraftsAsync(portal);

        portal.Clock!.Advance(TimeSpan.FromHours(3));
        await BackgroundJobs.WaitForAsync(() => portal.Logs.Events.Count(e => e.Contains("Retention sweep deleted", StringComparison.Ordinal)) >= 2, NotRun);

        Assert.Equal(2, await portal.QueryAsync(db => db.Drafts.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.RetentionSweep)));
    }

    [Fact]
    public async Task AfterTheRetentionPeriod_AResponseTheScreenHasNotRead_IsKept()
    {
        // The portal's own screen stands still, so the response stays as the test leaves it.
        await using var portal = ClosingPortal(new Dictionary<string, string?>
        {
            ["Safeguarding:ScreenGatherMilliseconds"] = "600000",
            ["Safeguarding:ScreenPollSeconds"] = "86400",
        });
        await SendOneAndLeaveTwoDraftsAsync(portal);
        using var late = portal.CreateRespondent();
        var kept = await late.SendAsync(Journey.Empty().Answer(3, "no", "Sent as the screen stopped working"));
        // As if every round of the screen had failed since: what it has not read may be a disclosure.
        await portal.QueryAsync(db => db.Responses.Where(r => r.Reference == kept)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, (DateTime?)null)));

        portal.Clock!.SetUtcNow(AfterRetention);
        var sweep = await SweepAsync(portal);

        Assert.Equal(1, sweep.GetProperty("ResponsesDeleted").GetInt32());
        Assert.Equal([kept], await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).ToListAsync()));
    }

    [Fact]
    public async Task AfterTheRetentionPeriod_AResponseWhoseCommentAwaitsASafeguardingDecision_IsKept()
    {
        await using var portal = ClosingPortal();
        await SendOneAndLeaveTwoDraftsAsync(portal);
        using var worried = portal.CreateRespondent();
        var kept = await worried.SendAsync(Journey.Empty().Answer(3, "no", "my step dad hits me when mum is out"));

        portal.Clock!.SetUtcNow(AfterRetention);
        var sweep = await SweepAsync(portal);

        Assert.Equal(1, sweep.GetProperty("ResponsesDeleted").GetInt32());
        Assert.Equal([kept], await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).ToListAsync()));

        // The sweep counts the results again from what it left: the kept response, and its one answer.
        Assert.Equal([(0, 1), (3, 1)], await portal.QueryAsync(db => db.ResultTallies.OrderBy(t => t.QuestionNumber).Select(t => new ValueTuple<int, int>(t.QuestionNumber, t.Count)).ToListAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync(i => i.ResponseId != null)));
    }

    [Fact]
    public async Task DecidedSafeguardingRecords_GoAfterTheirOwnPeriod_WithAnAuditRow_AndAWaitingOneStays()
    {
        await using var portal = ClosingPortal();
        using var first = portal.CreateRespondent();
        await first.SendAsync(Journey.Empty().Answer(3, "no", "my step dad hits me when mum is out"));
        using var second = portal.CreateRespondent();
        await second.SendAsync(Journey.Empty().Answer(3, "no", "my uncle hits me"));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var review = scope.ServiceProvider.GetRequiredService<SafeguardingReview>();
            var item = await portal.QueryAsync(db => db.SafeguardingItems.OrderBy(i => i.Id).FirstAsync());
            var decided = await review.DecideAsync(item.Id, item.ConcurrencyStamp,
                new DecisionRecord(SafeguardingOutcome.NoConcern, null, null, null, null, null, null, SafeguardingRelease.AsWritten, null), "lead@example.gov.uk", null, TestContext.Current.CancellationToken);
            Assert.Equal(DecisionOutcome.Recorded, decided);
        }

        portal.Clock!.SetUtcNow(WhileOpen.AddMonths(72).AddDays(1));
        string? details = null;
        await BackgroundJobs.WaitForAsync(async () => (details = await portal.QueryAsync(db => db.AuditEvents
            .Where(e => e.Action == AuditActions.SafeguardingRetentionSweep).Select(e => e.Details).FirstOrDefaultAsync())) is not null, NotRun);

        Assert.Equal(1, JsonDocument.Parse(details!).RootElement.GetProperty("RecordsDeleted").GetInt32());
        Assert.Equal(SafeguardingStatus.Waiting, await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Status).SingleAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.SafeguardingDecisions.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.SafeguardingFlags.CountAsync()));
    }

    [Fact]
    public async Task TheDatabaseClock_TellsTheServersTime_InUtc()
    {
        await using var portal = new PortalFactory(provider: Provider);
        var before = DateTime.UtcNow;
        var now = await portal.QueryAsync(db => new DatabaseClock().UtcNowAsync(db, TestContext.Current.CancellationToken));
        var after = DateTime.UtcNow;

        Assert.Equal(DateTimeKind.Utc, now.Kind);
        Assert.InRange(now, before.AddSeconds(-2), after.AddSeconds(2));
    }

    [Fact]
    public async Task ANodeWhoseClockHasRunPastTheClosingDate_DeletesNoDrafts_WhileTheDatabaseSaysItIsOpen()
    {
        await using var portal = DriftingPortal(TimeSpan.Zero);
        await SendOneAndLeaveTwoDraftsAsync(portal);
        await SetClosingDateAsync(portal, DateTime.UtcNow.AddDays(1));

        portal.Clock!.Advance(TimeSpan.FromDays(2));
        var sweep = await TwoNodeTests.Retention(portal).RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, sweep!.DraftsDeleted);
        Assert.Equal(2, await portal.QueryAsync(db => db.Drafts.CountAsync()));
    }

    [Fact]
    public async Task ANodeWhoseClockIsBehind_StillDeletesUnsentDrafts_OnceTheDatabaseSaysTheConsultationHasClosed()
    {
        await using var portal = DriftingPortal(TimeSpan.FromDays(-2));
        await SendOneAndLeaveTwoDraftsAsync(portal);
        await SetClosingDateAsync(portal, DateTime.UtcNow.AddMinutes(-1));

        var sweep = await TwoNodeTests.Retention(portal).RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, sweep!.DraftsDeleted);
        Assert.Equal(0, await portal.QueryAsync(db => db.Drafts.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    /// <summary>A node whose clock is <paramref name="drift"/> off the database's (and can be moved on); the database keeps real time.</summary>
    private PortalFactory DriftingPortal(TimeSpan drift) => new(now: DateTimeOffset.UtcNow + drift, provider: Provider) { JobsOnRealDatabaseTime = true };

    /// <summary>Moves the live version's closing date in the database, as an admin on another node would publish it.</summary>
    private static Task<int> SetClosingDateAsync(PortalFactory portal, DateTime closesAt) => portal.QueryAsync(db => db.ContentVersions
        .Where(v => v.State == ContentVersionState.Live)
        .ExecuteUpdateAsync(set => set.SetProperty(v => v.ClosesAt, closesAt), TestContext.Current.CancellationToken));

    private PortalFactory ClosingPortal(IReadOnlyDictionary<string, string?>? more = null) => new(
        new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Consultation:ClosesAt"] = "2027-03-31T23:59:59+01:00",
            ["Consultation:RetentionMonths"] = "12",
        },
        now: WhileOpen,
        provider: Provider);

    private static async Task SendOneAndLeaveTwoDraftsAsync(PortalFactory portal)
    {
        using var sender = portal.CreateRespondent();
        await sender.SendAsync(Journey.Empty().Answer(2, "yes", "Sent in time").Answer(3, "no"));
        foreach (var comment in new[] { "Never sent", "Also never sent" })
        {
            using var unsent = portal.CreateRespondent();
            await unsent.GetAsync("/questions/4");
            await unsent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = comment });
        }
    }

    /// <summary>Waits for the job's audit row: the clock moving on wakes it, and it runs on its own thread.</summary>
    private static async Task<JsonElement> SweepAsync(PortalFactory portal)
    {
        string? details = null;
        await BackgroundJobs.WaitForAsync(async () => (details = await portal.QueryAsync(db => db.AuditEvents
            .Where(e => e.Action == AuditActions.RetentionSweep).Select(e => e.Details).FirstOrDefaultAsync())) is not null, NotRun);
        return JsonDocument.Parse(details!).RootElement;
    }
}

public sealed class RetentionTestsOnPostgreSql : RetentionTests
{
    protected override string Provider => DatabaseSetup.PostgreSqlProvider;
}
