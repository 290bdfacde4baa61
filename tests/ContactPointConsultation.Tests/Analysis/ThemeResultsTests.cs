using AngleSharp.Dom;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Each question's theme results: counts and shares by answer, examples, all of a theme's comments, small counts hidden and withheld comments never there.</summary>
public sealed class ThemeResultsTests
{
    [Fact]
    public async Task Results_CountEachThemesCommentsAndShare_SplitByAnswer_WithExamples()
    {
        await using var portal = new PortalFactory();
        var yes = await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Keeps kids safe"));
        var no = await portal.SendAsync(Journey.Empty().Answer(3, "no", "Too many people can see it"));
        var noToo = await portal.SendAsync(Journey.Empty().Answer(3, "no", "idk"));
        var privacy = await portal.AddThemeAsync(3, "Privacy");
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await portal.TagAsync(yes, 3, privacy);
        await portal.TagAsync(no, 3, privacy);
        await portal.TagAsync(no, 3, other);
        await portal.TagAsync(noToo, 3, other);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/results");

        Assert.StartsWith("3 comments, of which 3 tagged (100%).", Squash(analyst.Text("#progress")), StringComparison.Ordinal);
        Assert.Equal(
            [["Privacy", "2", "67%", "1", "1", "0"], ["Other", "2", "67%", "0", "2", "0"], ["No reason given", "0", "0%", "0", "0", "0"]],
            Rows(analyst));
        var examples = analyst.Page.QuerySelectorAll("main ul.govuk-list--bullet").Select(l => l.QuerySelectorAll("li .app-preserve-lines").Select(e => e.TextContent).ToList()).ToList();
        Assert.Equal([["Keeps kids safe", "Too many people can see it"], ["Too many people can see it", "idk"]], examples);

        await analyst.GetAsync(analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("“Privacy”", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.Equal($"/staff/analysis/themes/{privacy}/comments", analyst.Path);
        Assert.Equal(["Keeps kids safe", "Too many people can see it"], analyst.Page.QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Results_WithAThemeChosen_CountTheThemesOfItsCommentsOnly_AndTheirSharesOfThem()
    {
        // Nothing hidden, so every count can be read: hiding works as in any filtered view (the test below).
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Results:SuppressBelow"] = "0" });
        var privacy = await portal.AddThemeAsync(3, "Privacy");
        var safety = await portal.AddThemeAsync(3, "Keeps children safe");
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        var both = await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Safe but who can see it"));
        var privacyOnly = await portal.SendAsync(Journey.Empty().Answer(3, "no", "Too many people can see it"));
        var safetyOnly = await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Keeps kids safe"));
        await portal.TagAsync(both, 3, privacy);
        await portal.TagAsync(both, 3, safety);
        await portal.TagAsync(privacyOnly, 3, privacy);
        await portal.TagAsync(safetyOnly, 3, safety);
        await portal.TagAsync(safetyOnly, 3, other);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/analysis/questions/3/results?Theme={privacy}");

        Assert.StartsWith("2 comments tagged “Privacy”. The table shows which themes they have; each share is of these comments.", Squash(analyst.Text("#progress")), StringComparison.Ordinal);
        Assert.Equal("Comments tagged “Privacy” with each theme", analyst.Text("main table caption").Trim());
        Assert.Equal(
            [["Privacy", "2", "100%", "1", "1", "0"], ["Keeps children safe", "1", "50%", "1", "0", "0"], ["Other", "0", "0%", "0", "0", "0"], ["No reason given", "0", "0%", "0", "0", "0"]],
            Rows(analyst));
        Assert.Equal(privacy.ToString(System.Globalization.CultureInfo.InvariantCulture), analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=Theme]")!.Value);
        Assert.DoesNotContain("Keeps kids safe", analyst.Text("main"), StringComparison.Ordinal);

        // All of a theme's comments, of those tagged with the chosen theme too.
        await analyst.GetAsync(analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("“Keeps children safe”", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.Equal($"/staff/analysis/themes/{safety}/comments?Theme={privacy}", analyst.Path);
        Assert.Equal(["Safe but who can see it"], analyst.Page.QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent));
        Assert.StartsWith("1 comment also tagged “Privacy”, oldest first.", analyst.Text("main p[role=status]").Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_WithAThemeOfAnotherQuestion_ShowsErrorAndKeepsTheChoice_AndCountsEveryComment()
    {
        await using var portal = new PortalFactory();
        var elsewhere = await portal.AddThemeAsync(4, "Another question's theme");
        await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Keeps kids safe"));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/analysis/questions/3/results?Theme={elsewhere}&Age=11-to-13");

        Assert.Equal(System.Net.HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["Select a theme from the list"], analyst.Page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.Equal("#theme", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(analyst.Page.QuerySelector("select#theme.govuk-select--error"));
        Assert.Equal("11-to-13", analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=Age]")!.Value);
        Assert.StartsWith("0 comments that match the filters", Squash(analyst.Text("#progress")), StringComparison.Ordinal);

        await analyst.GetAsync("/staff/analysis/questions/3/results?Theme=not-a-number");
        Assert.Equal(["Select a theme from the list"], analyst.Page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
        Assert.StartsWith("1 comment, of which 0 tagged", Squash(analyst.Text("#progress")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_InAFilteredView_HideSmallCounts_AndTheExamplesOfAThemeWhoseCountIsHidden()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Results:SuppressBelow"] = "2" });
        var privacy = await portal.AddThemeAsync(3, "Privacy");
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        foreach (var comment in new[] { "Too many can see it", "Who reads it?" })
        {
            await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "no", comment).AboutYou("14-to-16", "young-person")), 3, privacy);
        }

        await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Only one like me").AboutYou("14-to-16", "young-person")), 3, other);
        await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "yes", "Another age").AboutYou("11-to-13", "young-person")), 3, other);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/results?Age=14-to-16");

        Assert.Equal(["Privacy", "2", "67%", "Fewer than 2", "2", "Fewer than 2"], Rows(analyst)[0]);
        Assert.Equal(["Other", "Fewer than 2", "", "Fewer than 2", "Fewer than 2", "Fewer than 2"], Rows(analyst)[1]);
        Assert.DoesNotContain("Only one like me", analyst.Html, StringComparison.Ordinal);
        Assert.Contains("Too many can see it", analyst.Text("main"), StringComparison.Ordinal);

        await analyst.GetAsync($"/staff/analysis/themes/{other}/comments?Age=14-to-16");
        Assert.DoesNotContain("Only one like me", analyst.Html, StringComparison.Ordinal);
        Assert.StartsWith("Fewer than 2 comments match the filters.", analyst.Text("main p[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_NeverCountOrShowAWithheldComment_AndAWithdrawnResponseTakesItsTagsWithIt()
    {
        await using var portal = new PortalFactory();
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        var withheld = await portal.SendAsync(Journey.Empty().Answer(3, "no", SafeguardingReviewTests.Disclosure));
        var withdrawn = await portal.SendAsync(Journey.Empty().Answer(3, "no", "I will take this back"));
        var kept = await portal.SendAsync(Journey.Empty().Answer(3, "yes", SafeguardingReviewTests.Ordinary));
        foreach (var reference in new[] { withheld, withdrawn, kept })
        {
            await portal.TagAsync(reference, 3, other);
        }

        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{withdrawn}/withdraw");
        await analyst.SubmitAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/results");
        Assert.Equal(["Other", "1", "100%", "1", "0", "0"], Rows(analyst)[0]);
        Assert.DoesNotContain(SafeguardingReviewTests.Disclosure, analyst.Html, StringComparison.Ordinal);
        await analyst.GetAsync($"/staff/analysis/themes/{other}/comments");
        Assert.Equal([SafeguardingReviewTests.Ordinary], analyst.Page.QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent));
        Assert.Equal(2, await portal.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CommentTags)));
    }

    private static List<List<string>> Rows(Respondent page) =>
        [.. page.Page.QuerySelectorAll("main table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())];

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
