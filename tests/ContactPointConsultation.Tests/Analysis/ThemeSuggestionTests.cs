using System.Globalization;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Theme suggestions: made in the background, stored apart, shown but never ticked, compared with what people confirm, and the groups of comments that fit no theme.</summary>
public sealed class ThemeSuggestionTests
{
    private const string Hacking = "what if someone hacks in and steals everyones address";

    [Fact]
    public async Task SuggestionsJob_SuggestsThemesForSentComments_ShownOnTheTaggingPage_NeverTicked()
    {
        await using var portal = new PortalFactory();
        await AddThemeAsync(portal, 3, "Hacking and security", "Worry that people could break in and steal or leak records", "what if hackers get in");
        await AddThemeAsync(portal, 3, "Who can see the record", "Which workers are allowed to look at a child's record", "can teachers see it");
        await portal.SendAsync(Journey.Empty().Answer(3, "no", Hacking));

        Assert.Equal(1, await portal.RunSuggestionsAsync());

        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/tag");
        Assert.Contains("Best fit: Hacking and security", analyst.Text("#suggestions"), StringComparison.Ordinal);
        Assert.Empty(analyst.Page.QuerySelectorAll(".govuk-checkboxes__input:checked"));
        Assert.Equal(0, await portal.QueryAsync(db => db.CommentTags.CountAsync()));
        var stored = await portal.QueryAsync(db => db.ThemeSuggestions.OrderBy(s => s.Rank).ToListAsync());
        Assert.Equal([1, 2, 3], stored.Select(s => s.Rank));
        Assert.True(stored[0].Suggested);
    }

    [Fact]
    public async Task SuggestionsJob_IsIdempotent_AndDoesEveryCommentAgainWhenTheCodebookChanges()
    {
        await using var portal = new PortalFactory();
        await portal.SendAsync(Journey.Empty().Answer(3, "no", Hacking).Answer(4, "yes", "it explains complaints fine"));
        await portal.SendAsync(Journey.Empty().Answer(3, "yes", "idk"));

        Assert.Equal(3, await portal.RunSuggestionsAsync());
        var first = await portal.QueryAsync(db => db.ThemeSuggestions.CountAsync());
        Assert.Equal(0, await portal.RunSuggestionsAsync());

        await AddThemeAsync(portal, 3, "Hacking and security", "Worry that people could break in and steal records", "");

        Assert.Equal(2, await portal.RunSuggestionsAsync());
        Assert.Equal(0, await portal.RunSuggestionsAsync());
        Assert.Equal(3, await portal.QueryAsync(db => db.SuggestedComments.CountAsync()));
        // Each of the two Q3 comments now ranks two themes, where it ranked one.
        Assert.Equal(first + 2, await portal.QueryAsync(db => db.ThemeSuggestions.CountAsync()));
    }

