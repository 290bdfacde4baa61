using System.Text.Json;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Each question's codebook: themes added, described, renamed, retired and restored, every change audited.</summary>
public sealed class CodebookTests
{
    [Fact]
    public async Task EveryQuestion_StartsWithOtherAndNoReasonGiven_WhichCanBeDescribedButNotRetired()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis");
        Assert.Equal(Enumerable.Repeat("2", 11), analyst.Page.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));

        await analyst.GetAsync("/staff/analysis/questions/3");
        Assert.Equal(["Other", "No reason given"], CardTitles(analyst));
        Assert.Empty(analyst.Page.QuerySelectorAll("a[href$='/retire']"));
        var other = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.QuestionNumber == 3 && t.Kind == ThemeKind.Other));
        await analyst.GetAsync($"/staff/analysis/themes/{other.Id}/retire");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, analyst.Status);
    }

    [Fact]
    public async Task AddTheme_ShowsItInTheCodebook_AndAuditsWhatWasWritten()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await AddAsync(analyst, 5, Privacy);

        Assert.Equal("/staff/analysis/questions/5", analyst.Path);
        Assert.Equal("Theme “Worried about privacy” added", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(["Worried about privacy", "Other", "No reason given"], CardTitles(analyst));
        Assert.Contains("Says who can see their details worries them", analyst.Text(".govuk-summary-card"), StringComparison.Ordinal);
        var theme = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Kind == ThemeKind.Coded));
        Assert.Equal((5, "WORRIED ABOUT PRIVACY", "the example"), (theme.QuestionNumber, theme.NormalizedName, theme.Example));
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ThemeAdded));
        Assert.Equal("Q5 theme \"Worried about privacy\"", audit.Target);
        Assert.Equal("Says who can see their details worries them", After(audit).GetProperty("Description").GetString());
    }

    [Fact]
    public async Task AddTheme_WithNoName_ShowsErrorAndKeepsText_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await AddAsync(analyst, 5, Privacy.With(("Name", "   ")));

        Assert.Equal(["Enter the theme’s name"], analyst.ErrorSummary);
        Assert.Equal("#name", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Says who can see their details worries them", analyst.Page.QuerySelector("textarea[name=Description]")!.TextContent);
        Assert.Equal(0, await CodedThemesAsync(portal));
    }

    [Fact]
    public async Task AddTheme_WhoseNameTheQuestionHasInAnotherCase_ShowsErrorAndKeepsText_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await AddAsync(analyst, 5, Privacy);

        await AddAsync(analyst, 5, Privacy.With(("Name", " worried  ABOUT privacy"), ("Description", "typed again")));

        Assert.Equal(["Q5 already has a theme called “worried ABOUT privacy”. If it is retired, restore it from the codebook"], analyst.ErrorSummary);
        Assert.Equal(" worried  ABOUT privacy", ((AngleSharp.Html.Dom.IHtmlInputElement)analyst.Page.QuerySelector("input[name=Name]")!).Value);
        Assert.Equal("typed again", analyst.Page.QuerySelector("textarea[name=Description]")!.TextContent);
        Assert.Equal(1, await CodedThemesAsync(portal));

        await AddAsync(analyst, 6, Privacy);
        Assert.Equal(2, await CodedThemesAsync(portal));
    }

    [Fact]
    public async Task AddTheme_WithTextOverItsLimit_ShowsErrorsInPageOrderAndKeepsText()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var longName = new string('n', AnalysisLimits.ThemeNameMaxLength + 1);
        var longExample = new string('e', AnalysisLimits.ThemeTextMaxLength + 1);

        await AddAsync(analyst, 5, Privacy.With(("Name", longName), ("Example", longExample)));

        Assert.Equal(["The theme’s name must be 80 characters or less", "The example must be 1,000 characters or less"], analyst.ErrorSummary);
        Assert.Equal(longExample, analyst.Page.QuerySelector("textarea[name=Example]")!.TextContent);
        Assert.Equal(0, await CodedThemesAsync(portal));
    }

    [Fact]
    public async Task ChangeTheme_RenamesAndDescribesIt_AndAuditsBeforeAndAfter()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await AddAsync(analyst, 5, Privacy);
        var id = await portal.QueryAsync(db => db.Themes.Where(t => t.Kind == ThemeKind.Coded).Select(t => t.Id).SingleAsync());

        await analyst.GetAsync($"/staff/analysis/themes/{id}");
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Name"] = "Who can see it", ["IncludeWhen"] = "They name a person or group" });

        Assert.Equal("Theme “Who can see it” saved", analyst.Text(".govuk-notification-banner__heading"));
        var theme = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Id == id));
        Assert.Equal(("Who can see it", "They name a person or group", "Says who can see their details worries them"), (theme.Name, theme.IncludeWhen, theme.Description));
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ThemeEdited));
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal("Worried about privacy", details.RootElement.GetProperty("Before").GetProperty("Name").GetString());
        Assert.Equal("Who can see it", details.RootElement.GetProperty("After").GetProperty("Name").GetString());
    }

    [Fact]
    public async Task ChangeTheme_AfterSomeoneElseChangedIt_SavesNothing_KeepsWhatWasTyped_AndASecondSaveGoesThrough()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync();
        using var second = await portal.SignedInStaffAsync();
        await AddAsync(first, 5, Privacy);
        var id = await portal.QueryAsync(db => db.Themes.Where(t => t.Kind == ThemeKind.Coded).Select(t => t.Id).SingleAsync());
        await first.GetAsync($"/staff/analysis/themes/{id}");
        await second.GetAsync($"/staff/analysis/themes/{id}");

        await second.SubmitKeepingAsync(new Dictionary<string, string> { ["Description"] = "The second analyst's words" });
        await first.SubmitKeepingAsync(new Dictionary<string, string> { ["Description"] = "The first analyst's words" });

        Assert.Equal("Someone else changed this theme while you were working on it", first.Text(".govuk-notification-banner__heading"));
        Assert.Equal("The first analyst's words", first.Page.QuerySelector("textarea[name=Description]")!.TextContent);
        Assert.Equal("The second analyst's words", await portal.QueryAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.Description).SingleAsync()));

        await first.SubmitKeepingAsync(new Dictionary<string, string>());
        Assert.Equal("The first analyst's words", await portal.QueryAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.Description).SingleAsync()));
    }

    [Fact]
    public async Task OtherAndNoReasonGiven_KeepTheirNames_WhateverIsPosted()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var other = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.QuestionNumber == 4 && t.Kind == ThemeKind.Other));

        await analyst.GetAsync($"/staff/analysis/themes/{other.Id}");
        Assert.Empty(analyst.Page.QuerySelectorAll("input[name=Name]"));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Name"] = "Renamed", ["NameFixed"] = "false", ["Description"] = "Anything else" });

        var now = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Id == other.Id));
        Assert.Equal(("Other", "Anything else"), (now.Name, now.Description));
    }

    [Fact]
    public async Task RetireTheme_TakesItOutOfUse_KeepsIt_AndRestoreBringsItBack_BothAudited()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await AddAsync(analyst, 5, Privacy);
        var id = await portal.QueryAsync(db => db.Themes.Where(t => t.Kind == ThemeKind.Coded).Select(t => t.Id).SingleAsync());

        await analyst.GetAsync($"/staff/analysis/themes/{id}/retire");
        Assert.Equal("Are you sure you want to retire “Worried about privacy”?", analyst.Text("h1"));
        await analyst.SubmitAsync();

        Assert.Equal("Theme “Worried about privacy” retired", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(["Other", "No reason given"], CardTitles(analyst));
        Assert.Equal("Worried about privacy", analyst.Text("main table tbody td"));
        Assert.NotNull(await portal.QueryAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.RetiredAt).SingleAsync()));
        await analyst.GetAsync($"/staff/analysis/themes/{id}");
        Assert.StartsWith("This theme is retired", analyst.Text(".govuk-inset-text"), StringComparison.Ordinal);

        await analyst.GetAsync("/staff/analysis/questions/5");
        await analyst.SubmitAsync();

        Assert.Equal("Theme “Worried about privacy” is in use again", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(["Worried about privacy", "Other", "No reason given"], CardTitles(analyst));
        Assert.Equal([AuditActions.ThemeAdded, AuditActions.ThemeRetired, AuditActions.ThemeRestored],
            await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("Theme")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task RetireTheme_ThatSomeoneElseChangedSinceItWasShown_IsNotRetired_AndSaysSo()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await AddAsync(analyst, 5, Privacy);
        var id = await portal.QueryAsync(db => db.Themes.Where(t => t.Kind == ThemeKind.Coded).Select(t => t.Id).SingleAsync());
        await analyst.GetAsync($"/staff/analysis/themes/{id}/retire");
        await portal.QueryAsync(db => db.Themes.Where(t => t.Id == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.ConcurrencyStamp, Guid.NewGuid())));

        await analyst.SubmitAsync();

        Assert.Equal("Someone else changed this theme while you were looking at it", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Null(await portal.QueryAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.RetiredAt).SingleAsync()));
    }

    [Fact]
    public async Task AQuestionThatIsNotInTheConsultation_HasNoCodebook()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/analysis/questions/13");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, analyst.Status);
        await analyst.GetAsync("/staff/analysis/questions/1/themes/new");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, analyst.Status);
    }

    internal static readonly Dictionary<string, string?> Privacy = new()
    {
        ["Name"] = "Worried about privacy",
        ["Description"] = "Says who can see their details worries them",
        ["IncludeWhen"] = "",
        ["ExcludeWhen"] = "",
        ["Example"] = "the example",
    };

    internal static async Task AddAsync(Respondent analyst, int question, IReadOnlyDictionary<string, string?> fields)
    {
        await analyst.GetAsync($"/staff/analysis/questions/{question}/themes/new");
        await analyst.SubmitAsync(fields);
    }

    private static List<string> CardTitles(Respondent page) =>
        [.. page.Page.QuerySelectorAll(".govuk-summary-card__title").Select(t => t.TextContent.Trim())];

    private static Task<int> CodedThemesAsync(PortalFactory portal) => portal.QueryAsync(db => db.Themes.CountAsync(t => t.Kind == ThemeKind.Coded));

    private static JsonElement After(AuditEvent audit) => JsonDocument.Parse(audit.Details!).RootElement.GetProperty("After");
}

internal static class FieldsExtensions
{
    /// <summary>The same form fields with some typed over.</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> fields, params (string Key, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string?>(fields);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }
}
