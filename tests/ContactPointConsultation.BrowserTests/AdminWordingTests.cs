using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.BrowserTests;

/// <summary>Each test has its own portal: making wording live would change what every other test's respondents read.</summary>
public sealed class AdminWordingTests(BrowserPortal browser)
{
    private const string HardMeaning = "mandated: Established, regulated or required by legislation enacted by Parliament.";

    private const string NewHelp = "ContactPoint is a list of every child in England. It helps the adults who work with you to find each other.";

    [Fact]
    public async Task Admin_RewordsQ5sHelpPanel_PreviewsIt_MakesItLive_AndARespondentSeesIt()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Admin));

        await page.ClickToAsync("nav >> text=Wording", "**/admin/wording");
        await page.AssertAccessibleAsync();
        await page.ClickToAsync("a[href='/admin/wording/edit/q5']", "**/admin/wording/edit/q5");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#help-text", NewHelp);
        await page.ContinueToAsync("**/admin/wording");
        Assert.Equal("Q5 saved in draft version 2", (await page.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        await page.AssertAccessibleAsync();

        await page.ClickToAsync("text=Preview the draft", "**/");
        await page.GotoAsync("/questions/5");
        Assert.Equal(NewHelp, (await page.TextContentAsync(".app-help-panel"))!.Trim());
        Assert.Contains("Preview of draft version 2", await page.TextContentAsync(".app-preview-banner"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ClickToAsync("text=Stop previewing", "**/admin/wording");

        await page.GotoAsync("/admin/wording/publish");
        Assert.Contains("list of every child in England", string.Concat(await page.Locator("ins").AllTextContentsAsync()), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.ContinueToAsync("**/admin/wording");
        Assert.StartsWith("Version 2 is now live", (await page.TextContentAsync(".govuk-notification-banner__heading"))!.Trim(), StringComparison.Ordinal);

        var respondent = await browser.NewPageAsync(baseUrl: baseUrl);
        await respondent.GotoAsync("/questions/5");
        Assert.Equal(NewHelp, (await respondent.TextContentAsync(".app-help-panel"))!.Trim());
        Assert.Equal(0, await respondent.Locator(".app-preview-banner").CountAsync());
    }

    [Fact]
    public async Task EveryAdminWordingPage_InEveryState_IsAccessible()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var admin = await portal.CreateStaffAsync(StaffRoles.Admin);
        var first = await browser.NewPageAsync(baseUrl: baseUrl);
        var second = await browser.NewPageAsync(baseUrl: baseUrl, width: 320);
        await first.SignInAsync(admin);
        await second.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Admin));

        await first.GotoAsync("/admin/wording/edit/details");
        await first.FillAsync("#consultation-name", "");
        await first.FillAsync("#closes-at", "31");
        await first.FillAsync("#closes-at-month", "2");
        await first.ContinueAsync();
        await first.WaitForSelectorAsync(".govuk-error-summary");
        await first.AssertAccessibleAsync();

        await first.GotoAsync("/admin/wording/edit/q6");
        await second.GotoAsync("/admin/wording/edit/q6");
        await first.FillAsync("#question", "Do you think this is a good idea?");
        await first.ContinueToAsync("**/admin/wording");
        await second.FillAsync("#question", "Is this a good idea, do you think?");
        await second.ContinueAsync();
        await second.WaitForSelectorAsync("text=Someone else has changed this text");
        await second.AssertAccessibleAsync();
        await second.AssertNoHorizontalScrollAsync();

        await second.GotoAsync("/admin/wording/edit/about-you");
        await second.AssertAccessibleAsync();
        await second.AssertNoHorizontalScrollAsync();

        // A meaning above the glossary's reading age is saved, and the page then prompts about it beside the box.
        await second.GotoAsync("/admin/wording/edit/glossary");
        await second.FillAsync("#glossary", await second.InputValueAsync("#glossary") + "\n" + HardMeaning);
        await second.ContinueToAsync("**/admin/wording");
        await second.GotoAsync("/admin/wording/edit/glossary");
        Assert.Contains("mandated: reading age about", await second.TextContentAsync("#glossary-reading-age li"), StringComparison.Ordinal);
        await second.AssertAccessibleAsync();
        await second.AssertNoHorizontalScrollAsync();
        foreach (var url in new[] { "/admin/wording", "/admin/wording/delete-draft", "/admin/wording/publish" })
        {
            await first.GotoAsync(url);
            await first.AssertAccessibleAsync();
        }

        await first.ContinueToAsync("**/admin/wording");
        foreach (var url in new[] { "/admin/wording/versions", "/admin/wording/versions?from=1&to=2", "/admin/wording/versions/1" })
        {
            await first.GotoAsync(url);
            await first.AssertAccessibleAsync();
        }

        await first.ClickToAsync("text=Restore this wording into a draft", "**/admin/wording");
        await first.AssertAccessibleAsync();
        await second.GotoAsync("/admin/wording/versions?from=2&to=3");
        Assert.True(await second.Locator("del").CountAsync() > 0, "Restoring version 1 takes the version 2 wording out");
        await second.AssertAccessibleAsync();
        await second.AssertNoHorizontalScrollAsync();
        await second.GotoAsync("/admin/wording");
        await second.AssertNoHorizontalScrollAsync();
    }
}