    [Fact]
    public async Task SuggestionsJob_NeverReadsAWithheldComment()
    {
        await using var portal = new PortalFactory();
        await portal.SendAsync(Journey.Empty().Answer(3, "no", SafeguardingReviewTests.Disclosure));
        await portal.SendAsync(Journey.Empty().Answer(3, "no", Hacking));

        Assert.Equal(1, await portal.RunSuggestionsAsync());

        var withheld = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.ResponseId).SingleAsync());
        Assert.False(await portal.QueryAsync(db => db.SuggestedComments.AnyAsync(s => s.ResponseId == withheld)));
    }

    [Fact]
    public async Task SuggestionsPage_ComparesTheSuggestionsWithWhatAnalystsConfirmed()
    {
        await using var portal = new PortalFactory();
        var hacking = await AddThemeAsync(portal, 3, "Hacking and security", "Worry that people could break in and steal or leak records", "what if hackers get in");
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no", Hacking));
        await portal.RunSuggestionsAsync();
        Assert.Equal(hacking, await portal.QueryAsync(db => db.ThemeSuggestions.Where(s => s.Suggested).Select(s => s.ThemeId).SingleAsync()));
        await portal.TagAsync(reference, 3, hacking);
        await portal.TagAsync(reference, 3, await portal.FixedThemeAsync(3, ThemeKind.Other));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/3/suggestions");

        Assert.Equal("Suggestions made for 1 of 1 comment.", analyst.Text("#progress"));
        Assert.Equal(
            ["Precision: 100%: of 1 themes suggested, analysts ticked 1", "Recall: 50%: of 2 themes analysts ticked, 1 had been suggested", "F1: 0.67"],
            analyst.Page.QuerySelectorAll("#score .govuk-summary-list__row").Select(r => r.QuerySelector("dt")!.TextContent.Trim() + ": " + r.QuerySelector("dd")!.TextContent.Trim()));
    }

    [Fact]
    public async Task PossibleThemes_GroupTheCommentsTaggedOther_ByTheirWords_WithThreeTypicalComments_AndNoName()
    {
        await using var portal = new PortalFactory();
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        string[] comments =
        [
            "will my mum and dad be able to see my record", "can parents see the record", "my parents should see my record",
            "parents need to see what the record says", "do my parents get to see the record",
            "the bus to school is always late", "we need a better school bus", "the bus is too full",
        ];
        foreach (var comment in comments)
        {
            await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "no", comment)), 3, other);
        }

        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/suggestions");

        var groups = analyst.Page.QuerySelectorAll(".govuk-summary-card");
        Assert.Equal(2, groups.Length);
        Assert.Equal("Group 1: 5 comments", groups[0].QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("parent", groups[0].QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, groups[0].QuerySelectorAll("li").Length);
        Assert.All(groups[0].QuerySelectorAll("li .app-preserve-lines"), li => Assert.Contains("parent", li.TextContent, StringComparison.Ordinal));
        Assert.Equal("Group 2: 3 comments", groups[1].QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("bus", groups[1].QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobLease_IsHeldByOneNodeAtATime_AndPassesOnWhenItRunsOut()
    {
        await using var portal = new PortalFactory();
        var now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        var hold = TimeSpan.FromMinutes(2);
        Task<bool> TakeAsync(string node, DateTime at) => portal.QueryAsync(db => JobLease.TryTakeAsync(db, "job", node, at, hold));

        var both = await Task.WhenAll(TakeAsync("a", now), TakeAsync("b", now));
        Assert.Equal(1, both.Count(taken => taken));
        var holder = both[0] ? "a" : "b";
        var other = both[0] ? "b" : "a";

        Assert.True(await TakeAsync(holder, now.AddMinutes(1)));
        Assert.False(await TakeAsync(other, now.AddMinutes(2)));
        Assert.True(await TakeAsync(other, now.AddMinutes(3).AddSeconds(1)));
        Assert.False(await TakeAsync(holder, now.AddMinutes(4)));
    }

    [Fact]
    public async Task SentenceModel_LoadsOnFirstUse_AndLetsGoWhenIdle()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var model = new SentenceModel(clock);
        Assert.False(model.IsLoaded);

        var vectors = await model.EncodeAsync(["hello", "hello there"], TestContext.Current.CancellationToken);

        Assert.True(model.IsLoaded);
        Assert.Equal([384, 384], vectors.Select(v => v.Length));
        Assert.Equal(1.0, vectors[0].Sum(x => (double)x * x), 3);
        clock.Advance(SentenceModel.IdleAfter / 2);
        Assert.True(model.IsLoaded);
        clock.Advance(SentenceModel.IdleAfter);
        Assert.False(model.IsLoaded);
    }

    [Fact]
    public async Task SentenceModel_StoppedWhileEncoding_EndsAsACancellation_NotAFailure()
    {
        // The portal stopping mid-batch: the job's round ends cancelled, and no error is logged for it.
        using var model = new SentenceModel(TimeProvider.System);
        await model.EncodeAsync(["loaded first, so the stop comes while encoding"], TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var texts = Enumerable.Range(0, 2_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"Comment {i}: ") + string.Concat(Enumerable.Repeat("I think the index should tell me who looked at my record. ", 8))).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.EncodeAsync(texts, stop.Token));
    }

    private static async Task<int> AddThemeAsync(PortalFactory portal, int question, string name, string description, string example)
    {
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/staff/analysis/questions/{question}/themes/new"));
        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Name"] = name, ["Description"] = description, ["Example"] = example });
        return await portal.QueryAsync(db => db.Themes.Where(t => t.QuestionNumber == question && t.Name == name).Select(t => t.Id).SingleAsync());
    }
}
