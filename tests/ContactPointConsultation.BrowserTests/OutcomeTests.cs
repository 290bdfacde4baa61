using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static ContactPointConsultation.BrowserTests.PdfText;

namespace ContactPointConsultation.BrowserTests;

/// <summary>
/// The copy of the answers sent, printed to PDF and cleared on a shared computer; and "You said, we did" with
/// JavaScript off, by keyboard alone and at 320 pixels, every state checked with axe.
/// </summary>
public sealed class OutcomeTests(BrowserPortal browser)
{
    [Fact]
    public async Task CopyOfAnswers_PrintsToAnA4Pdf_WithTheCommentAndReference_AndAfterFinished_BackShowsNothing()
    {
        var page = await browser.NewPageAsync();
        var reference = await AnswerOneAndSendAsync(page, 2, "no", "Printed words from question two");

        await page.ClickToAsync("main a[href='/your-answers']", "**/your-answers");
        await page.AssertAccessibleAsync();
        Assert.True(await page.IsVisibleAsync("button.app-print-button"), "with JavaScript, the print button shows");
        // As "Save as PDF" in the print window would: the page's own A4 size and margins.
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true });

        using (var document = PdfDocument.Open(pdf))
        {
            var text = Words(string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
            Assert.Equal((595, 842), ((int)Math.Round(document.GetPage(1).Width), (int)Math.Round(document.GetPage(1).Height)));
            Assert.Contains("Printed words from question two", text, StringComparison.Ordinal);
            Assert.Contains(reference, text, StringComparison.Ordinal);
            Assert.Contains("A copy of your answers", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Finished", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Print or save", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Privacy", text, StringComparison.Ordinal);
        }

        await page.ClickToAsync("main form[action='/your-answers/finished'] button", "**/");
        Assert.Equal("Your answers are cleared from this computer", (await page.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        await page.AssertAccessibleAsync();

        // Back, as the next person at the computer might press it: the copy is asked for again, and is not there.
        await page.GoBackAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.DoesNotContain("Printed words from question two", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(reference, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GoBackAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.DoesNotContain(reference, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YouSaidWeDid_JavaScriptOff_KeyboardOnly_At320Pixels_AndAccessibleInEveryState()
    {
        await using var portal = new KestrelPortal(new Dictionary<string, string?> { ["Results:SuppressBelow"] = "0" });
        var baseUrl = portal.Start();
        var reference = await AnswerOneAndSendAsync(await browser.NewPageAsync(baseUrl: baseUrl), 4, "yes", "Never shown on the outcome");
        await CloseAsync(portal);
        await PublishAsync(portal);

        var page = await browser.NewPageAsync(javaScript: false, width: 320, baseUrl: baseUrl);
        await page.GotoAsync("/outcome");
        await page.AssertNoHorizontalScrollAsync();
        Assert.Equal("You said, we did", (await page.TextContentAsync("h1"))!.Trim());
        await page.TabToAsync("main a[href='/outcome/check']");
        await page.PressAndWaitForAsync("Enter", "**/outcome/check");
        await page.AssertNoHorizontalScrollAsync();

        // Nothing typed: the error, and the field to type it in, by keyboard alone.
        await page.TabToAsync("main button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("Enter your reference number", (await page.TextContentAsync(".govuk-error-summary a"))!.Trim());
        await page.AssertNoHorizontalScrollAsync();
        await page.TabToAsync("#reference");
        await page.Keyboard.TypeAsync(reference.ToLowerInvariant().Insert(4, " "));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#easy-question-4");
        await page.AssertNoHorizontalScrollAsync();
        Assert.Equal("You answered question 3. Here is what happened about it.", (await page.TextContentAsync("main p.govuk-body-l"))!.Trim());
        Assert.DoesNotContain("Never shown on the outcome", await page.ContentAsync(), StringComparison.Ordinal);
        // The full version opens from its summary by keyboard, with no script: the browser's own details element.
        await page.TabToAsync("main details summary");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.IsVisibleAsync("main details[open] .govuk-details__text"), "The full version did not open");
        await page.AssertNoHorizontalScrollAsync();

        // The same states with JavaScript on, for axe, at 320 pixels.
        var checkedPage = await browser.NewPageAsync(width: 320, baseUrl: baseUrl);
        await checkedPage.GotoAsync("/outcome");
        await checkedPage.AssertAccessibleAsync();
        await checkedPage.GotoAsync("/outcome/check");
        await checkedPage.AssertAccessibleAsync();
        await checkedPage.ContinueAsync();
        await checkedPage.WaitForSelectorAsync(".govuk-error-summary");
        await checkedPage.AssertAccessibleAsync();
        await checkedPage.FillAsync("#reference", reference);
        await checkedPage.ContinueAsync();
        await checkedPage.WaitForSelectorAsync("#easy-question-4");
        await checkedPage.AssertNoHorizontalScrollAsync();
        await checkedPage.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Admin_WritesPreviewsAndPublishesTheOutcome_AfterClosing_EveryStateAccessible()
    {
        await using var portal = new KestrelPortal(new Dictionary<string, string?>
        {
            ["Consultation:OpensAt"] = "2020-01-01T00:00:00Z",
            ["Consultation:ClosesAt"] = "2021-01-01T00:00:00Z",
        });
        var baseUrl = portal.Start();
        var visitor = await browser.NewPageAsync(baseUrl: baseUrl);
        await visitor.GotoAsync("/outcome");
        Assert.Equal("We have not said what we did yet", (await visitor.TextContentAsync("h1"))!.Trim());
        await visitor.AssertAccessibleAsync();

        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Admin));
        Assert.Contains("The outcome is", await page.TextContentAsync(".govuk-warning-text"), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/admin");
        await page.ClickToAsync("main a[href='/admin/outcome']", "**/admin/outcome");
        await page.AssertAccessibleAsync();
        await page.ClickToAsync("a[href='/admin/outcome/edit/summary']", "**/admin/outcome/edit/summary");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#summary", "We listened to <b>you</b>.");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#summary", "Thank you to the 8,000 children and young people who answered. We changed the guidance in four places.");
        await page.FillAsync("#summary-easy-read", "Thank you for your answers. We changed the rules in four places.");
        await page.ContinueToAsync("**/admin/outcome");
        Assert.Equal("The summary saved in draft version 1", (await page.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        await page.AssertAccessibleAsync();

        await page.ClickToAsync("main a[href='/admin/outcome/publish']", "**/admin/outcome/publish");
        Assert.Equal("Finish the outcome before you publish it", (await page.TextContentAsync("h1"))!.Trim());
        await page.AssertAccessibleAsync();

        await PublishAsync(portal, publish: false);
        await page.GotoAsync("/admin/outcome/preview");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/admin/outcome/publish");
        await page.ContinueToAsync("**/admin/outcome");
        Assert.Equal("Version 1 of the outcome is published", (await page.TextContentAsync(".govuk-notification-banner__heading"))!.Trim());
        await page.AssertAccessibleAsync();
        await page.ClickToAsync("a[href='/admin/outcome/versions/1']", "**/admin/outcome/versions/1");
        await page.AssertAccessibleAsync();

        await visitor.GotoAsync("/closed");
        await visitor.ClickToAsync("main a[href='/outcome']", "**/outcome");
        Assert.Contains("We changed the rules in four places.", await visitor.TextContentAsync("main"), StringComparison.Ordinal);
        await visitor.AssertAccessibleAsync();
    }

    /// <summary>Closes the consultation now, as an admin moving the closing date would: the outcome is published after it.</summary>
    private static async Task CloseAsync(KestrelPortal portal)
    {
        var live = await portal.QueryAsync(db => db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Id).SingleAsync());
        await portal.QueryAsync(db => db.ContentVersions.Where(v => v.Id == live)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));

        // The wording this node keeps in memory is read again, as after a publish.
        var catalogue = portal.Services.GetRequiredService<ContentCatalogue>();
        catalogue.DraftChanged(live);
        catalogue.LiveVersionChanged();
    }

    /// <summary>
    /// An outcome written, and published unless told not to, through the editor the admin pages use, as the
    /// integration tests show they do. Not publishing, it leaves the summary to what the admin wrote.
    /// </summary>
    private static async Task PublishAsync(KestrelPortal portal, bool publish = true)
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = portal.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<OutcomeEditor>();
        foreach (var part in OutcomeParts.All.Where(p => publish || p.Id != OutcomeParts.SummaryId))
        {
            var values = part.Fields.ToDictionary(f => f.Key, f => $"{f.Label} for {part.Title}. We read what you said, and we changed the guidance.");
            var editable = await editor.EditableAsync(ct);
            var result = await editor.SaveAsync(part, values, OutcomePart.Fingerprint(part.Read(editable)), "admin@example.gov.uk", null, ct);
            Assert.IsType<EditResult.Saved>(result);
        }

        if (!publish)
        {
            return;
        }

        var draft = (await editor.InStateAsync(OutcomeState.Draft, ct))!;
        Assert.IsType<PublishResult.Published>(await editor.PublishAsync(draft.ConcurrencyStamp, "admin@example.gov.uk", null, ct));
    }

    /// <summary>Answers one question and sends, as a young person in a hurry would; returns the reference shown.</summary>
    private static async Task<string> AnswerOneAndSendAsync(IPage page, int question, string answer, string comments)
    {
        await page.GotoAsync($"/questions/{question}");
        await page.CheckAsync($"input[value={answer}]");
        await page.FillAsync("#comments", comments);
        await page.ContinueToAsync($"**/questions/{question + 1}");
        await page.GotoAsync("/check-answers");
        await page.ContinueToAsync("**/confirmation");
        return (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
    }
}
