using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Two people coding the same comments: a random sample, a blind second coding, the agreement between the two, and settling where they differ.</summary>
public sealed class DoubleCodingTests
{
    [Fact]
    public void Kappa_OfATwoByTwoTable_IsCohens_AndNullWhereChanceExplainsEverything()
    {
        // 10 comments: both chose the theme on 4, neither on 4, and each alone on 1. Observed agreement 0.8;
        // each chose it on half, so chance agreement is 0.5, and kappa is (0.8 - 0.5) / (1 - 0.5) = 0.6.
        Assert.Equal(0.6, Agreement.Kappa(4, 1, 1, 4)!.Value, 10);

        // Kappa is negative where they agree less than chance would: never on the same comment.
        Assert.Equal(-1.0, Agreement.Kappa(0, 5, 5, 0)!.Value, 10);

        // Both chose it on every comment: all the agreement is chance's, and kappa has no value.
        Assert.Null(Agreement.Kappa(6, 0, 0, 0));
        Assert.Null(Agreement.Kappa(0, 0, 0, 0));
        Assert.Equal("Moderate", Agreement.Strength(0.6));
        Assert.Equal("Poor", Agreement.Strength(-1));
    }

    [Fact]
    public void Agreement_PerThemeAndPooledOverall_CountsOnlyThemesEitherUsed()
    {
        HashSet<int> Set(params int[] themes) => [.. themes];
        var agreement = Agreement.Of([
            new(Set(1), Set(1)),
            new(Set(1, 2), Set(1)),
            new(Set(2), Set(3)),
            new(Set(1), Set(1)),
        ]);

        Assert.Equal([1, 2, 3], agreement.Themes.Select(t => t.ThemeId));
        Assert.Equal((3, 0, 0, 1), Counts(agreement.Themes[0]));
        Assert.Equal((0, 2, 0, 2), Counts(agreement.Themes[1]));
        Assert.Equal((0, 0, 1, 3), Counts(agreement.Themes[2]));
        Assert.Equal((3, 2, 1, 6), Counts(agreement.Overall));
        Assert.Equal(75.0, agreement.Overall.Percent!.Value, 10);
        Assert.Equal(2, agreement.Identical);

        // Pooled: observed 9/12; chance ((5 x 4) + (7 x 8)) / 144 = 76/144; kappa = (108 - 76) / (144 - 76).
        Assert.Equal(32.0 / 68, agreement.Overall.Kappa!.Value, 10);
    }

    [Fact]
    public async Task DrawSample_AsAdmin_TakesTheShareOfTaggedCommentsAtRandom_AndCopiesTheirFirstCoding()
    {
        await using var portal = new PortalFactory();
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        var references = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            references.Add(await portal.SendAsync(Journey.Empty().Answer(3, "no", $"comment {i}")));
        }

        foreach (var reference in references.Take(9))
        {
            await portal.TagAsync(reference, 3, other, "first@example.gov.uk");
        }

        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/staff/analysis/questions/3/agreement");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = "30%" });

        Assert.Equal("/staff/analysis/questions/3/agreement", admin.Path);
        Assert.Equal("Sample drawn. A second analyst can now code it", admin.Text(".govuk-notification-banner__heading"));
        var items = await portal.QueryAsync(db => db.CodingSampleItems.Join(db.Responses, i => i.ResponseId, r => r.Id, (i, r) => r.Reference).ToListAsync());

