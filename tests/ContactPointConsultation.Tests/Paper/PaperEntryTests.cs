using System.Net;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Paper;

public sealed class PaperEntryTests
{
    private const string Disclosure = "my step dad hits me when mum is out";

    /// <summary>The boxes "Save and enter another" fills in again: the date received and the batch.</summary>
    private static readonly string[] KeptFields = ["received", "received-month", "received-year", "batch"];

    [Fact]
    public async Task Save_AWholePaperResponse_StoresHowItArrivedAndWhoEnteredIt_AndShowsTheReferenceToWriteOnIt()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var form = new PaperForm(Journey.Empty().Answer(2, "yes", "i dont no what it is for").Answer(5, "none", "Shielding is confusing").Answer(12, null, "Thank you").AboutYou("11-to-13", "none"))
        {
            Channel = "letter",
        };

        await form.SaveAsync(analyst);

        var response = await portal.QueryAsync(db => db.Responses.Include(r => r.Answers).SingleAsync());
        Assert.Equal(PathOf(response.Reference), analyst.Path);
        Assert.Equal("Response saved", analyst.Text(".govuk-panel__title"));
        Assert.Contains(response.Reference, analyst.Text(".govuk-panel__body"), StringComparison.Ordinal);
        Assert.Equal(
            (ResponseChannel.Letter, new DateOnly(2026, 10, 14), "St Mary’s Primary, Year 6", AgeGroup.From11To13, (AnsweringAs?)null),
            (response.Channel, response.ReceivedOn!.Value, response.Batch!, response.AgeGroup!.Value, response.AnsweringAs));
        Assert.StartsWith("analyst-", response.EnteredBy, StringComparison.Ordinal);
        Assert.Equal(
            [(2, (Choice?)Choice.Yes, "i dont no what it is for"), (5, null, "Shielding is confusing"), (12, null, "Thank you")],
            response.Answers.OrderBy(a => a.QuestionNumber).Select(a => (a.QuestionNumber, a.Choice, a.Comments!)));
        var entered = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponseEntered));
        Assert.Equal((response.Reference, response.EnteredBy), (entered.Target, entered.Actor));
        Assert.DoesNotContain("Shielding", entered.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ThePageTwice_StoresOneResponse_AndSaysTheSecondWasAlreadySaved()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/paper");
        var page = analyst.HiddenFields().Concat(new PaperForm(Journey.Empty().Answer(3, "no", "Too much")).Fields()
            .Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))).ToList();

        await analyst.PostAsync("/staff/paper", page);
        var first = analyst.Path;
        await analyst.PostAsync("/staff/paper", page);

        Assert.Equal(first, analyst.Path);
        Assert.Equal("This response was already saved", analyst.Text(".govuk-panel__title"));
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task SaveAndEnterAnother_KeepsHowTheyArrived_ClearsTheAnswers_AndShowsTheReference()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await new PaperForm(Journey.Empty().Answer(4, "not-sure", "Not sure at all").AboutYou("under-11", null)) { Channel = "event", Batch = "Youth club" }.SaveAsync(analyst, another: true);

        var reference = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());
        Assert.Equal("/staff/paper", analyst.Path.Split('?')[0]);
        Assert.Equal($"Response {reference} saved", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal("event", analyst.Page.QuerySelector("input[name=Channel]:checked")?.GetAttribute("value"));
        Assert.Equal(["14", "10", "2026", "Youth club"], KeptFields.Select(id => analyst.Page.GetElementById(id)!.GetAttribute("value")));
        Assert.Equal("1", analyst.Page.QuerySelector("#version option[selected]")?.GetAttribute("value"));
        Assert.Empty(analyst.Page.QuerySelectorAll("input[type=radio][name^=Choice]:checked, input[name=AgeGroup]:checked"));
        Assert.All(analyst.Page.QuerySelectorAll("textarea"), t => Assert.Equal("", t.TextContent));

        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Choice[2]"] = "yes" });

        Assert.Equal(
            [("Youth club", ResponseChannel.Event), ("Youth club", ResponseChannel.Event)],
            await portal.QueryAsync(db => db.Responses.Select(r => new ValueTuple<string, ResponseChannel>(r.Batch!, r.Channel)).ToListAsync()));
    }

    public static TheoryData<string, string, string, string> BadEntries() => new()
    {
        // field changed, value typed, where the error shows, the message
        { "Comments[3]", "", "q2-choice", "Enter at least one answer or comment from the form" },
        { "Channel", "", "channel", "Select how the response arrived" },
        { "Channel", "online", "channel", "Select paper, email, letter or event" },
        { "ReceivedDay", "", "received", "The date received must include a day" },
        { "ReceivedYear", "2099", "received", "The date received must be today or in the past" },
        { "ReceivedYear", "2019", "received", "The date received must be on or after 1 January 2020, when the consultation opened" },
        { "Version", "99", "version", "Select a wording version from the list" },
        { "Version", "", "version", "Select the wording version printed on the form" },
        { "Comments[3]", new string('a', ConsultationLimits.CommentMaxLength + 1), "q3-comments", "The comments on question 3 must be 5,000 characters or less. You have typed 5,001" },
        { "Batch", new string('b', 101), "batch", "The batch must be 100 characters or less" },
        { "Choice[3]", "maybe", "q3-choice", "Select yes, no, not sure or none ticked for question 3" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Save_BadInput_ShowsTheErrorByItsField_KeepsWhatWasTyped_AndStoresNothing(string field, string typed, string fieldId, string message)
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var fields = new PaperForm(Journey.Empty().Answer(3, null, "A comment kept")).Fields();
        fields[field] = typed;

        await analyst.GetAsync("/staff/paper");
        await analyst.SubmitAsync(fields);

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal([message], analyst.ErrorSummary);
        Assert.Equal($"#{fieldId}", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(analyst.Page.GetElementById(fieldId));
        Assert.Contains(message, analyst.Page.GetElementById(fieldId)!.Closest(".govuk-form-group--error")!.QuerySelector(".govuk-error-message")!.TextContent, StringComparison.Ordinal);
        var kept = field == "Comments[3]" ? typed : "A comment kept";
        Assert.Equal(kept, analyst.Page.QuerySelector("textarea[name='Comments[3]']")!.TextContent);
        if (field is "Batch" or "ReceivedYear")
        {
            Assert.Equal(typed, analyst.Page.QuerySelector($"input[name={field}]")!.GetAttribute("value"));
        }

        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task EnteredResponse_IsScreenedAsASendIs_AndTheLeadSeesTheBatchItCameWith()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Journey.Empty().Answer(3, "no", Disclosure)) { Batch = "Hillside Academy, 8B" }.SaveAsync(analyst);
        var reference = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());

        await portal.ScreenSentResponsesAsync();

        var item = await portal.QueryAsync(db => db.SafeguardingItems.SingleAsync());
        Assert.Equal((reference, 3), (item.Reference, item.QuestionNumber));
        using var lead = await portal.SignedInStaffAsync(StaffRoles.Safeguarding);
        await lead.GetAsync($"/staff/safeguarding/{item.Id}");
        var where = SeedDocument.Normalise(lead.Text("main"));
        Assert.Contains("Arrived by Paper, received 14 October 2026", where, StringComparison.Ordinal);
        Assert.Contains("Hillside Academy, 8B", where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsePageAndDownload_SayHowEachResponseArrived()
    {
        await using var portal = new PortalFactory();
        using var respondent = portal.CreateRespondent();
        var online = await respondent.SendAsync(Journey.Empty().Answer(2, "yes"));
        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Journey.Empty().Answer(2, "no")) { Channel = "email", Batch = null }.SaveAsync(analyst);
        var emailed = await portal.QueryAsync(db => db.Responses.Where(r => r.Reference != online).Select(r => r.Reference).SingleAsync());

        await analyst.GetAsync($"/staff/responses/{emailed}");
        var page = SeedDocument.Normalise(analyst.Text("main dl"));
        Assert.Contains("Arrived by Email", page, StringComparison.Ordinal);
        Assert.Contains("Date received 14 October 2026", page, StringComparison.Ordinal);
        Assert.Contains("Batch None", page, StringComparison.Ordinal);
        await analyst.GetAsync($"/staff/responses/{online}");
        Assert.Contains("Arrived by Online", SeedDocument.Normalise(analyst.Text("main dl")), StringComparison.Ordinal);

        var emailedRow = await SafeguardingReviewTests.DownloadRowAsync(portal, emailed);
        var onlineRow = await SafeguardingReviewTests.DownloadRowAsync(portal, online);
        Assert.Equal(("Email", "2026-10-14", ""), (emailedRow["Channel"], emailedRow["Date received"], emailedRow["Batch"]));
        Assert.Equal(("Online", onlineRow["Submitted at"][..10]), (onlineRow["Channel"], onlineRow["Date received"]));
    }

    [Fact]
    public async Task EnteredResponse_IsCountedInTheResults_FromItselfUntilScreened_ThenFromTheTallies()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        using var analyst = await portal.SignedInStaffAsync();

        await new PaperForm(Journey.Empty().Answer(6, "not-sure")).SaveAsync(analyst);

        Assert.Equal((1, 1), await ResultsAsync(portal));
        await portal.ScreenSentResponsesAsync();
        Assert.Equal(
            [(0, "", 1), (6, "NotSure", 1)],
            await portal.QueryAsync(db => db.ResultTallies.OrderBy(t => t.QuestionNumber).Select(t => new ValueTuple<int, string, int>(t.QuestionNumber, t.Choice, t.Count)).ToListAsync()));
        Assert.Equal((1, 1), await ResultsAsync(portal));
    }

    /// <summary>The results page's count of responses, and of Not sure to Q6.</summary>
    private static async Task<(int Responses, int NotSureToQ6)> ResultsAsync(PortalFactory portal)
    {
        var results = await portal.QueryAsync(db => new ResultsQuery(db).GetAsync(ResponseFilter.None, [6]));
        return (results.Responses, results.Questions[0].NotSure);
    }

    private static string PathOf(string reference) => $"/staff/paper/entered/{reference}";
}
