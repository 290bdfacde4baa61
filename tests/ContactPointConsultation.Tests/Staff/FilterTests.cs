using System.Net;
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

        await analyst.GetAsync("/staff/downloads/responses.csv?From=not-a-date");

        Assert.Equal(HttpStatusCode.BadRequest, analyst.Status);
        Assert.Equal("Sorry, we could not use what was sent", analyst.Text("h1"));
        Assert.False(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ResponsesDownloaded)));
    }

    private static async Task<string> SendAsync(PortalFactory portal, string? age)
    {
        using var respondent = portal.CreateRespondent();
        return await respondent.SendAsync(Journey.Empty().Answer(2, "yes").AboutYou(age, null));
    }
}