        // 30% of the 9 tagged comments, rounded up; never the untagged one.
        Assert.Equal(3, items.Count);
        Assert.All(items, reference => Assert.Contains(reference, references.Take(9)));
        var copied = await portal.QueryAsync(db => db.CodingSampleTags.ToListAsync());
        Assert.Equal(3, copied.Count);
        Assert.All(copied, t => Assert.Equal((CodingRound.First, other, "first@example.gov.uk"), (t.Round, t.ThemeId, t.CodedBy)));
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.CodingSampleDrawn));
        Assert.Equal("Q3", audit.Target);
        Assert.Equal(3, JsonDocument.Parse(audit.Details!).RootElement.GetProperty("Comments").GetInt32());
        Assert.Contains("3 comments, of which 0 coded a second time", admin.Text("#progress"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the percentage of tagged comments to code again")]
    [InlineData("ten", "Percentage must be a whole number, like 10")]
    [InlineData("0", "Percentage must be between 1 and 100")]
    [InlineData("101", "Percentage must be between 1 and 100")]
    public async Task DrawSample_WithABadPercentage_ShowsErrorAndKeepsWhatWasTyped_AndDrawsNothing(string typed, string error)
    {
        await using var portal = new PortalFactory();
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no", "a comment"));
        await portal.TagAsync(reference, 3, await portal.FixedThemeAsync(3, ThemeKind.Other));
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/staff/analysis/questions/3/agreement");

        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = typed });

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal([error], admin.ErrorSummary);
        Assert.Equal(typed, admin.Page.QuerySelector<IHtmlInputElement>("input[name=Percent]")!.Value);
        Assert.Equal(0, await portal.QueryAsync(db => db.CodingSamples.CountAsync()));
    }

    [Fact]
    public async Task DrawSample_WithNothingTagged_SaysSo()
    {
        await using var portal = new PortalFactory();
        await portal.SendAsync(Journey.Empty().Answer(3, "no", "a comment"));
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/staff/analysis/questions/3/agreement");

        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = "10" });

        Assert.Equal(["There are no tagged comments to sample yet. Tag some comments first"], admin.ErrorSummary);
        Assert.Equal(0, await portal.QueryAsync(db => db.CodingSamples.CountAsync()));
    }

    [Fact]
    public async Task DrawSample_IsForAdmins_NotAnalysts()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/questions/3/agreement");
        Assert.Null(analyst.Page.QuerySelector("input[name=Percent]"));

        await analyst.PostAsync("/admin/analysis/questions/3/coding-samples", [new("__RequestVerificationToken", analyst.AntiforgeryToken), new("Percent", "10")]);

        Assert.Equal(HttpStatusCode.Forbidden, analyst.Status);
        Assert.Equal(0, await portal.QueryAsync(db => db.CodingSamples.CountAsync()));
    }

    [Fact]
    public async Task SecondCoding_IsBlind_NeverOfferedToTheFirstCoder_AndKeptApartFromTheTags()
    {
        await using var portal = new PortalFactory();
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no", "Only the police should see it"));
        var privacy = await portal.AddThemeAsync(3, "Who can see it");
        var firstAccount = await portal.CreateStaffAsync(StaffRoles.Analyst);
        using var first = portal.CreateRespondent();
        await first.SignInAsync(firstAccount);
        await first.GetAsync("/staff/analysis/questions/3/tag");
        await first.TickAndSaveAsync(["Who can see it"], "The first analyst's reasoning");
        await DrawAsync(portal, 3, 100);

        await first.GetAsync("/staff/analysis/questions/3/second-coding");
        Assert.Equal("No comments for you to code", first.Text("main h2.govuk-heading-m"));

        using var second = await portal.SignedInStaffAsync();
        await second.GetAsync("/staff/analysis/questions/3/second-coding");
        Assert.Equal("Only the police should see it", second.Text("#comment"));
        Assert.Empty(second.Page.QuerySelectorAll(".govuk-checkboxes__input:checked"));
        Assert.DoesNotContain("The first analyst's reasoning", second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(firstAccount.Email, second.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0 of 1 sampled comment coded a second time", second.Text("#progress"), StringComparison.Ordinal);

        await second.TickAndSaveAsync(["Other"]);

        Assert.Equal("Coding saved", second.Text(".govuk-notification-banner__heading"));
        Assert.Equal("No comments for you to code", second.Text("main h2.govuk-heading-m"));
        var tags = await portal.QueryAsync(db => db.CommentTags.Select(t => t.ThemeId).ToListAsync());
        Assert.Equal([privacy], tags);
        var secondCoding = await portal.QueryAsync(db => db.CodingSampleTags.Where(t => t.Round == CodingRound.Second).SingleAsync());
        Assert.Equal(await portal.FixedThemeAsync(3, ThemeKind.Other), secondCoding.ThemeId);
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.CommentSecondCoded && e.Target == $"{reference} Q3")));
    }

    [Fact]
    public async Task SecondCoding_WithNoThemeTicked_ShowsErrorAndStoresNothing()
    {
        await using var portal = new PortalFactory();
        await SampledCommentAsync(portal, "a comment");
        using var second = await portal.SignedInStaffAsync();
        await second.GetAsync("/staff/analysis/questions/3/second-coding");

        await second.TickAndSaveAsync([]);

        Assert.Equal(["Select at least one theme. If none fits, select Other"], second.ErrorSummary);
        Assert.Equal("a comment", second.Text("#comment"));
        Assert.Equal(0, await portal.QueryAsync(db => db.CodingSampleTags.CountAsync(t => t.Round == CodingRound.Second)));
    }

    [Fact]
    public async Task SecondCoding_AfterTheCommentWasFlagged_SaysSo_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        var reference = await SampledCommentAsync(portal, "a comment");
        using var second = await portal.SignedInStaffAsync();
        await second.GetAsync("/staff/analysis/questions/3/second-coding");
        using var colleague = await portal.SignedInStaffAsync();
        await colleague.GetAsync($"/staff/responses/{reference}/questions/3/flag");
        await colleague.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "Sounds worried about home" });

        await second.TickAndSaveAsync(["Other"]);

        Assert.Equal(["This comment has just been withdrawn or withheld for safeguarding review. Your coding was not saved"], second.ErrorSummary);
        Assert.DoesNotContain("a comment", second.Text("main"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.CodingSampleTags.CountAsync(t => t.Round == CodingRound.Second)));
    }

    [Fact]
    public async Task TwoAnalystsSecondCodingTheSameCommentAtOnce_OneWins_AndTheOtherIsTold()
    {
        await using var portal = new PortalFactory();
        await SampledCommentAsync(portal, "a comment");
        using var one = await portal.SignedInStaffAsync();
        using var two = await portal.SignedInStaffAsync();
        await one.GetAsync("/staff/analysis/questions/3/second-coding");
        await two.GetAsync("/staff/analysis/questions/3/second-coding");

        await Task.WhenAll(one.TickAndSaveAsync(["Other"]), two.TickAndSaveAsync(["No reason given"]));

        var told = new[] { one, two }.Count(a => a.ErrorSummary.SequenceEqual(["Another analyst has just coded this comment. Your coding was not saved"]));
        var saved = new[] { one, two }.Count(a => a.Path == "/staff/analysis/questions/3/second-coding" && a.ErrorSummary.Count == 0);
        Assert.Equal((1, 1), (told, saved));
        Assert.Equal(1, await portal.QueryAsync(db => db.CodingSampleTags.CountAsync(t => t.Round == CodingRound.Second)));
    }

    [Fact]
    public async Task Agreement_ShowsPercentAndKappaByThemeAndOverall_AndTheDisagreementsToSettle()
    {
        await using var portal = new PortalFactory();
        var privacy = await portal.AddThemeAsync(3, "Who can see it");
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        (string Comment, int First)[] coded = [("see it 1", privacy), ("see it 2", privacy), ("something else", other), ("see it 3", privacy)];
        foreach (var (comment, theme) in coded)
        {
            await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "no", comment)), 3, theme, "first@example.gov.uk");
        }

        await DrawAsync(portal, 3, 100);
        var account = await portal.CreateStaffAsync(StaffRoles.Analyst);
        using var second = portal.CreateRespondent();
        await second.SignInAsync(account);

        // The second analyst agrees on three, and codes "see it 3" as Other.
        for (var i = 0; i < 4; i++)
        {
            await second.GetAsync("/staff/analysis/questions/3/second-coding");
            await second.TickAndSaveAsync([second.Text("#comment") is "see it 3" or "something else" ? "Other" : "Who can see it"]);
        }

        await second.GetAsync("/staff/analysis/questions/3/agreement");
        var rows = second.Page.QuerySelectorAll("#agreement tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();

        // Who can see it: both 2, first only 1, neither 1: observed 3/4, chance (3x2 + 1x2)/16 = 0.5, kappa 0.5.
        // Other: both 1, second only 1, neither 2: the same table turned round, kappa 0.5. Pooled: 6 of 8, kappa 0.5.
        Assert.Equal(
        [
            "Who can see it | 2 | 1 | 0 | 75% | 0.50 Moderate",
            "Other | 1 | 0 | 1 | 75% | 0.50 Moderate",
            "All themes | 3 | 1 | 1 | 75% | 0.50 Moderate",
        ], rows);
        Assert.Contains("same themes on 3 of 4 comments", second.Text("main"), StringComparison.Ordinal);
        var card = second.Page.QuerySelector(".govuk-summary-card")!;
        Assert.Contains("see it 3", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["First coding (first@example.gov.uk): Who can see it", "Second coding (" + account.Email + "): Other"],
            card.QuerySelectorAll(".govuk-summary-list__row").Skip(1).Select(r => r.QuerySelector("dt")!.TextContent.Trim() + ": " + r.QuerySelector("dd")!.TextContent.Trim()));

        await second.SubmitAsync();

        Assert.Equal("Disagreement marked as settled", second.Text(".govuk-notification-banner__heading"));
        Assert.Empty(second.Page.QuerySelectorAll(".govuk-summary-card"));
        Assert.Contains("None: the one disagreement has been settled", second.Text("main"), StringComparison.Ordinal);
        Assert.Equal("0.50 Moderate", second.Page.QuerySelectorAll("#agreement tbody tr")[^1].Children[^1].TextContent.Trim());
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.DisagreementSettled)));
    }

    [Fact]
    public async Task Agreement_NeverShowsAWithheldComment_OrCountsIt()
    {
        await using var portal = new PortalFactory();
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(3, "no", "a comment")), 3, other, "first@example.gov.uk");
        await DrawAsync(portal, 3, 100);
        using var second = await portal.SignedInStaffAsync();
        await second.GetAsync("/staff/analysis/questions/3/second-coding");
        await second.TickAndSaveAsync(["No reason given"]);

        await portal.SendAsync(Journey.Empty().Answer(3, "no", SafeguardingReviewTests.Disclosure));
        await second.GetAsync("/staff/analysis/questions/3/agreement");
        Assert.Contains("a comment", second.Text(".govuk-summary-card"), StringComparison.Ordinal);

        var reference = await portal.QueryAsync(db => db.Responses.Where(r => r.Answers.Any(a => a.Comments == "a comment")).Select(r => r.Reference).SingleAsync());
        using var colleague = await portal.SignedInStaffAsync();
        await colleague.GetAsync($"/staff/responses/{reference}/questions/3/flag");
        await colleague.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "Sounds worried about home" });

        await second.GetAsync("/staff/analysis/questions/3/agreement");
        Assert.DoesNotContain("a comment", second.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(SafeguardingReviewTests.Disclosure, second.Html, StringComparison.Ordinal);
        Assert.Contains("No comment has been coded twice yet", second.Text("main"), StringComparison.Ordinal);
    }

    /// <summary>A comment on Q3, tagged Other by another analyst, and a sample of all Q3's tagged comments.</summary>
    private static async Task<string> SampledCommentAsync(PortalFactory portal, string comment)
    {
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no", comment));
        await portal.TagAsync(reference, 3, await portal.FixedThemeAsync(3, ThemeKind.Other), "first@example.gov.uk");
        await DrawAsync(portal, 3, 100);
        return reference;
    }

    private static (int, int, int, int) Counts(ThemeAgreement theme) => (theme.Both, theme.FirstOnly, theme.SecondOnly, theme.Neither);

    private static async Task DrawAsync(PortalFactory portal, int question, int percent)
    {
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync($"/staff/analysis/questions/{question}/agreement");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = percent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(1, await portal.QueryAsync(db => db.CodingSamples.CountAsync()));
    }
}
