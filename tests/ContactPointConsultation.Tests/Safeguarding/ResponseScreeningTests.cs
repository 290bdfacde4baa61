using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactPointConsultation.Tests.Safeguarding.SafeguardingReviewTests;

namespace ContactPointConsultation.Tests.Safeguarding;

/// <summary>The screen reads each response just after it is sent; until then nobody reads its comments.</summary>
public sealed class ResponseScreeningTests
{
    // Woken by a send, the portal's own screen waits ten minutes: the test screens when it chooses.
    private static readonly Dictionary<string, string?> ScreenWaits = new() { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" };

    [Fact]
    public async Task Send_DoesNotWaitForTheScreen_AndUntilItHasRead_EveryCommentIsWithheldEverywhere()
    {
        await using var portal = new PortalFactory(ScreenWaits);
        var reference = await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).Answer(4, "yes", Ordinary));
        using var analyst = await portal.SignedInStaffAsync();

        Assert.Null(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync()));
        await analyst.GetAsync($"/staff/responses/{reference}");
        Assert.Equal([Withholding.WithheldText, Withholding.WithheldText], analyst.Page.QuerySelectorAll(".app-withheld").Select(p => p.TextContent.Trim()));
        Assert.DoesNotContain(Ordinary, analyst.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Disclosure, analyst.Html, StringComparison.Ordinal);
        Assert.Contains("has not read it yet", analyst.Text("main"), StringComparison.Ordinal);
        Assert.Empty(analyst.Page.QuerySelectorAll("a[href*='/flag']"));
        await analyst.GetAsync("/staff/responses?search=misuse");
        Assert.Empty(analyst.Page.QuerySelectorAll("tbody tr"));
        var row = await DownloadRowAsync(portal, reference);
        Assert.Equal(("No", Withholding.WithheldText, "Yes", Withholding.WithheldText), (row["Q3 answer"], row["Q3 comments"], row["Q4 answer"], row["Q4 comments"]));

        await portal.ScreenSentResponsesAsync();

        Assert.NotNull(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        Assert.Equal(3, await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.QuestionNumber).SingleAsync()));
        await analyst.GetAsync("/staff/responses?search=misuse");
        Assert.Equal([reference], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        row = await DownloadRowAsync(portal, reference);
        Assert.Equal((Withholding.WithheldText, Ordinary), (row["Q3 comments"], row["Q4 comments"]));
    }

    [Fact]
    public async Task Send_WakesThePortalsOwnScreen_WhichQueuesTheDisclosureMomentsLater()
    {
        await using var portal = new PortalFactory();

        var reference = await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));

        await BackgroundJobs.WaitForAsync(
            () => portal.QueryAsync(db => db.SafeguardingItems.AnyAsync(i => i.Reference == reference)),
            "The screen did not queue the disclosure after the send");
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task WhileSendsKeepArriving_TheScreenWaitsForALull_ThenQueuesTheDisclosure()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Safeguarding:ScreenGatherMilliseconds"] = "2000",
            ["Safeguarding:ScreenAtMostSeconds"] = "600",
            ["Safeguarding:ScreenPollSeconds"] = "86400",
        });
        var reference = await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));

        using (new OtherSendsArriving(portal))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            Assert.Null(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        }

        await BackgroundJobs.WaitForAsync(
            () => portal.QueryAsync(db => db.SafeguardingItems.AnyAsync(i => i.Reference == reference)),
            "The screen did not queue the disclosure once the sends stopped");
    }

    [Fact]
    public async Task WhileSendsNeverStop_TheScreenStillQueuesTheDisclosure_WithinItsLongestWait()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Safeguarding:ScreenGatherMilliseconds"] = "1000",
            ["Safeguarding:ScreenAtMostSeconds"] = "3",
            ["Safeguarding:ScreenPollSeconds"] = "86400",
        });
        var reference = await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));

        using (new OtherSendsArriving(portal))
        {
            await BackgroundJobs.WaitForAsync(
                () => portal.QueryAsync(db => db.SafeguardingItems.AnyAsync(i => i.Reference == reference)),
                "The screen waited for a lull that never came, past its longest wait");
        }
    }

    [Fact]
    public async Task Restart_ScreensWhatWasSentButNotYetScreened()
    {
        var database = PortalFactory.NewDatabasePath();
        try
        {
            string reference;
            await using (var before = new PortalFactory(ScreenWaits, database))
            {
                reference = await SendUnscreenedAsync(before, Journey.Empty().Answer(3, "no", Disclosure));
                Assert.Equal(0, await before.QueryAsync(db => db.SafeguardingItems.CountAsync()));
            }

            await using var after = new PortalFactory(ScreenWaits, database);
            _ = after.Server;

            await BackgroundJobs.WaitForAsync(
                () => after.QueryAsync(db => db.SafeguardingItems.AnyAsync(i => i.Reference == reference)),
                "The screen did not read, as the portal started, the response sent before the restart");
            Assert.NotNull(await after.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        }
        finally
        {
            PortalFactory.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task ScreenedAgain_AsAfterAnUpgrade_AFlaggedCommentIsQueuedAndAnnouncedOnce()
    {
        await using var portal = new PortalFactory(ScreenWaits);
        await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).Answer(7, "no", "and my uncle hits me too"));
        await portal.ScreenSentResponsesAsync();

        // The upgrade that brought screening after the send left every response already sent unscreened.
        await portal.QueryAsync(db => db.Responses.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScreenedAt, (DateTime?)null)));
        await portal.ScreenSentResponsesAsync();

        Assert.Equal([3, 7], await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.QuestionNumber).Order().ToListAsync()));
        Assert.Equal(2, await portal.QueryAsync(db => db.SafeguardingFlags.CountAsync()));
        Assert.Equal(2, await portal.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.NotNull(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
    }

    [Fact]
    public async Task ManySends_AreScreenedInBatches_EveryOneOfThem()
    {
        await using var portal = new PortalFactory(ScreenWaits);
        var count = ResponseScreening.BatchSize + 3;
        var sent = await SendUnscreenedAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        await portal.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO Responses (Reference, SubmissionKey, ContentVersionId, AgeGroup, AnsweringAs, SubmittedAt)
            SELECT printf('S%07d', i), printf('00000000-0000-0000-0000-%012d', i), ContentVersionId, AgeGroup, AnsweringAs, SubmittedAt
            FROM n CROSS JOIN (SELECT * FROM Responses LIMIT 1);
            INSERT INTO ResponseAnswers (ResponseId, QuestionNumber, Choice, Comments)
            SELECT r.Id, 3, 'No', {Disclosure} FROM Responses r WHERE r.Reference <> {sent};
            """));

        await portal.ScreenSentResponsesAsync();

        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync(r => r.ScreenedAt == null)));
        Assert.Equal(count, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync()));
        Assert.Equal(count, await portal.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task AdminHome_WarnsWhenASentResponseHasGoneUnscreenedForOverAMinute()
    {
        const string Warning = "1 sent response has not been read by the safeguarding screen for over a minute";
        await using var portal = new PortalFactory(ScreenWaits);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await SendUnscreenedAsync(portal, Journey.Empty().Answer(4, "yes", Ordinary));

        await admin.GetAsync("/admin");
        Assert.DoesNotContain(Warning, admin.Text("main"), StringComparison.Ordinal);

        // As if every round of the screen had failed for two minutes.
        var twoMinutesAgo = DateTime.UtcNow.AddMinutes(-2);
        await portal.QueryAsync(db => db.Responses.ExecuteUpdateAsync(set => set.SetProperty(r => r.SubmittedAt, twoMinutesAgo)));
        await admin.GetAsync("/admin");
        Assert.Contains(Warning, admin.Text(".govuk-notification-banner"), StringComparison.Ordinal);

        await portal.ScreenSentResponsesAsync();
        await admin.GetAsync("/admin");
        Assert.DoesNotContain(Warning, admin.Text("main"), StringComparison.Ordinal);
    }

    /// <summary>
    /// What the screen hears of other people's sends, ten a second, until disposed: each send's token in the
    /// portal's own signal. On a thread of its own, so a busy thread pool cannot make a lull the test did not mean.
    /// </summary>
    private sealed class OtherSendsArriving : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new();
        private readonly Thread _sender;

        public OtherSendsArriving(PortalFactory portal)
        {
            var signal = portal.Services.GetRequiredService<ScreeningSignal>();
            _sender = new Thread(() =>
            {
                while (!_stop.Wait(100))
                {
                    signal.ResponseSent();
                }
            });
            _sender.IsBackground = true;
            _sender.Start();
        }

        public void Dispose()
        {
            _stop.Set();
            _sender.Join();
            _stop.Dispose();
        }
    }

    /// <summary>Sends as a person does, and returns as they see the confirmation, without waiting for the screen.</summary>
    private static async Task<string> SendUnscreenedAsync(PortalFactory portal, Journey journey)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(journey);
        await respondent.SubmitAsync();
        return respondent.Text(".govuk-panel__body strong");
    }
}
