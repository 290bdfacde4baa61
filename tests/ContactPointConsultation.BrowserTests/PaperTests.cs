using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static ContactPointConsultation.BrowserTests.PdfText;

namespace ContactPointConsultation.BrowserTests;

/// <summary>
/// The paper form printed to PDF by Chromium's own print, and entering a paper response: by keyboard alone with
/// JavaScript off, and every state checked with axe.
/// </summary>
public sealed class PaperTests(BrowserPortal browser)
{
    [Fact]
    public async Task PaperForm_PrintedToPdf_IsA4_WithTheVersionOnEveryPage_AndEveryQuestionInOrder()
    {
        var analyst = await browser.NewPageAsync();
        await analyst.SignInAsync(await browser.Portal.CreateStaffAsync());
        var live = await browser.Portal.Services.GetRequiredService<ContentCatalogue>().GetLiveAsync(TestContext.Current.CancellationToken);

        await analyst.GotoAsync("/staff/paper-form");
        await analyst.AssertAccessibleAsync();
        // As "Save as PDF" in the print window would: the page's own A4 size and margins, and no browser header.
        var pdf = await analyst.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true });

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count > 1, $"The form printed on {pages.Count} page");
        foreach (var page in pages)
        {
            // A4 is 595 by 842 points.
            Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            Assert.Contains($"ContactPoint consultation, wording version {live.VersionNumber}", Words(page), StringComparison.Ordinal);
            Assert.Contains($"Page {page.Number} of {pages.Count}", Words(page), StringComparison.Ordinal);
        }

        var text = string.Join(" ", pages.Select(Words));
        var headings = live.Questions.Select(q => text.IndexOf(Words($"Question {q.Number}: {q.SectionTitle}"), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, headings);
        Assert.Equal(headings.Order(), headings);
        Assert.All(live.Questions, q => Assert.Contains(Words(q.Question), text, StringComparison.Ordinal));
        Assert.Contains("Reference", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Show this version", text, StringComparison.Ordinal);

        await analyst.GotoAsync("/staff/paper-form?version=99");
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        await analyst.AssertAccessibleAsync();
    }

    [Fact]
    public async Task CheckQueue_ASecondPersonKeysItAgain_DecidesTheDifference_AndSeesTheErrorRate_EveryStepAccessible()
    {
        await using var portal = new KestrelPortal(new Dictionary<string, string?> { ["Paper:VerifyPercent"] = "100" });
        var baseUrl = portal.Start();
        var enterer = await browser.NewPageAsync(baseUrl: baseUrl);
        await enterer.SignInAsync(await portal.CreateStaffAsync());
        await enterer.GotoAsync("/staff/paper");
        await enterer.CheckAsync("input[name=Channel][value=paper]");
        await enterer.FillAsync("#received", "14");
        await enterer.FillAsync("#received-month", "10");
        await enterer.FillAsync("#received-year", "2026");
        await enterer.CheckAsync("input[name='Choice[5]'][value=yes]");
        await enterer.FillAsync("#q5-comments", "Shielding is confusing");
        await enterer.ClickAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await enterer.WaitForURLAsync("**/staff/paper/entered/*");
        await portal.ScreenSentResponsesAsync();

        var checker = await browser.NewPageAsync(baseUrl: baseUrl);
        await checker.SignInAsync(await portal.CreateStaffAsync());
        await checker.GotoAsync("/staff/paper/checks");
        await checker.AssertAccessibleAsync();
        await checker.ClickAsync("main a.govuk-button");
        await checker.WaitForSelectorAsync("h1:has-text('Check response')");
        Assert.Equal("", await checker.InputValueAsync("#q5-comments"));
        await checker.AssertAccessibleAsync();
        await checker.CheckAsync("input[name='Choice[5]'][value=no]");
        await checker.FillAsync("#q5-comments", "Shielding is confusing");
        await checker.ClickAsync("main button.govuk-button");
        await checker.WaitForSelectorAsync("main form legend:has-text('Question 5 tick')");
        await checker.AssertAccessibleAsync();
        await checker.CheckAsync("input[name='right[Q5:choice]'][value=entered]");
        await checker.ClickAsync("main button.govuk-button");
        await checker.WaitForSelectorAsync(".govuk-panel");
        await checker.AssertAccessibleAsync();
        await checker.GotoAsync("/staff/paper/checks");
        Assert.Contains("0.0%", await checker.TextContentAsync("main table"), StringComparison.Ordinal);
        await checker.AssertAccessibleAsync();
        Assert.Equal(Choice.Yes, await portal.QueryAsync(db => db.ResponseAnswers.Where(a => a.QuestionNumber == 5).Select(a => a.Choice!.Value).SingleAsync()));
    }

    [Fact]
    public async Task Import_ASpreadsheetLargerThanAnyOtherForm_ThroughKestrel_WithItsProblemsLookalikesAndResult_EveryStepAccessible()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());
        await analyst.GotoAsync("/staff/paper");
        await analyst.ClickAsync("main a:has-text('Import a spreadsheet of responses')");
        await analyst.WaitForSelectorAsync("h1:has-text('Import a spreadsheet of responses')");
        await analyst.AssertAccessibleAsync();

        // A file with a problem: listed by line and column, and what was chosen is kept.
        var sheet = new ResponseSheet().With(("Q2 answer", "Maybe"));
        await analyst.SetInputFilesAsync("#file", new FilePayload { Name = "riverside.csv", MimeType = "text/csv", Buffer = sheet.Bytes() });
        await analyst.CheckAsync("input[name=Channel][value=event]");
        await analyst.FillAsync("#received", "14");
        await analyst.FillAsync("#received-month", "10");
        await analyst.FillAsync("#received-year", "2026");
        await analyst.FillAsync("#batch", "Riverside Youth Council");
        await analyst.ClickAsync("main button.govuk-button");
        await analyst.WaitForSelectorAsync("#problems");
        Assert.Equal("Riverside Youth Council", await analyst.InputValueAsync("#batch"));
        await analyst.AssertAccessibleAsync();

        // Over the 1 MB every other form is held to, which only this page takes: 3,000 lines, two alike.
        var large = new ResponseSheet().WithMany(3000, n => [("Q2 answer", "Yes"), ("Q2 comments", n == 2 ? "Line 1 " + new string('x', 400) : $"Line {n} " + new string('x', 400))]);
        Assert.True(large.Bytes().Length > 1024 * 1024);
        await analyst.SetInputFilesAsync("#file", new FilePayload { Name = "riverside.csv", MimeType = "text/csv", Buffer = large.Bytes() });
        await analyst.ClickAsync("main button.govuk-button");
        await analyst.WaitForSelectorAsync("#lookalikes");
        Assert.Equal("Import 3,000 responses", (await analyst.TextContentAsync("main form button"))!.Trim());
        await analyst.AssertAccessibleAsync();
        await analyst.ClickAsync("main form button");
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        await analyst.AssertAccessibleAsync();
        await analyst.FillAsync("#duplicate-reason", "Two children wrote the same");
        await analyst.ClickAsync("main form button");
        await analyst.WaitForSelectorAsync(".govuk-panel:has-text('3,000 responses imported')");
        await analyst.AssertAccessibleAsync();
        Assert.Equal(3000, await portal.QueryAsync(db => db.Responses.CountAsync(r => r.Channel == ResponseChannel.Event)));
    }


    [Fact]
    public async Task PaperEntry_WithoutJavaScript_EntersAResponse_UsingTheKeyboardAlone()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var analyst = await browser.NewPageAsync(javaScript: false, baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());

        await analyst.TabToAsync("nav a[href='/staff/paper']");
        await analyst.PressAndWaitForAsync("Enter", "**/staff/paper");
        await analyst.TabToAsync("input[name=Channel]");
        await analyst.Keyboard.PressAsync("Space");
        await analyst.TabToAsync("#received");
        await analyst.Keyboard.TypeAsync("14");
        await analyst.Keyboard.PressAsync("Tab");
        await analyst.Keyboard.TypeAsync("10");
        await analyst.Keyboard.PressAsync("Tab");
        await analyst.Keyboard.TypeAsync("2026");
        await analyst.Keyboard.PressAsync("Tab");
        await analyst.Keyboard.TypeAsync("Year 6");

        // Q2: the first box, Yes, with Space; Q3: arrows move the tick, to No; then a comment, as written.
        await analyst.TabToAsync("input[name='Choice[2]']");
        await analyst.Keyboard.PressAsync("Space");
        await analyst.TabToAsync("input[name='Choice[3]']");
        await analyst.Keyboard.PressAsync("Space");
        await analyst.Keyboard.PressAsync("ArrowRight");
        await analyst.TabToAsync("#q3-comments");
        await analyst.Keyboard.TypeAsync("i dont no who can see it");
        await analyst.TabToAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.PressAndWaitForAsync("Enter", "**/staff/paper/entered/*");

        var response = await portal.QueryAsync(db => db.Responses.Include(r => r.Answers).SingleAsync());
        Assert.Contains(response.Reference, await analyst.TextContentAsync(".govuk-panel__body"), StringComparison.Ordinal);
        Assert.Equal((ResponseChannel.Paper, new DateOnly(2026, 10, 14), "Year 6"), (response.Channel, response.ReceivedOn!.Value, response.Batch!));
        Assert.Equal(
            [(2, (Choice?)Choice.Yes, (string?)null), (3, Choice.No, "i dont no who can see it")],
            response.Answers.OrderBy(a => a.QuestionNumber).Select(a => (a.QuestionNumber, a.Choice, a.Comments)));
    }

    [Fact]
    public async Task PaperEntry_ItsErrorsSaveAndEnterAnotherAndTheSavedPage_AreAccessible()
    {
        await using var portal = new KestrelPortal();
        var baseUrl = portal.Start();
        var analyst = await browser.NewPageAsync(baseUrl: baseUrl);
        await analyst.SignInAsync(await portal.CreateStaffAsync());

        await analyst.GotoAsync("/staff/paper");
        await analyst.AssertAccessibleAsync();
        await analyst.FillAsync("#batch", new string('b', 101));
        await analyst.ClickAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.WaitForSelectorAsync(".govuk-error-summary");
        Assert.Equal("There is a problem", (await analyst.TextContentAsync(".govuk-error-summary__title"))!.Trim());
        Assert.Equal(new string('b', 101), await analyst.InputValueAsync("#batch"));
        await analyst.AssertAccessibleAsync();

        await analyst.FillAsync("#batch", "St Mary’s, Year 6");
        await analyst.CheckAsync("input[name=Channel][value=email]");
        await analyst.FillAsync("#received", "14");
        await analyst.FillAsync("#received-month", "10");
        await analyst.FillAsync("#received-year", "2026");
        await analyst.FillAsync("#q12-comments", "Thank you for asking us");
        await analyst.ClickAsync("main button.govuk-button--secondary");
        await analyst.WaitForSelectorAsync(".govuk-notification-banner--success");
        Assert.Equal("St Mary’s, Year 6", await analyst.InputValueAsync("#batch"));
        await analyst.AssertAccessibleAsync();

        // The same form again: warned of, with the reference of the first.
        await analyst.FillAsync("#q12-comments", "Thank you for asking us");
        await analyst.ClickAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.WaitForSelectorAsync("#duplicate-reason");
        await analyst.AssertAccessibleAsync();

        await analyst.FillAsync("#q12-comments", "");
        await analyst.CheckAsync("input[name='Choice[4]'][value=not-sure]");
        await analyst.ClickAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.WaitForURLAsync("**/staff/paper/entered/*");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickAsync("main a[href^='/staff/responses/']");
        await analyst.WaitForSelectorAsync("dt:has-text('Arrived by')");
        await analyst.AssertAccessibleAsync();

        // Corrected by the person who entered it: the form, then the response page with what it said before.
        await analyst.ClickAsync("main a[href$='/correct']");
        await analyst.WaitForSelectorAsync("h1:has-text('Correct response')");
        await analyst.AssertAccessibleAsync();
        await analyst.CheckAsync("input[name='Choice[4]'][value=yes]");
        await analyst.ClickAsync("main button.govuk-button");
        await analyst.WaitForSelectorAsync("main table.govuk-table");
        await analyst.AssertAccessibleAsync();
        Assert.Equal(2, await portal.QueryAsync(db => db.Responses.CountAsync(r => r.Channel == ResponseChannel.Email)));
    }
}
