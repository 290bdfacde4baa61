using System.Text.Json;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Merging a theme into another moves its tags and retires it; splitting one moves the comments chosen to a new theme.</summary>
public sealed class MergeAndSplitTests
{
    [Fact]
    public async Task Merge_MovesTheTags_KeepsOneWhereACommentHadBoth_AndRetiresTheTheme()
    {
        await using var portal = new PortalFactory();
        var (police, both) = (await SendAsync(portal, "Only the police"), await SendAsync(portal, "Police and teachers"));
        var (privacy, whoSees) = (await AddThemeAsync(portal, "Privacy"), await AddThemeAsync(portal, "Who sees it"));
        await TagAsync(portal, police, privacy, "first-analyst");
        await TagAsync(portal, both, privacy, "first-analyst");
        await TagAsync(portal, both, whoSees, "second-analyst");
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/analysis/themes/{privacy}/merge");
        Assert.Contains("on 2 comments", analyst.Text("main p.govuk-body"), StringComparison.Ordinal);
        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Into"] = whoSees.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("/staff/analysis/questions/3", analyst.Path);
        Assert.Equal("Theme “Privacy” merged into “Who sees it”: 2 tags moved", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Contains("merged into “Who sees it”", analyst.Text("main table"), StringComparison.Ordinal);
        var tags = await portal.QueryAsync(db => db.CommentTags.OrderBy(t => t.ResponseId).ToListAsync());
        Assert.Equal([(whoSees, "first-analyst"), (whoSees, "second-analyst")], tags.Select(t => (t.ThemeId, t.TaggedBy)));
        var merged = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Id == privacy));
        Assert.True(merged.IsRetired);
        Assert.Equal(whoSees, merged.MergedIntoId);
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ThemeMerged));
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(("Who sees it", 1, 1), (details.RootElement.GetProperty("Into").GetString(), details.RootElement.GetProperty("Moved").GetInt32(), details.RootElement.GetProperty("AlreadyTaggedWithIt").GetInt32()));
    }

    [Fact]
    public async Task Merge_WithNoThemeChosen_OrIntoItself_ShowsAnError_AndChangesNothing()
    {
        await using var portal = new PortalFactory();
        var privacy = await AddThemeAsync(portal, "Privacy");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/analysis/themes/{privacy}/merge");

        await analyst.SubmitAsync();
        Assert.Equal(["Select the theme to merge it into"], analyst.ErrorSummary);

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Into"] = privacy.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(["A theme cannot be merged into itself. Select another theme"], analyst.ErrorSummary);
        Assert.Equal("#into", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.False((await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Id == privacy))).IsRetired);
    }

    [Fact]
    public async Task TwoAnalystsMergingTheSameThemeAtOnce_OneWins_AndTheOtherIsTold()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, "Only the police");
        var (privacy, whoSees) = (await AddThemeAsync(portal, "Privacy"), await AddThemeAsync(portal, "Who sees it"));
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await TagAsync(portal, reference, privacy, "first-analyst");
        using var first = await portal.SignedInStaffAsync();
        using var second = await portal.SignedInStaffAsync();
        await first.GetAsync($"/staff/analysis/themes/{privacy}/merge");
        await second.GetAsync($"/staff/analysis/themes/{privacy}/merge");

        await Task.WhenAll(
            first.SubmitAsync(new Dictionary<string, string?> { ["Into"] = whoSees.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            second.SubmitAsync(new Dictionary<string, string?> { ["Into"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var banners = new[] { first, second }.Select(a => a.Text(".govuk-notification-banner__heading")).ToList();
        Assert.Single(banners, b => b.StartsWith("Theme “Privacy” merged into", StringComparison.Ordinal));
        Assert.Single(banners, b => b == "Someone else merged or retired “Privacy” a moment ago. Your merge was not made");
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ThemeMerged)));
        var tag = await portal.QueryAsync(db => db.CommentTags.SingleAsync());
        Assert.Equal(await portal.QueryAsync(db => db.Themes.Where(t => t.Id == privacy).Select(t => t.MergedIntoId).SingleAsync()), tag.ThemeId);
    }

    [Fact]
    public async Task Split_MovesTheChosenCommentsToANewTheme_AndTheRestKeepTheirTheme()
    {
        await using var portal = new PortalFactory();
        var (police, teachers) = (await SendAsync(portal, "Only the police"), await SendAsync(portal, "Teachers should not see it"));
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await TagAsync(portal, police, other, "first-analyst");
        await TagAsync(portal, teachers, other, "first-analyst");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/analysis/themes/{other}/split");
        Assert.Equal(["Only the police", "Teachers should not see it"], analyst.Page.QuerySelectorAll(".govuk-checkboxes__label").Select(l => l.TextContent.Trim()));

        await analyst.PostAsync(analyst.Page.QuerySelector("main form")!.GetAttribute("action")!,
            [.. analyst.HiddenFields(), new("Name", " Only the police "), new("Description", ""), new("Comments", teachers)]);

        Assert.Equal("Theme “Only the police” added, with 1 comment moved from “Other”", analyst.Text(".govuk-notification-banner__heading"));
        var created = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Name == "Only the police"));
        var tags = await portal.QueryAsync(db => db.CommentTags.OrderBy(t => t.ResponseId).Select(t => t.ThemeId).ToListAsync());
        Assert.Equal([other, created.Id], tags);
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ThemeSplit)));
    }

    [Fact]
    public async Task Split_WithNoCommentsChosen_OrANameTheQuestionHas_ShowsErrorsAndKeepsWhatWasTyped_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        var police = await SendAsync(portal, "Only the police");
        var privacy = await AddThemeAsync(portal, "Privacy");
        await TagAsync(portal, police, privacy, "first-analyst");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/analysis/themes/{privacy}/split");

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "Police", ["Description"] = "Says only the police" });
        Assert.Equal(["Select at least one comment to move to the new theme"], analyst.ErrorSummary);
        Assert.Equal("Police", ((AngleSharp.Html.Dom.IHtmlInputElement)analyst.Page.QuerySelector("input[name=Name]")!).Value);
        Assert.Equal("Says only the police", analyst.Page.QuerySelector("textarea[name=Description]")!.TextContent);

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "privacy", ["Comments"] = police });
        Assert.Equal(["Q3 already has a theme called “privacy”. Choose another name, or merge into that theme instead"], analyst.ErrorSummary);
        Assert.Equal(1, await portal.QueryAsync(db => db.Themes.CountAsync(t => t.Kind == ThemeKind.Coded)));
        Assert.Equal(privacy, await portal.QueryAsync(db => db.CommentTags.Select(t => t.ThemeId).SingleAsync()));
    }

    private static Task<string> SendAsync(PortalFactory portal, string comment) =>
        portal.SendAsync(Journey.Empty().Answer(3, "no", comment));

    private static Task<int> AddThemeAsync(PortalFactory portal, string name) => portal.AddThemeAsync(3, name);

    private static Task<int> TagAsync(PortalFactory portal, string reference, int theme, string by) => portal.TagAsync(reference, 3, theme, by);
}
