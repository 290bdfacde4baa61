using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

/// <summary>
/// The results are summed from tallies that the screen adds each response to, and that withdrawals and
/// deletions take it from, with the responses not yet screened counted from themselves. Each test holds them
/// to the plain count of the responses they stand for, under every filter the results page offers.
/// </summary>
public sealed class ResultTallyTests
{
    private static readonly Journey[] Mixed =
    [
        Journey.Empty().Answer(2, "yes").Answer(3, "no").AboutYou("11-to-13", "young-person"),
        Journey.Empty().Answer(2, "yes").Answer(4, "not-sure").AboutYou("11-to-13", "group"),
        Journey.Empty().Answer(2, "no", "Only a comment on Q3 next").Answer(3, null, "No answer, a comment").AboutYou("under-11", null),
        Journey.Empty().Answer(2, "not-sure").AboutYou(null, "adult-helping"),
        Journey.Empty().Answer(12, null, "Only the last question").AboutYou("14-to-16", "young-person"),
        Journey.AllAnswered(),
    ];

    private static readonly ResponseFilter[] EveryKindOfFilter =
    [
        ResponseFilter.None,
        new(null, null, AgeGroup.From11To13, null, null),
        new(null, null, null, AnsweringAs.YoungPerson, null),
        new(null, null, AgeGroup.From11To13, AnsweringAs.GroupOfYoungPeople, null),
        new(null, null, null, null, 1),
        new(null, null, null, null, 2),
    ];

