using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Tagging comments with their question's themes: the queue, who tagged what and when, untagging, filters and what is never shown.</summary>
public sealed class TaggingTests
{
    private const string First = "Only the police should see it, not everyone";
    private const string Second = "I dont mind if it keeps kids safe";

    [Fact]
    public async Task Queue_ShowsTheOldestUntaggedComment_WithItsAnswerWordingVersionAndAgeGroup()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First).AboutYou("14-to-16", "young-person"));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/tag");

        Assert.Equal(First, analyst.Text("#comment"));
        Assert.Equal(
            [("Answer", "No"), ("Wording version", "Version 1"), ("Age group", "14 to 16")],
            Summary(analyst).Where(row => row.Key is "Answer" or "Wording version" or "Age group"));
        Assert.Equal("0 of 2 comments tagged (0%). See the codebook or the theme results", Squash(analyst.Text("#progress")));
        Assert.Equal(["Other", "No reason given"], analyst.Page.QuerySelectorAll(".govuk-checkboxes__label").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task SaveAndShowNext_RecordsWhoTaggedAndWhen_AndTheNote_AndMovesOn()
    {
        await using var portal = new PortalFactory();
        var first = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        var privacy = await AddThemeAsync(portal, 3, "Who can see it");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");

        await TagAsync(analyst, ["Who can see it", "Other"], "Mentions the police");

        Assert.Equal("/staff/analysis/questions/3/tag", analyst.Path);
        Assert.Equal($"Tags saved for response {first}", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(Second, analyst.Text("#comment"));
        Assert.Equal("1 of 2 comments tagged (50%). See the codebook or the theme results", Squash(analyst.Text("#progress")));
        var tags = await portal.QueryAsync(db => db.CommentTags.OrderBy(t => t.ThemeId).ToListAsync());
        Assert.Equal(2, tags.Count);
        Assert.All(tags, t => Assert.StartsWith("analyst-", t.TaggedBy, StringComparison.Ordinal));
        Assert.All(tags, t => Assert.True(DateTime.UtcNow - t.TaggedAt < TimeSpan.FromMinutes(1)));
        Assert.Contains(tags, t => t.ThemeId == privacy);
        Assert.Equal("Mentions the police", (await portal.QueryAsync(db => db.CommentNotes.SingleAsync())).Text);

        await analyst.GetAsync($"/staff/analysis/questions/3/comments/{first}");
        Assert.Equal(["Who can see it", "Other"], analyst.Page.QuerySelectorAll("table tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Contains("Mentions the police", analyst.Text("main ul.govuk-list"), StringComparison.Ordinal);
        Assert.Equal(["Who can see it", "Other"], analyst.Page.QuerySelectorAll(".govuk-checkboxes__input:checked").Select(LabelOf));
    }

    [Fact]
    public async Task Save_WithNoThemeAndANoteTooLong_ShowsErrorsInPageOrderAndKeepsTheNote_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        var note = new string('n', AnalysisLimits.NoteMaxLength + 1);

        await TagAsync(analyst, [], note);

        Assert.Equal(["Select at least one theme. If none fits, select Other", "The note must be 1,000 characters or less"], analyst.ErrorSummary);
        Assert.Equal("#themes", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(note, analyst.Page.QuerySelector("textarea[name=Note]")!.TextContent);
        Assert.Equal(First, analyst.Text("#comment"));
        Assert.Equal(0, await portal.QueryAsync(async db => await db.CommentTags.CountAsync() + await db.CommentNotes.CountAsync()));
    }

    [Fact]
    public async Task Untagging_RemovesTheTag_AndAuditsWhoHadAddedItAndWhen()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        await AddThemeAsync(portal, 3, "Who can see it");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        await TagAsync(analyst, ["Who can see it", "Other"]);
        var tagged = await portal.QueryAsync(db => db.CommentTags.Join(db.Themes, t => t.ThemeId, t => t.Id, (tag, theme) => new { tag, theme }).SingleAsync(x => x.theme.Name == "Other"));

        await analyst.GetAsync($"/staff/analysis/questions/3/comments/{reference}");
        await TagAsync(analyst, ["Who can see it"]);

        Assert.Equal(["Who can see it"], await portal.QueryAsync(db => db.CommentTags.Join(db.Themes, t => t.ThemeId, t => t.Id, (_, theme) => theme.Name).ToListAsync()));
        var audits = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.CommentTagsChanged).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Equal($"{reference} Q3", audits[1].Target);
        using var details = JsonDocument.Parse(audits[1].Details!);
        var removed = Assert.Single(details.RootElement.GetProperty("Removed").EnumerateArray());
        Assert.Equal("Other", removed.GetProperty("Theme").GetString());
        Assert.Equal(tagged.tag.TaggedBy, removed.GetProperty("TaggedBy").GetString());
        Assert.Equal(tagged.tag.TaggedAt, removed.GetProperty("TaggedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Empty(details.RootElement.GetProperty("Added").EnumerateArray());
    }

    [Fact]
    public async Task TwoAnalystsTaggingTheSameCommentAtOnce_BothTagsAreKept()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        await AddThemeAsync(portal, 3, "Who can see it");
        using var first = await portal.SignedInStaffAsync();
        using var second = await portal.SignedInStaffAsync();
        await first.GetAsync("/staff/analysis/questions/3/tag");
        await second.GetAsync("/staff/analysis/questions/3/tag");

        await Task.WhenAll(TagAsync(first, ["Who can see it", "Other"]), TagAsync(second, ["Other", "No reason given"]));

        Assert.Empty(first.ErrorSummary);
        Assert.Empty(second.ErrorSummary);
        var tags = await portal.QueryAsync(db => db.CommentTags.Join(db.Themes, t => t.ThemeId, t => t.Id, (_, theme) => theme.Name).ToListAsync());
        Assert.Equal(["No reason given", "Other", "Who can see it"], tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Save_AfterTheResponseWasWithdrawn_SaysSo_KeepsTheNote_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        using var colleague = await portal.SignedInStaffAsync();
        await colleague.GetAsync($"/staff/responses/{reference}/withdraw");
        await colleague.SubmitAsync();

        await TagAsync(analyst, ["Other"], "A note worth keeping");

        Assert.Equal(["This response has just been withdrawn, so its comment cannot be tagged. Your tags were not saved"], analyst.ErrorSummary);
        Assert.Equal("#comment", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("A note worth keeping", analyst.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(First, analyst.Html, StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(async db => await db.CommentTags.CountAsync() + await db.CommentNotes.CountAsync()));
    }

    [Fact]
    public async Task Save_AfterTheCommentWasFlagged_SaysItIsWithheld_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        using var colleague = await portal.SignedInStaffAsync();
        await colleague.GetAsync($"/staff/responses/{reference}/questions/3/flag");
        await colleague.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "Sounds worried about home" });

        await TagAsync(analyst, ["Other"]);

        Assert.Equal(["This comment has just been withheld for safeguarding review, so it cannot be tagged. Your tags were not saved"], analyst.ErrorSummary);
        Assert.DoesNotContain(First, analyst.Html, StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.CommentTags.CountAsync()));
    }

    [Fact]
    public async Task Save_WithAThemeRetiredMeanwhile_ShowsErrorAndKeepsTheNote_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        var theme = await AddThemeAsync(portal, 3, "Who can see it");
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        using var colleague = await portal.SignedInStaffAsync();
        await colleague.GetAsync($"/staff/analysis/themes/{theme}/retire");
        await colleague.SubmitAsync();

        await TagAsync(analyst, ["Who can see it", "Other"], "kept");

        Assert.Equal(["The theme “Who can see it” has just been retired. Choose another theme"], analyst.ErrorSummary);
        Assert.Equal("kept", analyst.Page.QuerySelector("textarea[name=Note]")!.TextContent);
        Assert.Equal(["Other"], analyst.Page.QuerySelectorAll(".govuk-checkboxes__input:checked").Select(LabelOf));
        Assert.Equal(0, await portal.QueryAsync(db => db.CommentTags.CountAsync()));
    }

    [Fact]
    public async Task Queue_NeverShowsOrCountsAWithheldComment()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", SafeguardingReviewTests.Disclosure));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        Assert.Equal(Second, analyst.Text("#comment"));
        Assert.Equal("0 of 1 comment tagged (0%). See the codebook or the theme results", Squash(analyst.Text("#progress")));

        await TagAsync(analyst, ["Other"]);
        Assert.Equal("No comments to tag", analyst.Text("main h2.govuk-heading-m"));
        Assert.DoesNotContain(SafeguardingReviewTests.Disclosure, analyst.Html, StringComparison.Ordinal);

        var withheld = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Reference).SingleAsync());
        await analyst.GetAsync($"/staff/analysis/questions/3/comments/{withheld}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, analyst.Status);
    }

    [Fact]
    public async Task Queue_UsesTheResultsFilters_AndKeepsThemFromCommentToComment()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First).AboutYou("11-to-13", "young-person"));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second).AboutYou("14-to-16", "young-person"));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", "third comment").AboutYou("14-to-16", "young-person"));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/tag?Age=14-to-16");
        Assert.Equal(Second, analyst.Text("#comment"));
        Assert.Equal("0 of 2 comments that match the filters tagged (0%). See the codebook or the theme results", Squash(analyst.Text("#progress")));

        await TagAsync(analyst, ["Other"]);
        Assert.Equal("/staff/analysis/questions/3/tag?Age=14-to-16", analyst.Path);
        Assert.Equal("third comment", analyst.Text("#comment"));
    }

    [Fact]
    public async Task Queue_WithAThemeChosen_GoesThroughTheCommentsTaggedWithIt_AndMovesOnAfterEachSave()
    {
        await using var portal = new PortalFactory();
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        var privacy = await AddThemeAsync(portal, 3, "Who can see it");
        var first = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", "not tagged yet"));
        var third = await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        var fourth = await SendAsync(portal, Journey.Empty().Answer(3, "not-sure", "fourth comment"));
        await portal.TagAsync(first, 3, other);
        await portal.TagAsync(third, 3, other);
        await portal.TagAsync(fourth, 3, other);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/analysis/questions/3/tag?Theme={other}");

        Assert.Equal("Comments tagged “Other”", analyst.Text("h1"));
        Assert.Equal("3 comments tagged “Other”, oldest first. See the codebook or the theme results", Squash(analyst.Text("#progress")));
        Assert.Equal(First, analyst.Text("#comment"));

        // Recoded from Other to a new theme: it leaves the theme, and the next of the theme's comments is shown.
        await TagAsync(analyst, ["Who can see it"]);
        Assert.Equal($"/staff/analysis/questions/3/tag?Theme={other}&after={first}", analyst.Path);
        Assert.Equal(Second, analyst.Text("#comment"));
        Assert.Equal("2 comments tagged “Other”, oldest first. See the codebook or the theme results", Squash(analyst.Text("#progress")));

        // Kept as Other: still the theme's, so the queue moves past it rather than showing it again.
        await TagAsync(analyst, ["Other"]);
        Assert.Equal($"/staff/analysis/questions/3/tag?Theme={other}&after={third}", analyst.Path);
        Assert.Equal("fourth comment", analyst.Text("#comment"));
        Assert.Equal(
            [privacy],
            await portal.QueryAsync(db => db.CommentTags.Where(t => db.Responses.Any(r => r.Id == t.ResponseId && r.Reference == first)).Select(t => t.ThemeId).ToListAsync()));

        await analyst.GetAsync($"/staff/analysis/questions/3/tag?Theme={privacy}&Age=11-to-13");
        Assert.Equal("No comments tagged “Who can see it”", analyst.Text("main h2"));
    }

    [Fact]
    public async Task Skip_ShowsTheNextComment_AndGoesBackToTheFirstAfterTheLast()
    {
        await using var portal = new PortalFactory();
        var first = await SendAsync(portal, Journey.Empty().Answer(3, "no", First));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");

        await analyst.GetAsync(SkipLink(analyst));
        Assert.Equal(Second, analyst.Text("#comment"));

        await analyst.GetAsync(SkipLink(analyst));
        Assert.Equal(First, analyst.Text("#comment"));
        Assert.Contains(first, analyst.Text(".govuk-summary-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisHome_ShowsEachQuestionsShareOfCommentsTagged()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", First).Answer(4, "yes", "four"));
        await SendAsync(portal, Journey.Empty().Answer(3, "yes", Second));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        await TagAsync(analyst, ["Other"]);

        await analyst.GetAsync("/staff/analysis");

        var rows = analyst.Page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(("2", "50%"), (rows[1][3], rows[1][4]));
        Assert.Equal(("1", "0%"), (rows[2][3], rows[2][4]));
        Assert.Equal(("0", "None"), (rows[0][3], rows[0][4]));
    }

    private static Task<string> SendAsync(PortalFactory portal, Journey journey) => portal.SendAsync(journey);

    private static Task<int> AddThemeAsync(PortalFactory portal, int question, string name) => portal.AddThemeAsync(question, name);

    private static Task<IHtmlDocument> TagAsync(Respondent analyst, IReadOnlyList<string> themes, string? note = null) => analyst.TickAndSaveAsync(themes, note);

    private static string LabelOf(IElement box) => AnalysisArrange.LabelOf(box);

    private static string SkipLink(Respondent analyst) =>
        analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Skip this comment").GetAttribute("href")!;

    private static IEnumerable<(string Key, string Value)> Summary(Respondent page) =>
        page.Page.QuerySelectorAll(".govuk-summary-list__row").Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector("dd")!.TextContent.Trim()));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
