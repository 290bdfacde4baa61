using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.BrowserTests;

/// <summary>Entering a paper response in Chromium: by keyboard alone with JavaScript off, and every state checked with axe.</summary>
public sealed class PaperTests(BrowserPortal browser)
{
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

        await analyst.CheckAsync("input[name='Choice[4]'][value=not-sure]");
        await analyst.ClickAsync("main button.govuk-button:not(.govuk-button--secondary)");
        await analyst.WaitForURLAsync("**/staff/paper/entered/*");
        await analyst.AssertAccessibleAsync();
        await analyst.ClickAsync("main a[href^='/staff/responses/']");
        await analyst.WaitForSelectorAsync("dt:has-text('Arrived by')");
        await analyst.AssertAccessibleAsync();
        Assert.Equal(2, await portal.QueryAsync(db => db.Responses.CountAsync(r => r.Channel == ResponseChannel.Email)));
    }
}