    [Fact]
    public async Task Results_AfterSendsAndWithdrawals_AreWhatCountingTheResponsesGives_UnderEveryFilter()
    {
        await using var portal = new PortalFactory();
        foreach (var journey in Mixed.Concat(Mixed))
        {
            using var respondent = portal.CreateRespondent();
            await respondent.SendAsync(journey);
        }

        using var analyst = await portal.SignedInStaffAsync();
        foreach (var reference in await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Id).Select(r => r.Reference).Take(3).ToListAsync()))
        {
            await analyst.GetAsync($"/staff/responses/{reference}/withdraw");
            await analyst.SubmitAsync();
        }

        var today = UkTime.Today(TimeProvider.System);
        foreach (var filter in EveryKindOfFilter.Append(new(today, today, null, null, null)).Append(new(today.AddDays(1), null, null, null, null)))
        {
            Assert.Equivalent(await CountedAsync(portal, filter), await TalliedAsync(portal, filter), strict: true);
        }

        Assert.Equal(9, (await TalliedAsync(portal, ResponseFilter.None)).Responses);
    }

    [Fact]
    public async Task Results_ByHowTheResponsesArrived_AreWhatCountingTheResponsesGives_ScreenedOrNot()
    {
        // The screen waits for the test: entered responses stay unscreened until it is run.
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        foreach (var journey in Mixed)
        {
            using var respondent = portal.CreateRespondent();
            await respondent.SendAsync(journey);
        }

        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Mixed[0]).SaveAsync(analyst);
        await new PaperForm(Mixed[1]) { Channel = "email", Batch = null }.SaveAsync(analyst);
        await portal.ScreenSentResponsesAsync();
        await new PaperForm(Mixed[2]) { Channel = "letter" }.SaveAsync(analyst);
        await new PaperForm(Mixed[3]).SaveAsync(analyst);

        ResponseChannel?[] channels = [null, .. Enum.GetValues<ResponseChannel>()];
        foreach (var filter in channels.SelectMany(channel => EveryKindOfFilter.Select(f => f with { Channel = channel })))
        {
            Assert.Equivalent(await CountedAsync(portal, filter), await TalliedAsync(portal, filter), strict: true);
        }

        Assert.Equal((6, 2, 1, 1), (
            (await TalliedAsync(portal, ResponseFilter.None with { Channel = ResponseChannel.Online })).Responses,
            (await TalliedAsync(portal, ResponseFilter.None with { Channel = ResponseChannel.Paper })).Responses,
            (await TalliedAsync(portal, ResponseFilter.None with { Channel = ResponseChannel.Email })).Responses,
            (await TalliedAsync(portal, ResponseFilter.None with { Channel = ResponseChannel.Letter })).Responses));
        Assert.Equal(
            [(ResponseChannel.Online, 6), (ResponseChannel.Paper, 2), (ResponseChannel.Email, 1), (ResponseChannel.Letter, 1), (ResponseChannel.Event, 0)],
            await portal.QueryAsync(db => new ResultsQuery(db).ByChannelAsync(ResponseFilter.None, 10)));
    }

    [Fact]
    public async Task Results_BeforeAndAfterTheScreenReadsTheResponses_AreTheCount_AndAWithdrawalEitherSideTakesItAwayOnce()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        foreach (var journey in Mixed)
        {
            using var respondent = portal.CreateRespondent();
            await respondent.AnswerAllAsync(journey);
            await respondent.SubmitAsync();
        }

        var references = await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Id).Select(r => r.Reference).ToListAsync());
        Assert.Equal(0, await portal.QueryAsync(db => db.ResultTallies.CountAsync()));
        await AssertEveryFilterCountsAsync(portal, 6);
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{references[0]}/withdraw");
        await analyst.SubmitAsync();
        await AssertEveryFilterCountsAsync(portal, 5);

        await portal.ScreenSentResponsesAsync();

        Assert.Equal(5, await portal.QueryAsync(db => db.ResultTallies.Where(t => t.QuestionNumber == ResultTally.ResponsesRow).SumAsync(t => t.Count)));
        await AssertEveryFilterCountsAsync(portal, 5);
        await analyst.GetAsync($"/staff/responses/{references[5]}/withdraw");
        await analyst.SubmitAsync();
        await AssertEveryFilterCountsAsync(portal, 4);
        Assert.Equal(4, await portal.QueryAsync(db => db.ResultTallies.Where(t => t.QuestionNumber == ResultTally.ResponsesRow).SumAsync(t => t.Count)));
    }

    [Fact]
    public async Task Results_ShowEachResponseOnItsUkDay_NotItsUtcOne()
    {
        // Half past midnight in London on 31 March 2027, in summer time: still 30 March in UTC.
        await using var portal = new PortalFactory(
            new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2027-04-30T23:59:59+01:00" },
            now: new DateTimeOffset(2027, 3, 30, 23, 30, 0, TimeSpan.Zero));
        using var respondent = portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(2, "yes"));

        var results = await TalliedAsync(portal, ResponseFilter.None);

        Assert.Equal([new DayCount(new DateOnly(2027, 3, 31), 1)], results.PerDay);
        var day = new DateOnly(2027, 3, 31);
        Assert.Equal(1, (await TalliedAsync(portal, new(day, day, null, null, null))).Responses);
        Assert.Equivalent(await CountedAsync(portal, new(day, day, null, null, null)), await TalliedAsync(portal, new(day, day, null, null, null)), strict: true);
    }

    [Fact]
    public async Task Startup_WithResponsesTheTalliesDoNotCount_CountsThemAgain()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            await using (var before = new PortalFactory(databasePath: path))
            {
                foreach (var journey in Mixed)
                {
                    using var respondent = before.CreateRespondent();
                    await respondent.SendAsync(journey);
                }

                // As a database from before the tallies would be, or one with responses written straight into it.
                await before.QueryAsync(db => db.ResultTallies.Where(t => t.AgeGroup == "From11To13").ExecuteDeleteAsync());
            }

            await using var after = new PortalFactory(databasePath: path);

            foreach (var filter in EveryKindOfFilter)
            {
                Assert.Equivalent(await CountedAsync(after, filter), await TalliedAsync(after, filter), strict: true);
            }

            Assert.Equal(6, (await TalliedAsync(after, ResponseFilter.None)).Responses);
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Withdraw_TheSameResponseTwiceAtOnce_TakesItsCountsAwayOnce()
    {
        await using var portal = new PortalFactory();
        foreach (var journey in Mixed)
        {
            using var respondent = portal.CreateRespondent();
            await respondent.SendAsync(journey);
        }

        var first = await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        using var analyst = await portal.SignedInStaffAsync();
        using var colleague = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{first}/withdraw");
        await colleague.GetAsync($"/staff/responses/{first}/withdraw");

        await analyst.SubmitAsync();
        await colleague.SubmitAsync();

        Assert.Equal(5, (await TalliedAsync(portal, ResponseFilter.None)).Responses);
        Assert.Equivalent(await CountedAsync(portal, ResponseFilter.None), await TalliedAsync(portal, ResponseFilter.None), strict: true);
    }

    // Assert.Equivalent compares the lists inside the results item by item; a record's Equals would compare them by reference.

    /// <summary>What the results page is given.</summary>
    private static Task<Results> TalliedAsync(PortalFactory portal, ResponseFilter filter) =>
        portal.QueryAsync(db => new ResultsQuery(db).GetAsync(filter, Enumerable.Range(2, 10)));

    private static async Task AssertEveryFilterCountsAsync(PortalFactory portal, int responses)
    {
        foreach (var filter in EveryKindOfFilter)
        {
            Assert.Equivalent(await CountedAsync(portal, filter), await TalliedAsync(portal, filter), strict: true);
        }

        Assert.Equal(responses, (await TalliedAsync(portal, ResponseFilter.None)).Responses);
    }

    /// <summary>The specification: every response the filter covers, and its answers, counted one by one.</summary>
    private static Task<Results> CountedAsync(PortalFactory portal, ResponseFilter filter) =>
        portal.QueryAsync(async db =>
        {
            var responses = await filter.Apply(db.Responses.Include(r => r.Answers), db.ContentVersions).ToListAsync();
            var perDay = responses.GroupBy(r => UkTime.DayOf(r.SubmittedAt)).OrderBy(g => g.Key).Select(g => new DayCount(g.Key, g.Count())).ToList();
            int Count(int question, Choice choice) => responses.Count(r => r.Answers.Exists(a => a.QuestionNumber == question && a.Choice == choice));
            var questions = Enumerable.Range(2, 10).Select(n => new ChoiceCounts(
                n, Count(n, Choice.Yes), Count(n, Choice.No), Count(n, Choice.NotSure),
                responses.Count - Count(n, Choice.Yes) - Count(n, Choice.No) - Count(n, Choice.NotSure))).ToList();
            return new Results(responses.Count, questions, perDay);
        });
}
