using System.Globalization;
using System.Text.RegularExpressions;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Safeguarding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactPointConsultation.BrowserTests;

/// <summary>
/// The safeguarding review in Chromium: the lead's email, the sign-in it leads to, the item and its
/// decision, the queue and an analyst's flag, each page checked with axe.
/// </summary>
public sealed partial class SafeguardingTests(BrowserPortal browser)
{
    private const string Disclosure = "my step dad hits me when mum is out";
    private const string Ordinary = "People who misuse ContactPoint should be punished";
    /// <summary>A comment the screen lets through (StaffFlagTests checks so), that a person reading it may still worry about.</summary>
    private const string Worrying = "things at home are hard right now";
    private const string Redacted = "my [family member] hits me when [parent] is out";

    [Fact]
    public async Task Lead_FollowsTheEmailLink_SignsInWithMfa_ReviewsAndReleasesTheComment_OnAccessiblePages()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = new KestrelPortal(smtp.Settings);
        var baseUrl = portal.Start();
        var lead = await portal.CreateStaffAsync(StaffRoles.Safeguarding);
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).Answer(4, "yes", Ordinary));

        // The analyst sees the comment withheld while it waits.
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync($"/staff/responses/{reference}");
        Assert.Contains(Withholding.WithheldText, await analyst.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(Disclosure, await analyst.ContentAsync(), StringComparison.Ordinal);

        // The lead's email, as the SMTP server received it, with the link to the item.
        await portal.Services.GetRequiredService<OutboxSender>().RunOnceAsync(TestContext.Current.CancellationToken);
        await BackgroundJobs.WaitForAsync(() => smtp.Received.Count > 0, "No email reached the SMTP server");
        var email = Assert.Single(smtp.Received);
        Assert.Equal(lead.Email, email.To);
        Assert.Equal(NotificationEmail.FlaggedSubject, email.Message.Subject);
        var link = new Uri(ReviewLink().Match(email.Message.TextBody ?? "").Value);
        Assert.StartsWith(LoopbackSmtpServer.PublicUrl, link.ToString(), StringComparison.Ordinal);

        // Signed out, the link asks the lead to sign in, then goes on to the item.
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.GotoAsync(link.PathAndQuery);
        Assert.Contains("/staff/sign-in?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#email", lead.Email);
        await page.FillAsync("#password", lead.Password);
        await page.ContinueToAsync("**/staff/sign-in/code*");
        await page.FillAsync("#code", lead.CodeAt());
        await page.ContinueToAsync($"**{link.AbsolutePath}");

        Assert.Equal("Flagged comment", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Equal(Disclosure, await page.TextContentAsync(".app-comment bdi"));
        Assert.Contains("The screen", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        // Nothing chosen: an error for each choice.
        await page.ClickAsync("button:text('Record decision')");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal(["Select what you decided", "Select what analysts can read"],
            (await page.Locator(".govuk-error-summary__list a").AllTextContentsAsync()).Select(e => e.Trim()));
        await page.AssertAccessibleAsync();

        // A concern, shared, with the record the information-sharing rules ask for, and a redacted copy.
        var sharedOn = DateTime.UtcNow.AddDays(-1);
        await page.GetByLabel("A concern, and I shared information").CheckAsync();
        await page.FillAsync("input[name=Organisation]", "Leeds City Council children's social care");
        await page.FillAsync("input[name=Role]", "Duty social worker");
        await page.FillAsync("input[name=SharedOnDay]", sharedOn.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=SharedOnMonth]", sharedOn.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=SharedOnYear]", sharedOn.Year.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("textarea[name=WhatWasShared]", "The comment and when it was sent");
        await page.FillAsync("textarea[name=WhyShared]", "A child says they are being hit at home");
        await page.GetByLabel("A redacted copy").CheckAsync();
        await page.FillAsync("textarea[name=RedactedText]", Redacted);
        await page.ClickAsync("button:text('Record decision')");

        await page.WaitForSelectorAsync("#decided-title");
        Assert.Equal("Decision recorded: A concern, and I shared information", (await page.TextContentAsync(".govuk-notification-banner--success .govuk-notification-banner__heading"))!.Trim());
        Assert.Contains("Duty social worker, Leeds City Council children's social care", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        // The analyst now reads the redacted copy, never the original.
        await analyst.ReloadAsync();
        var comments = await analyst.Locator(".app-comment bdi").AllTextContentsAsync();
        Assert.Equal([Redacted, Ordinary], comments);
        Assert.DoesNotContain(Disclosure, await analyst.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Withholding.WithheldText, await analyst.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_AndFlagForm_AreAccessible_WithAndWithoutJavaScript()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).Answer(6, "no", Worrying));

        var lead = await browser.NewPageAsync(baseUrl: baseUrl);
        await lead.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Safeguarding), "**/staff/safeguarding");
        await lead.GotoAsync("/staff/safeguarding");
        Assert.Equal(["Question 3, item"], await QueueRowsAsync(lead));
        await lead.AssertAccessibleAsync();

        // An analyst's flag form, and its error, with JavaScript.
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync($"/staff/responses/{reference}");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickToAsync("a:has-text('Flag for safeguarding review: the comment on question 6')", "**/questions/6/flag");
        Assert.Equal("Flag this comment for safeguarding review", (await analyst.TextContentAsync("h1"))!.Trim());
        await analyst.AssertAccessibleAsync();
        await analyst.ContinueAsync();
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("Enter why this comment worries you", (await analyst.TextContentAsync(".govuk-error-summary__list a"))!.Trim());
        await analyst.AssertAccessibleAsync();

        // Without JavaScript the form still works: the comment is flagged and withheld.
        var plain = await browser.NewPageAsync(javaScript: false, baseUrl: baseUrl);
        await plain.SignInAsync(await portal.CreateStaffAsync());
        await plain.GotoAsync(SafeguardingLinks.Flag(reference, 6));
        await plain.FillAsync("textarea[name=Reason]", "Sounds like neglect at home");
        await plain.ContinueToAsync($"**/staff/responses/{reference}");
        Assert.Contains("flagged for safeguarding review", await plain.InnerTextAsync(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.DoesNotContain(Worrying, await plain.ContentAsync(), StringComparison.Ordinal);

        await lead.ReloadAsync();
        Assert.Equal(["Question 3, item", "Question 6, item"], await QueueRowsAsync(lead));
    }

    [Fact]
    public async Task ResponsePage_SentMomentsAgo_WithholdsEveryCommentUntilScreened_OnAnAccessiblePage()
    {
        // Woken by the send, the portal's own screen waits ten minutes; the test screens when it chooses.
        await using var portal = new KestrelPortal(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        var baseUrl = portal.Start();
        string reference;
        using (var respondent = portal.CreateRespondent())
        {
            await respondent.AnswerAllAsync(Journey.Empty().Answer(3, "no", Disclosure).Answer(4, "yes", Ordinary));
            await respondent.SubmitAsync();
            reference = respondent.Text(".govuk-panel__body strong");
        }

        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync($"/staff/responses/{reference}");
        Assert.Equal(2, await analyst.Locator(".app-withheld").CountAsync());
        Assert.Contains("has not read it yet", await analyst.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(Ordinary, await analyst.ContentAsync(), StringComparison.Ordinal);
        await analyst.AssertAccessibleAsync();

        await portal.ScreenSentResponsesAsync();
        await analyst.ReloadAsync();
        Assert.Equal(1, await analyst.Locator(".app-withheld").CountAsync());
        Assert.Contains(Ordinary, await analyst.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private static async Task<string> SendAsync(PortalFactory portal, Journey journey)
    {
        using var respondent = portal.CreateRespondent();
        return await respondent.SendAsync(journey);
    }

    /// <summary>Each waiting row's link, without the item's number.</summary>
    private static async Task<IEnumerable<string>> QueueRowsAsync(IPage page) =>
        (await page.Locator("tbody tr td:first-child a").AllTextContentsAsync()).Select(t => ItemNumber().Replace(t.Trim(), ""));

    [GeneratedRegex(@"https://\S+/staff/safeguarding/\d+")]
    private static partial Regex ReviewLink();

    [GeneratedRegex(@"\s*\d+$")]
    private static partial Regex ItemNumber();
}
