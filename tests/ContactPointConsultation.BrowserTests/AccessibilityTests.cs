using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactPointConsultation.BrowserTests;

/// <summary>axe-core finds no WCAG 2.2 AA violations on any page, in any state a respondent can reach.</summary>
public sealed class AccessibilityTests(BrowserPortal browser)
{
    public static TheoryData<string> StaticPages =>
    [
        "/", "/questions/2", "/questions/7", "/questions/12", "/about-you", "/resume", "/check-answers",
        "/privacy", "/privacy/full", "/cookies", "/accessibility", "/contact", "/no-such-page", "/error/500",
        "/error/400", "/error/403", "/error/413", "/error/429",
    ];

    [Theory]
    [MemberData(nameof(StaticPages))]
    public async Task Page_HasNoAccessibilityViolations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(StaticPages))]
    public async Task Page_At320PixelsWide_NeedsNoSidewaysScrolling(string url)
    {
        var page = await browser.NewPageAsync(width: 320);
        await page.GotoAsync(url);

        await page.AssertNoHorizontalScrollAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task QuestionPage_HardWords_OpenWithTheKeyboardAt320Pixels_AsTermsAndMeanings(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript, width: 320);
        await page.GotoAsync("/questions/8");
        var meaning = page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Set by the law" });
        Assert.False(await meaning.IsVisibleAsync());

        await page.FocusAsync(".govuk-details__summary");
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await meaning.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Term).Filter(new() { HasText = "statutory" }).IsVisibleAsync());
        await page.AssertNoHorizontalScrollAsync();
        if (javaScript)
        {
            // axe is a script: it checks the open explanations in the page that runs scripts.
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public Task QuestionPage_InItsErrorState_HasNoAccessibilityViolations() =>
        AssertErrorStateAccessibleAsync("/questions/3", page => page.FillAsync("#comments", new string('x', 5001)));

    [Fact]
    public Task AboutYouPage_InItsErrorState_HasNoAccessibilityViolations() =>
        AssertErrorStateAccessibleAsync("/about-you", page =>
            page.EvalOnSelectorAsync("input[name=AgeGroup]", "radio => { radio.value = 'not-an-age'; radio.checked = true; }"));

    [Fact]
    public Task ResumePage_InItsErrorState_HasNoAccessibilityViolations() =>
        AssertErrorStateAccessibleAsync("/resume", page => page.FillAsync("#code", "WRONG-CODE2"));

    /// <summary>The pages only a database fault shows, reached through a real fault: a table gone from under the app.</summary>
    [Fact]
    public async Task DatabaseFaultPages_HaveNoAccessibilityViolations()
    {
        await using var portal = new KestrelPortal();
        var page = await browser.NewPageAsync(baseUrl: portal.Start());
        await page.GotoAsync("/questions/2");
        await page.CheckAsync("input[value=yes]");
        await page.ContinueToAsync("**/questions/3");
        await page.GotoAsync("/check-answers");

        await RenamedAsync(portal, "ResponseAnswers", async () =>
        {
            await page.ContinueAsync();
            await page.WaitForSelectorAsync("h1:text('Sorry, your answers were not sent')");
            await page.AssertAccessibleAsync();
        });
        await RenamedAsync(portal, "Drafts", async () =>
        {
            var response = await page.GotoAsync("/questions/3");
            Assert.Equal(503, response!.Status);
            Assert.Equal("Sorry, the service is unavailable", (await page.TextContentAsync("h1"))!.Trim());
            await page.AssertAccessibleAsync();
        });
    }

    private static async Task RenamedAsync(Tests.Infrastructure.PortalFactory portal, string table, Func<Task> whileGone)
    {
        // Table names cannot be parameters; these are the test's own constants.
        var hide = "ALTER TABLE \"" + table + "\" RENAME TO \"" + table + "Gone\"";
        var restore = "ALTER TABLE \"" + table + "Gone\" RENAME TO \"" + table + "\"";
        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync(hide));
        try
        {
            await whileGone();
        }
        finally
        {
            await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync(restore));
        }
    }

    [Fact]
    public async Task QuestionPage_AfterTheBrowserLostItsCookies_KeepsTheTextAndIsAccessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/6");
        await page.FillAsync("#comments", "Typed before the cookies went");
        await page.Context.ClearCookiesAsync();

        await page.ContinueAsync();

        await page.WaitForSelectorAsync(".govuk-notification-banner");
        Assert.Equal("Typed before the cookies went", await page.InputValueAsync("#comments"));
        await page.AssertAccessibleAsync();
        await page.ContinueToAsync("**/questions/7");
    }

    [Fact]
    public async Task JourneyPages_WithAnswersSaved_HaveNoAccessibilityViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/2");
        await page.CheckAsync("input[value=yes]");
        await page.FillAsync("#comments", "A comment\nover two lines");
        await page.ClickAsync("button[value=save-and-return]");
        await page.WaitForSelectorAsync(".app-resume-code");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/save-and-return");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync(".govuk-notification-banner");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/check-answers");
        await page.AssertAccessibleAsync();
        await page.ContinueToAsync("**/confirmation");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/check-answers");
        await page.WaitForSelectorAsync("text=You have already sent your answers");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task CheckAnswers_WithNothingAnswered_ErrorStateHasNoAccessibilityViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/about-you");
        await page.CheckAsync("input[name=AgeGroup][value=prefer-not-to-say]");
        await page.ContinueToAsync("**/check-answers");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");

        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ClosedPage_HasNoAccessibilityViolations()
    {
        await using var closed = new KestrelPortal(new Dictionary<string, string?>
        {
            ["Consultation:OpensAt"] = "2020-01-01T00:00:00Z",
            ["Consultation:ClosesAt"] = "2021-01-01T00:00:00Z",
        });
        var page = await browser.NewPageAsync(baseUrl: closed.Start());

        await page.GotoAsync("/");

        Assert.Equal("This consultation has closed", (await page.TextContentAsync("h1"))!.Trim());
        await page.AssertAccessibleAsync();
    }

    private async Task AssertErrorStateAccessibleAsync(string url, Func<IPage, Task> enterBadInput)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await enterBadInput(page);
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");

        await page.AssertAccessibleAsync();
    }
}
