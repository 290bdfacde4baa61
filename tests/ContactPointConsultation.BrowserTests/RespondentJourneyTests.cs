using System.Text.RegularExpressions;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.BrowserTests;

public sealed partial class RespondentJourneyTests(BrowserPortal browser)
{
    [Fact]
    public async Task KeyboardOnly_WholeJourney_SendsTheAnswers()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Contains("govuk-skip-link", await page.FocusedAsync(), StringComparison.Ordinal);
        await page.TabToAsync(".govuk-button--start");
        await page.PressAndWaitForAsync("Enter", "**/questions/2");

        // Q2: Space selects the first radio; type a comment; Enter on Continue.
        await page.TabToAsync("input[name=Answer]");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#comments");
        await page.Keyboard.TypeAsync("Typed with the keyboard");
        await page.TabToAsync("button.govuk-button:not(.govuk-button--secondary)");
        await page.PressAndWaitForAsync("Enter", "**/questions/3");

        // Q3: arrow keys move the selection from Yes to Not sure.
        await page.TabToAsync("input[name=Answer]");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("input[value=not-sure]"));
        for (var n = 3; n <= 12; n++)
        {
            await page.TabToAsync("button.govuk-button:not(.govuk-button--secondary)");
            await page.PressAndWaitForAsync("Enter", n == 12 ? "**/about-you" : $"**/questions/{n + 1}");
        }

        await page.TabToAsync("button.govuk-button");
        await page.PressAndWaitForAsync("Enter", "**/check-answers");
        await page.TabToAsync("button.govuk-button");
        await page.PressAndWaitForAsync("Enter", "**/confirmation");

        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        var response = await browser.Portal.QueryAsync(db => db.Responses.Include(r => r.Answers).SingleAsync(r => r.Reference == reference));
        Assert.Equal([(2, Choice.Yes, "Typed with the keyboard"), (3, Choice.NotSure, null)],
            response.Answers.OrderBy(a => a.QuestionNumber).Select(a => (a.QuestionNumber, a.Choice, a.Comments)));
    }

    [Fact]
    public async Task JavaScriptOff_WholeJourneyAt320PixelsWide_SendsTheAnswers()
    {
        var page = await browser.NewPageAsync(javaScript: false, width: 320);
        await page.GotoAsync("/");
        await page.AssertNoHorizontalScrollAsync();
        await page.ClickToAsync(".govuk-button--start", "**/questions/2");

        for (var n = 2; n <= 12; n++)
        {
            await page.AssertNoHorizontalScrollAsync();
            Assert.Equal("You can enter up to 5,000 characters", (await page.TextContentAsync("#comments-info"))!.Trim());
            if (n < 12)
            {
                await page.CheckAsync(n % 2 == 0 ? "input[value=yes]" : "input[value=no]");
            }

            await page.FillAsync("#comments", $"No script, question {n}");
            await page.ContinueToAsync(n == 12 ? "**/about-you" : $"**/questions/{n + 1}");
        }

        await page.AssertNoHorizontalScrollAsync();
        await page.CheckAsync("input[name=AgeGroup][value=under-11]");
        await page.ContinueToAsync("**/check-answers");
        await page.AssertNoHorizontalScrollAsync();
        await page.ContinueToAsync("**/confirmation");
        await page.AssertNoHorizontalScrollAsync();

        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        var answers = await browser.Portal.QueryAsync(db => db.ResponseAnswers
            .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == reference)).ToListAsync());
        Assert.Equal(11, answers.Count);
        Assert.All(answers, a => Assert.Equal($"No script, question {a.QuestionNumber}", a.Comments));
    }

    [Fact]
    public async Task CommentTooLong_ErrorSummaryTakesFocus_AndTheTextIsKept()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/4");
        var typed = "Over the limit " + new string('z', 5001 - 15);

        await page.FillAsync("#comments", typed);
        Assert.Equal("You have 1 character too many", (await page.TextContentAsync(".govuk-character-count__status"))!.Trim());
        await page.ContinueAsync();

        await page.WaitForSelectorAsync(".govuk-error-summary");
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", await page.FocusedAsync(), StringComparison.Ordinal);
        Assert.Equal(typed, await page.InputValueAsync("#comments"));

        await page.ClickAsync(".govuk-error-summary__list a");
        Assert.Contains("id=\"comments\"", await page.FocusedAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CharacterCount_AndServer_AgreeOnTheLimit()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/5");
        var start = "Emoji 👩‍👩‍👧 and a line break\nthen Welsh: ŵŷ ";
        var exactly = start + new string('a', 5000 - start.Length);

        await page.FillAsync("#comments", exactly);
        Assert.Equal("You have 0 characters remaining", (await page.TextContentAsync(".govuk-character-count__status"))!.Trim());
        await page.ContinueToAsync("**/questions/6");
        Assert.Equal(1, await browser.Portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == exactly)));
    }

    [Fact]
    public async Task SaveAndComeBackLater_OnAnotherDevice_RestoresTheAnswers()
    {
        var phone = await browser.NewPageAsync(width: 375);
        await phone.GotoAsync("/questions/9");
        await phone.CheckAsync("input[value=no]");
        await phone.FillAsync("#comments", "Started on my phone");
        await phone.ClickAsync("button[value=save-and-return]");
        var code = (await phone.TextContentAsync(".app-resume-code"))!.Trim();
        Assert.Matches(ResumeCode(), code);

        var laptop = await browser.NewPageAsync();
        await laptop.GotoAsync("/");
        await laptop.ClickAsync("text=continue with your code");
        await laptop.FillAsync("#code", code);
        await laptop.ContinueToAsync("**/check-answers");
        Assert.Contains("Started on my phone", await laptop.TextContentAsync("main"), StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$")]
    private static partial Regex ResumeCode();
}
