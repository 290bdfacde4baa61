using System.Text;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactPointConsultation.BrowserTests;

/// <summary>The codebook pages in Chromium: every page and error state checked with axe, with JavaScript and without.</summary>
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
}
