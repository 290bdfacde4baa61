using System.Net;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

public sealed class DashboardTests
{
    [Fact]
    public async Task Results_ShowCountsAndPercentagesInATableAndAnAccessibleChart()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", "11-to-13");
        await SendAsync(portal, "yes", "11-to-13");
        await SendAsync(portal, "no", "under-11");
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff");

        Assert.Equal("3 responses sent", analyst.Text(".govuk-body-l"));
        Assert.Equal(["Yes 2 67%", "No 1 33%", "Not sure 0 0%", "Not answered 0 0%"], Rows(analyst, 0));
        var chart = analyst.Page.QuerySelector("svg.app-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Answers to Q2 Misuse", chart.QuerySelector("title")!.TextContent);
        Assert.Equal("Yes: 2 (67%), No: 1 (33%), Not sure: 0 (0%), Not answered: 0 (0%)", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(10, analyst.Page.QuerySelectorAll("svg.app-chart").Length);
    }

    [Fact]
    public async Task Results_OnADatabaseThatRetriesFailures_AsSqlServerDoes_AreCounted()
    {
        // SQL Server's retrying strategy refuses a transaction begun outside it; the results' snapshot is one.
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", "11-to-13");
        await SendAsync(portal, "no", "under-11");
        await using var db = RetryingStrategy.Context(portal);

        var results = await new ResultsQuery(db).GetAsync(ResponseFilter.None, [2, 3], TestContext.Current.CancellationToken);

        Assert.Equal(2, results.Responses);
        Assert.Equal(new ChoiceCounts(2, 1, 1, 0, 0), results.Questions[0]);
    }

    [Fact]
    public async Task FilteredResults_HideCountsBelowTheThreshold_UnfilteredOnesDoNot()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Results:SuppressBelow"] = "2" });
        await SendAsync(portal, "yes", "11-to-13");
        await SendAsync(portal, "yes", "11-to-13");
        await SendAsync(portal, "no", "11-to-13");
        await SendAsync(portal, "no", "under-11");
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff?Age=11-to-13");

        Assert.Equal("3 responses sent", analyst.Text(".govuk-body-l"));
        Assert.Equal(["Yes 2 67%", "No fewer than 2 –", "Not sure fewer than 2 –", "Not answered fewer than 2 –"], Rows(analyst, 0));
        Assert.Contains("No: fewer than 2", analyst.Page.QuerySelector("svg.app-chart desc")!.TextContent, StringComparison.Ordinal);

        await analyst.GetAsync("/staff");
        Assert.Equal(["Yes 2 50%", "No 2 50%", "Not sure 0 0%", "Not answered 0 0%"], Rows(analyst, 0));
    }

    [Fact]
    public async Task Results_KeptBetweenViews_ChangeAsSoonAsAResponseIsAddedOrWithdrawn()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", "11-to-13");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff");
        await analyst.GetAsync("/staff");
        Assert.Equal(["Yes 1 100%", "No 0 0%", "Not sure 0 0%", "Not answered 0 0%"], Rows(analyst, 0));

        await SendAsync(portal, "no", "11-to-13");
        await analyst.GetAsync("/staff");
        Assert.Equal("2 responses sent", analyst.Text(".govuk-body-l"));
        Assert.Equal(["Yes 1 50%", "No 1 50%", "Not sure 0 0%", "Not answered 0 0%"], Rows(analyst, 0));

        // Withdrawing the first and adding a third leaves the count at 2, but the results must still change.
        var first = await portal.QueryAsync(db => db.Responses.OrderBy(r => r.Id).Select(r => r.Reference).FirstAsync());
        await SendAsync(portal, "no", "11-to-13");
        await analyst.GetAsync($"/staff/responses/{first}/withdraw");
        await analyst.SubmitAsync();
        await analyst.GetAsync("/staff");
        Assert.Equal("2 responses sent", analyst.Text(".govuk-body-l"));
        Assert.Equal(["Yes 0 0%", "No 2 100%", "Not sure 0 0%", "Not answered 0 0%"], Rows(analyst, 0));
    }

    [Theory]
    [InlineData(new[] { 5, 20, 30, 40 }, new[] { false, false, true, true })]
    [InlineData(new[] { 5, 3, 30, 40 }, new[] { false, false, true, true })]
    [InlineData(new[] { 15, 20, 30, 40 }, new[] { true, true, true, true })]
    [InlineData(new[] { 0, 25 }, new[] { false, false })]
    public void Suppression_NeverLeavesASingleHiddenCountThatSubtractionWouldReveal(int[] counts, bool[] shown) =>
        Assert.Equal(shown, Core.Results.SmallNumberSuppression.Apply(counts, 10).Select(c => c is not null));

    [Fact]
    public async Task FilterByDate_OutsideTheResponses_ShowsNoneAsSuppressed()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", null);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff?FromDay=1&FromMonth=1&FromYear=2099&ToDay=31&ToMonth=1&ToYear=2099");

        Assert.Equal("fewer than 10 responses sent", analyst.Text(".govuk-body-l"));
    }

    [Fact]
    public async Task BadFilters_ShowClearErrorsAndTheUnfilteredResults()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", null);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff?FromDay=30&FromMonth=2&FromYear=2027&ToDay=31&ToMonth=12&ToYear=9999&Age=bogus&Version=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["Date from must be a real date", "Date to must be a real date", "Select an age group from the list", "Select a wording version from the list"], analyst.ErrorSummary);
        Assert.Equal("from-hint from-error", analyst.Page.QuerySelector("#from")!.Closest("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal("1 response sent", analyst.Text(".govuk-body-l"));
    }

    [Fact]
    public async Task Results_ShowHowTheResponsesArrived_AndFilterByIt_AndAnUnknownWayIsAnError()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, "yes", null);
        await SendAsync(portal, "no", null);
        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Journey.Empty().Answer(2, "yes")) { Channel = "letter" }.SaveAsync(analyst);

        await analyst.GetAsync("/staff");
        Assert.Equal(["Online 2", "Paper 0", "Email 0", "Letter 1", "Event 0"], ChannelRows(analyst));
        await analyst.GetAsync("/staff?Channel=online");
        Assert.Equal("fewer than 10 responses sent", analyst.Text(".govuk-body-l"));
        Assert.NotNull(analyst.Page.QuerySelector("select#channel option[value=online][selected]"));
        await analyst.GetAsync("/staff?Channel=fax");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["Select how they arrived from the list"], analyst.ErrorSummary);
        Assert.Equal("3 responses sent", analyst.Text(".govuk-body-l"));
    }

    private static List<string> ChannelRows(Respondent analyst) =>
        [.. analyst.Page.QuerySelectorAll("details").Single(d => d.QuerySelector("summary")!.TextContent.Contains("by channel", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim())))];

    private static List<string> Rows(Respondent analyst, int question) =>
        analyst.Page.QuerySelectorAll("table.app-results-table")[question].QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim())))
            .ToList();

    private static async Task SendAsync(PortalFactory portal, string answer, string? age)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(2, answer).AboutYou(age, null));
    }
}
