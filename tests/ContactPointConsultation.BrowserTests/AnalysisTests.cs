using System.Text;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactPointConsultation.BrowserTests;

/// <summary>The codebook and tagging pages in Chromium: every page and error state checked with axe, with JavaScript and without.</summary>
public sealed class AnalysisTests(BrowserPortal browser)
{
    [Fact]
    public async Task Codebook_AddRetireAndUpload_AreAccessible_InEveryState()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());

        await analyst.ClickToAsync("nav a:has-text('Analysis')", "**/staff/analysis");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickToAsync("a:has-text('Q3')", "**/staff/analysis/questions/3");
        await analyst.AssertAccessibleAsync();

        await analyst.ClickToAsync("a:has-text('Add a theme')", "**/questions/3/themes/new");
        await analyst.FillAsync("#description", "Says who can see their details worries them");
        await analyst.ContinueAsync();
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("Enter the theme’s name", (await analyst.TextContentAsync(".govuk-error-summary__list a"))!.Trim());
        Assert.Equal("Says who can see their details worries them", await analyst.InputValueAsync("#description"));
        await analyst.AssertAccessibleAsync();
        await analyst.FillAsync("#name", "Worried about privacy");
        await analyst.ContinueToAsync("**/staff/analysis/questions/3");
        Assert.Equal("Theme “Worried about privacy” added", (await analyst.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        await analyst.AssertAccessibleAsync();

        await analyst.ClickToAsync("a:has-text('Retire')", "**/retire");
        await analyst.AssertAccessibleAsync();
        await analyst.ContinueToAsync("**/staff/analysis/questions/3");
        Assert.Equal(1, await analyst.Locator("main table tbody tr").CountAsync());
        await analyst.AssertAccessibleAsync();

        await analyst.GotoAsync("/staff/analysis/codebook/import");
        await analyst.AssertAccessibleAsync();
        await analyst.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "codebook.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("question,theme,description,include,exclude,example\r\nQ1,Wrong question,,,,\r\n"),
        });
        await analyst.ContinueAsync();
        await analyst.WaitForSelectorAsync("#problems");
        Assert.Equal("The file has a problem, listed below. Nothing was imported. Fix it and upload the file again", (await analyst.TextContentAsync(".govuk-error-summary__list a"))!.Trim());
        await analyst.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Codebook_WithoutJavaScript_AddsATheme_UsingTheKeyboardAlone()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var analyst = await browser.NewPageAsync(javaScript: false, baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync("/staff/analysis/questions/4");

        await analyst.TabToAsync("a.govuk-button");
        await analyst.PressAndWaitForAsync("Enter", "**/questions/4/themes/new");
        await analyst.TabToAsync("#name");
        await analyst.Keyboard.TypeAsync("Fair to everyone");
        await analyst.TabToAsync("main button.govuk-button");
        await analyst.PressAndWaitForAsync("Enter", "**/staff/analysis/questions/4");

        Assert.Equal("Fair to everyone", (await analyst.Locator(".govuk-summary-card__title").First.TextContentAsync())!.Trim());
    }

    [Fact]
    public async Task Tagging_TheQueueItsErrorsTheNextCommentAndTheThemeResults_AreAccessible()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        await SendCommentsAsync(portal, 5, "Only the police should see it", "I dont mind if it keeps kids safe");
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());

        await analyst.GotoAsync("/staff/analysis");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickToAsync("a[href='/staff/analysis/questions/5/tag']", "**/questions/5/tag");
        await analyst.AssertAccessibleAsync();

        await analyst.ContinueAsync();
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("Select at least one theme. If none fits, select Other", (await analyst.TextContentAsync(".govuk-error-summary__list a"))!.Trim());
        await analyst.AssertAccessibleAsync();

        await analyst.CheckAsync("input[name=Themes] >> nth=0");
        await analyst.ContinueAsync();
        await analyst.WaitForSelectorAsync("#comment:has-text('I dont mind if it keeps kids safe')");
        await analyst.AssertAccessibleAsync();

        await analyst.ClickToAsync("a:has-text('the theme results')", "**/questions/5/results");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickToAsync("a:has-text('See the comment with')", "**/comments");
        await analyst.AssertAccessibleAsync();

        // One theme's comments: the results filtered by the theme just ticked, then the queue through them.
        await analyst.GotoAsync("/staff/analysis/questions/5/results");
        await analyst.ClickAsync("summary:has-text('Filter the results')");
        await analyst.SelectOptionAsync("select[name=Theme]", new SelectOptionValue { Index = 1 });
        await analyst.ClickToAsync("button:has-text('Apply filters')", "**/results?*Theme=*");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickToAsync("#progress a:has-text('Tag comments')", "**/tag?*Theme=*");
        Assert.StartsWith("Comments tagged “", (await analyst.TextContentAsync("h1"))!.Trim(), StringComparison.Ordinal);
        Assert.Equal("Only the police should see it", (await analyst.TextContentAsync("#comment"))!.Trim());
        await analyst.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Tagging_WithoutJavaScript_TagsAndMovesOn_UsingTheKeyboardAlone()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        await SendCommentsAsync(portal, 5, "Only the police should see it", "I dont mind if it keeps kids safe");
        var analyst = await browser.NewPageAsync(javaScript: false, baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync("/staff/analysis");

        await analyst.TabToAsync("a[href='/staff/analysis/questions/5/tag']");
        await analyst.PressAndWaitForAsync("Enter", "**/questions/5/tag");
        Assert.Equal("Only the police should see it", (await analyst.TextContentAsync("#comment"))!.Trim());
        await analyst.TabToAsync("input[name=Themes]");
        await analyst.Keyboard.PressAsync("Space");
        await analyst.TabToAsync("#note");
        await analyst.Keyboard.TypeAsync("Names the police");
        await analyst.TabToAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.Keyboard.PressAsync("Enter");
        await analyst.WaitForSelectorAsync("#comment:has-text('I dont mind if it keeps kids safe')");
        Assert.StartsWith("Tags saved for response", (await analyst.TextContentAsync(".govuk-notification-banner__heading"))!.Trim(), StringComparison.Ordinal);
        Assert.Contains("1 of 2 comments tagged (50%)", await analyst.TextContentAsync("#progress"), StringComparison.Ordinal);

        await analyst.TabToAsync("main a[href*='after=']");
        await analyst.PressAndWaitForAsync("Enter", "**after=*");
        Assert.Equal("I dont mind if it keeps kids safe", (await analyst.TextContentAsync("#comment"))!.Trim());
        Assert.Equal("Names the police", (await portal.QueryAsync(db => db.CommentNotes.Select(n => n.Text).SingleAsync())));

        // Back through the comments of the theme just ticked: the filter opened, the theme chosen and applied by keyboard.
        await analyst.TabToAsync("summary.govuk-details__summary");
        await analyst.Keyboard.PressAsync("Enter");
        await analyst.TabToAsync("select[name=Theme]");
        await analyst.Keyboard.PressAsync("ArrowDown");
        await analyst.TabToAsync("button.govuk-button--secondary");
        await analyst.PressAndWaitForAsync("Enter", "**Theme=*");
        Assert.StartsWith("Comments tagged “", (await analyst.TextContentAsync("h1"))!.Trim(), StringComparison.Ordinal);
        Assert.Equal("Only the police should see it", (await analyst.TextContentAsync("#comment"))!.Trim());
    }

    [Fact]
    public async Task DoubleCodingAndSuggestions_AreAccessible_InEveryState()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        await SendCommentsAsync(portal, 5, "Only the police should see it", "can my parents see it", "will parents see my record", "parents should see the record");
        await TagEveryCommentAsync(portal, 5, "first@example.gov.uk");
        await portal.RunSuggestionsAsync();
        var admin = await browser.NewPageAsync(baseUrl: baseUrl);
        await admin.SignInAsync(await portal.CreateStaffAsync(Core.Staff.StaffRoles.Admin));

        await admin.GotoAsync("/staff/analysis/questions/5/agreement");
        await admin.AssertAccessibleAsync();
        await admin.FillAsync("#percent", "ten");
        await admin.ContinueAsync();
        await admin.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("ten", await admin.InputValueAsync("#percent"));
        await admin.AssertAccessibleAsync();
        await admin.FillAsync("#percent", "100");
        await admin.ContinueToAsync("**/questions/5/agreement");

        var second = await browser.NewPageAsync(baseUrl: baseUrl);
        await second.SignInAsync(await portal.CreateStaffAsync());
        await second.GotoAsync("/staff/analysis/questions/5/second-coding");
        await second.AssertAccessibleAsync();
        await second.ContinueAsync();
        await second.WaitForSelectorAsync(".govuk-error-summary");
        await second.AssertAccessibleAsync();
        await second.CheckAsync("input[name=Themes] >> nth=-1");
        await second.ContinueToAsync("**/questions/5/second-coding");
        await second.AssertAccessibleAsync();

        await admin.GotoAsync("/staff/analysis/questions/5/agreement");
        await admin.WaitForSelectorAsync(".govuk-summary-card");
        await admin.AssertAccessibleAsync();
        await admin.GotoAsync("/staff/analysis/questions/5/suggestions");
        await admin.WaitForSelectorAsync("#score");
        await admin.AssertAccessibleAsync();
        await admin.GotoAsync("/staff/analysis/questions/5/comments/" + await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).FirstAsync()));
        await admin.WaitForSelectorAsync("#suggestions");
        await admin.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SecondCoding_WithoutJavaScript_CodesAComment_UsingTheKeyboardAlone()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        await SendCommentsAsync(portal, 5, "Only the police should see it");
        await TagEveryCommentAsync(portal, 5, "first@example.gov.uk");
        var admin = await browser.NewPageAsync(javaScript: false, baseUrl: baseUrl);
        await admin.SignInAsync(await portal.CreateStaffAsync(Core.Staff.StaffRoles.Admin));
        await admin.GotoAsync("/staff/analysis/questions/5/agreement");
        await admin.TabToAsync("#percent");
        await admin.Keyboard.TypeAsync("100");
        await admin.TabToAsync("main button.govuk-button");

        // The form posts elsewhere and comes back to the same address: wait for the page it comes back to.
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync(".govuk-notification-banner:has-text('Sample drawn')");

        await admin.TabToAsync("main a.govuk-button");
        await admin.PressAndWaitForAsync("Enter", "**/questions/5/second-coding");
        Assert.Equal("Only the police should see it", (await admin.TextContentAsync("#comment"))!.Trim());
        await admin.TabToAsync("input[name=Themes]");
        await admin.Keyboard.PressAsync("Space");
        await admin.TabToAsync("main button.govuk-button");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync(".govuk-notification-banner");

        Assert.Equal("Coding saved", (await admin.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        Assert.Equal(1, await portal.QueryAsync(db => db.CodingSampleTags.CountAsync(t => t.Round == Core.Analysis.CodingRound.Second)));
    }

    /// <summary>Tags each comment on the question "Other", as another analyst would have on the tagging page.</summary>
    private static Task<int> TagEveryCommentAsync(KestrelPortal portal, int question, string by) =>
        portal.QueryAsync(async db =>
        {
            var other = await db.Themes.Where(t => t.QuestionNumber == question && t.Kind == Core.Analysis.ThemeKind.Other).Select(t => t.Id).SingleAsync();
            var answers = db.ResponseAnswers.Where(a => a.QuestionNumber == question && a.Comments != null);
            var comments = await answers.Select(a => a.ResponseId).ToListAsync();

            // With the analysis tallies changed by the tags, as every change to tags changes them.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await Core.Analysis.AnalysisTallies.ChangeAsync(db, answers, () =>
            {
                db.CommentTags.AddRange(comments.Select(id => new Core.Analysis.CommentTag { ResponseId = id, QuestionNumber = question, ThemeId = other, TaggedAt = DateTime.UtcNow, TaggedBy = by }));
                return db.SaveChangesAsync();
            });
            await transaction.CommitAsync();
            return saved;
        });

    private static async Task SendCommentsAsync(KestrelPortal portal, int question, params string[] comments)
    {
        foreach (var comment in comments)
        {
            using var respondent = portal.CreateRespondent();
            await respondent.SendAsync(Journey.Empty().Answer(question, "no", comment));
        }
    }
}
