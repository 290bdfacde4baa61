using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

/// <summary>The results filters apply the same way to the responses list and to the downloads.</summary>
public sealed class FilterTests
{
    [Fact]
    public async Task ResponsesList_FilteredByAgeGroup_ShowsOnlyThoseAndIsAudited()
    {
        await using var portal = new PortalFactory();
        var older = await SendAsync(portal, "14-to-16");
        await SendAsync(portal, "under-11");
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/responses?Age=14-to-16");

        Assert.Equal([older], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.NotNull(analyst.Page.QuerySelector("details[open] select#age option[value='14-to-16'][selected]"));
        var audited = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponsesSearched));
        Assert.Contains("\"AgeGroup\":\"From14To16\"", audited.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsesListAndDownload_FilteredByChannel_HoldOnlyThoseThatArrivedThatWay()
    {
        await using var portal = new PortalFactory();
        var online = await SendAsync(portal, "14-to-16");
        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Journey.Empty().Answer(2, "yes")).SaveAsync(analyst);
        var paper = analyst.Path.Split('/')[^1];

        await analyst.GetAsync("/staff/responses?Channel=paper");
        Assert.Equal([paper], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.NotNull(analyst.Page.QuerySelector("details[open] select#channel option[value=paper][selected]"));
        await analyst.GetAsync("/staff/responses?Channel=online");
        Assert.Equal([online], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));

        await analyst.GetAsync("/staff/downloads?Channel=paper");
        var link = analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent == "Download as CSV").GetAttribute("href")!;
        Assert.Equal("/staff/downloads/responses.csv?Channel=paper", link);
        using var response = await analyst.Client.GetAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"\"{paper}\"", lines[1].TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvDownload_Filtered_HoldsOnlyTheMatchingResponsesAndRecordsTheFilters()
    {
        await using var portal = new PortalFactory();
        var older = await SendAsync(portal, "14-to-16");
        await SendAsync(portal, "under-11");
        await SendAsync(portal, null);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/downloads?Age=14-to-16");
        var link = analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent == "Download as CSV").GetAttribute("href")!;
        Assert.Equal("/staff/downloads/responses.csv?Age=14-to-16", link);
        using var response = await analyst.Client.GetAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"\"{older}\"", lines[1].TrimStart('\uFEFF'), StringComparison.Ordinal);
        var audited = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponsesDownloaded));
        Assert.Contains("\"rows\":1", audited.Details, StringComparison.Ordinal);
        Assert.Contains("\"AgeGroup\":\"From14To16\"", audited.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_WithABadFilter_IsAFriendlyClientErrorNotAFile()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/downloads/responses.csv?FromDay=not-a-date");

        Assert.Equal(HttpStatusCode.BadRequest, analyst.Status);
        Assert.Equal("Sorry, we could not use what was sent", analyst.Text("h1"));
        Assert.False(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ResponsesDownloaded)));
    }

    [Fact]
    public async Task Filter_DateRange_ShowsOnlyResponsesSentOnThoseUkDaysAndCarriesTheDatesOn()
    {
        await using var portal = new PortalFactory(now: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        await SendAsync(portal, null);
        portal.Clock!.Advance(TimeSpan.FromDays(2));
        var third = await SendAsync(portal, null);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsync(portal, null);
        var account = await portal.CreateStaffAsync();
        using var analyst = portal.CreateRespondent();
        await analyst.SignInAsync(account, account.CodeAt(portal.Clock.GetUtcNow()));
        const string Query = "?FromDay=3&FromMonth=12&FromYear=2026&ToDay=3&ToMonth=12&ToYear=2026";

        await analyst.GetAsync("/staff/responses" + Query);

        Assert.Equal([third], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.Empty(analyst.ErrorSummary);
        Assert.Equal(["3", "12", "2026", "3", "12", "2026"], DateBoxes(analyst).Select(box => box.Value));
        var search = analyst.Page.QuerySelector("input#search")!.Closest("form")!;
        Assert.Equal(
            [("FromDay", "3"), ("FromMonth", "12"), ("FromYear", "2026"), ("ToDay", "3"), ("ToMonth", "12"), ("ToYear", "2026")],
            search.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => (i.Name!, i.Value)));

        await analyst.GetAsync("/staff/downloads" + Query);

        Assert.Equal("/staff/downloads/responses.csv" + Query, analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent == "Download as CSV").GetAttribute("href"));
        Assert.Contains("the 1 response that match the filters", analyst.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "", "2027", "Date from must include a month", "#from-month", "from-month")]
    [InlineData("", "", "2027", "Date from must include a day and month", "#from", "from from-month")]
    [InlineData("", "12", "", "Date from must include a day and year", "#from", "from from-year")]
    [InlineData("1", "12", "", "Date from must include a year", "#from-year", "from-year")]
    [InlineData("31", "2", "2027", "Date from must be a real date", "#from", "from")]
    [InlineData("29", "2", "2027", "Date from must be a real date", "#from", "from")]
    [InlineData("first", "12", "2026", "Date from must be a real date", "#from", "from")]
    [InlineData("1", "twelve", "2026", "Date from must be a real date", "#from-month", "from-month")]
    [InlineData("1", "13", "2026", "Date from must be a real date", "#from-month", "from-month")]
    [InlineData("-1", "12", "2026", "Date from must be a real date", "#from", "from")]
    [InlineData("1", "1", "1999", "Date from must be a real date", "#from-year", "from-year")]
    [InlineData("1", "1", "2101", "Date from must be a real date", "#from-year", "from-year")]
    [InlineData("99999999999999999999", "1", "2026", "Date from must be a real date", "#from", "from")]
    [InlineData("1", "1", "99999999999999999999", "Date from must be a real date", "#from-year", "from-year")]
    [InlineData("x", "y", "z", "Date from must be a real date", "#from", "from from-month from-year")]
    public async Task Filter_BadDateFrom_ShowsTheGovUkErrorLinkedToTheFirstBoxAtFaultAndKeepsWhatWasTyped(
        string day, string month, string year, string message, string link, string boxesInError)
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, null);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff?FromDay={Uri.EscapeDataString(day)}&FromMonth={Uri.EscapeDataString(month)}&FromYear={Uri.EscapeDataString(year)}");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        AssertTheOneError(analyst, message, link);
        Assert.Equal([day, month, year, "", "", ""], DateBoxes(analyst).Select(box => box.Value));
        Assert.Equal(boxesInError.Split(' '), BoxesInError(analyst));
        var fieldset = analyst.Page.QuerySelector("#from")!.Closest("fieldset")!;
        Assert.Equal("from-hint from-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal($"Error: {message}", analyst.Text("#from-error"));
        Assert.True(fieldset.ParentElement!.ClassList.Contains("govuk-form-group--error"));
        Assert.Equal("1 response sent", analyst.Text(".govuk-body-l"));
    }

    [Fact]
    public async Task Filter_DateWithoutMonth_ShowsErrorAndKeepsWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/responses?ToDay=5&ToYear=2027&Age=under-11");

        AssertTheOneError(analyst, "Date to must include a month", "#to-month");
        Assert.Equal(["", "", "", "5", "", "2027"], DateBoxes(analyst).Select(box => box.Value));
        Assert.NotNull(analyst.Page.QuerySelector("details[open] select#age option[value='under-11'][selected]"));
    }

    [Fact]
    public async Task Filter_DateToBeforeDateFrom_MarksTheWholeToDateAndShowsEveryResponse()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, null);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff?FromDay=5&FromMonth=12&FromYear=2026&ToDay=1&ToMonth=12&ToYear=2026");

        AssertTheOneError(analyst, "Date to must be the same as or after date from", "#to");
        Assert.Equal(["to", "to-month", "to-year"], BoxesInError(analyst));
        Assert.Equal("1 response sent", analyst.Text(".govuk-body-l"));
    }

    [Fact]
    public async Task Filter_BadDateOnTheDownloadsPage_KeepsWhatWasTypedButTheFilesCarryNoFilter()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/downloads?FromDay=31&FromMonth=2&FromYear=2027&Age=under-11");

        Assert.Equal(["Date from must be a real date"], analyst.ErrorSummary);
        Assert.Equal(["31", "2", "2027"], DateBoxes(analyst).Take(3).Select(box => box.Value));
        Assert.Equal("/staff/downloads/responses.csv", analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent == "Download as CSV").GetAttribute("href"));
    }

    [Fact]
    public async Task Filter_TypedMarkupInADateBox_IsShownAsTextAndNeverRunsOrBreaksThePage()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        const string Typed = "\"><script>alert(1)</script>";

        await analyst.GetAsync("/staff/responses?FromDay=" + Uri.EscapeDataString(Typed) + "&FromMonth=1&FromYear=2027");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(Typed, analyst.Page.QuerySelector<IHtmlInputElement>("#from")!.Value);
        Assert.Empty(analyst.Page.QuerySelectorAll("main script"));
        Assert.Equal(Typed, analyst.Page.QuerySelector("input#search")!.Closest("form")!.QuerySelector<IHtmlInputElement>("input[name=FromDay]")!.Value);
    }

    private static void AssertTheOneError(Respondent analyst, string message, string link)
    {
        Assert.Equal([message], analyst.ErrorSummary);
        Assert.Equal(link, analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    private static IEnumerable<string> BoxesInError(Respondent analyst) =>
        DateBoxes(analyst).Where(box => box.ClassList.Contains("govuk-input--error")).Select(box => box.Id!);

    private static readonly string[] DateBoxIds = ["from", "from-month", "from-year", "to", "to-month", "to-year"];

    private static List<IHtmlInputElement> DateBoxes(Respondent analyst) =>
        [.. DateBoxIds.Select(id => analyst.Page.QuerySelector<IHtmlInputElement>("#" + id)!)];

    private static async Task<string> SendAsync(PortalFactory portal, string? age)
    {
        using var respondent = portal.CreateRespondent();
        return await respondent.SendAsync(Journey.Empty().Answer(2, "yes").AboutYou(age, null));
    }
}
