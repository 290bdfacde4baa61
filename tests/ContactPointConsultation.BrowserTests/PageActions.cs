using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ContactPointConsultation.BrowserTests;

public static class PageActions
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Presses Tab until the focused element matches, as a keyboard user would; fails if it never does.</summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{selector} on {page.Url} could not be reached with the Tab key");
    }

    public static Task<string> FocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? ''");

    /// <summary>Runs axe-core for WCAG 2.2 AA and fails with each violation's rule and elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // axe is a script run in the page: on a page opened with JavaScript off it never answers, and the test
        // would wait for ever. After a minute it fails, saying why.
        AxeResult result;
        try
        {
            result = await page.RunAxe(WcagAa).WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"axe did not finish on {page.Url} within a minute. It needs JavaScript: check accessibility on a page opened with JavaScript on");
        }

        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }

    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), page.ViewportSize!.Width);
        Assert.True(scroll <= width, $"{page.Url} is {scroll}px wide in a {width}px viewport");
    }

    /// <summary>Starts waiting for the next page before acting, so a fast navigation cannot be missed.</summary>
    public static async Task PressAndWaitForAsync(this IPage page, string key, string urlGlob)
    {
        var navigation = page.WaitForURLAsync(urlGlob);
        await page.Keyboard.PressAsync(key);
        await navigation;
    }

    public static async Task ContinueToAsync(this IPage page, string urlGlob)
    {
        var navigation = page.WaitForURLAsync(urlGlob);
        await page.ContinueAsync();
        await navigation;
    }

    public static async Task ClickToAsync(this IPage page, string selector, string urlGlob)
    {
        var navigation = page.WaitForURLAsync(urlGlob);
        await page.ClickAsync(selector);
        await navigation;
    }

    /// <summary>
    /// Signs in through the real pages with a password and the authenticator code. Staff land on the
    /// results; a safeguarding lead who is nothing else lands on the safeguarding queue.
    /// </summary>
    public static async Task SignInAsync(this IPage page, Tests.Infrastructure.StaffAccount account, string landsOn = "**/staff")
    {
        ArgumentNullException.ThrowIfNull(account);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", account.Email);
        await page.FillAsync("#password", account.Password);
        await page.ContinueToAsync("**/staff/sign-in/code");
        await page.FillAsync("#code", account.CodeAt());
        await page.ContinueToAsync(landsOn);
    }

    public static Task ContinueAsync(this IPage page) =>
        page.Locator("main button.govuk-button:not(.govuk-button--secondary)").First.ClickAsync();
}
