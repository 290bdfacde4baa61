using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Account;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// A question page draws its radios once for each option of a settled wording version and reuses them
/// (docs/adr/0028-respondent-pages-at-the-limit.md), and the whole page is drawn once for each question, way in and
/// option chosen, then written again with its holes filled (docs/adr/0031-pages-drawn-once-with-holes.md). Each person
/// must still see their own choice and what they typed, only theirs, and the same page as if it were drawn afresh.
/// </summary>
public sealed class DrawnOnceTests(SharedPortal portal)
{
    [Fact]
    public async Task QuestionPage_ManyPeopleChoosingDifferently_EachSeesOnlyTheirOwnChoiceChecked()
    {
        var choices = new[] { "yes", "no", "not-sure", "yes", null, "no" };
        var people = new List<(Respondent Person, string? Choice)>();
        foreach (var choice in choices)
        {
            var person = portal.CreateRespondent();
            await person.GetAsync("/questions/5");
            await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = choice, ["Comments"] = "So an answer is saved" });
            people.Add((person, choice));
        }

        foreach (var (person, choice) in people.AsEnumerable().Reverse())
        {
            await person.GetAsync("/questions/5");
            Assert.Equal(choice is null ? [] : [choice], Checked(person.Page));
            person.Dispose();
        }

        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync("/questions/5");
        Assert.Empty(Checked(newcomer.Page));
    }

    [Fact]
    public async Task QuestionPage_AValueThatIsNoOption_IsNeitherCheckedNorKept()
    {
        using var person = portal.CreateRespondent();
        await person.GetAsync("/questions/5");
        var form = person.HiddenFields().Where(f => f.Key != "__RequestVerificationToken").ToList();
        form.Add(new("Answer", "<b>maybe</b>"));
        form.Add(new("Comments", "Typed before the page's token went"));

        await person.PostAsync("/questions/5", form);

        Assert.Empty(Checked(person.Page));
        Assert.Equal("Typed before the page's token went", person.Page.QuerySelector("textarea#comments")!.TextContent);
        using var other = portal.CreateRespondent();
        await other.GetAsync("/questions/5");
        Assert.DoesNotContain("maybe", other.Html, StringComparison.Ordinal);
        Assert.Empty(Checked(other.Page));
    }

    [Fact]
    public async Task QuestionPage_WithAnError_DrawsTheRadiosWithTheError_AndTheNextPersonWithout()
    {
        using var person = portal.CreateRespondent();
        await person.GetAsync("/questions/5");
        await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "not-an-answer" });
        Assert.NotNull(person.Page.QuerySelector(".govuk-radios")?.Closest(".govuk-form-group--error"));

        using var other = portal.CreateRespondent();
        await other.GetAsync("/questions/5");
        Assert.Null(other.Page.QuerySelector(".govuk-form-group--error"));
        Assert.Null(other.Page.QuerySelector("#answer-error"));
    }

    [Theory]
    [InlineData(null, "", false)]
    [InlineData("no", "\nStarts on a new line.\n\n<script>alert('x')</script> & \"quoted\" </textarea> ŵ ŷ 😀 &amp;", false)]
    [InlineData("not-sure", "Changed from check your answers", true)]
    public async Task QuestionPage_WrittenFromItsDrawing_IsTheSamePageAsDrawnAfresh(string? choice, string comments, bool change)
    {
        await using var kept = new PortalFactory();
        await using var afresh = new PortalFactory(new Dictionary<string, string?> { ["Portal:DrawPagesOnce"] = "false" });

        var (fromKept, keptHeaders) = await QuestionPageAsync(kept, choice, comments, change);
        var (drawnAfresh, afreshHeaders) = await QuestionPageAsync(afresh, choice, comments, change);

        Assert.Equal(drawnAfresh, fromKept);
        Assert.Equal(afreshHeaders, keptHeaders);
        Assert.Equal(comments, new HtmlParser().ParseDocument(fromKept).QuerySelector("textarea#comments")!.TextContent);
    }

    [Fact]
    public async Task QuestionPage_ManyPeopleTyping_EachSeesWhatTheyTyped_AndNoOneElse()
    {
        var people = new List<(Respondent Person, string Typed)>();
        for (var i = 0; i < 5; i++)
        {
            var person = portal.CreateRespondent();
            var typed = i == 0 ? "" : $"Kept-page check {Guid.NewGuid():N} <b>{i}</b> & {i}";
            await person.GetAsync("/questions/7");
            await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes", ["Comments"] = typed });
            people.Add((person, typed));
        }

        foreach (var (person, typed) in people)
        {
            await person.GetAsync("/questions/7");
            Assert.Equal(typed, person.Page.QuerySelector("textarea#comments")!.TextContent);
            foreach (var (_, othersTyped) in people.Where(p => p.Typed != typed && p.Typed.Length > 0))
            {
                Assert.DoesNotContain(othersTyped[..40], person.Html, StringComparison.Ordinal);
            }
        }

        foreach (var (person, _) in people)
        {
            person.Dispose();
        }
    }

    [Fact]
    public async Task QuestionPage_SignedInStaffFirst_SeeTheirNavigation_AndTheRespondentAfterThemDoesNot()
    {
        await using var fresh = new PortalFactory();
        using var staff = await fresh.SignedInStaffAsync(StaffRoles.Admin);
        await staff.GetAsync("/questions/8");
        using var respondent = fresh.CreateRespondent();
        await respondent.GetAsync("/questions/8");
        using var staffAgain = await fresh.SignedInStaffAsync(StaffRoles.Admin);
        await staffAgain.GetAsync("/questions/8");

        Assert.NotNull(staff.Page.QuerySelector($"nav[aria-label=Staff] form[action='{AccountLinks.SignOut}']"));
        Assert.Null(respondent.Page.QuerySelector("nav[aria-label=Staff]"));
        Assert.NotNull(staffAgain.Page.QuerySelector($"nav[aria-label=Staff] form[action='{AccountLinks.SignOut}']"));
    }

    [Fact]
    public async Task QuestionPage_WrittenFromItsDrawing_CarriesANewFormTokenEachTime_ThatSavesTheAnswer()
    {
        using var person = portal.CreateRespondent();
        using var other = portal.CreateRespondent();
        var tokens = new List<string>();
        foreach (var who in new[] { person, other, person })
        {
            await who.GetAsync("/questions/10");
            tokens.Add(who.AntiforgeryToken);
        }

        await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "not-sure", ["Comments"] = "Saved with a kept page's token" });

        Assert.Equal(3, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("/questions/11", person.Path);
        await person.GetAsync("/questions/10");
        Assert.Equal("Saved with a kept page's token", person.Page.QuerySelector("textarea#comments")!.TextContent);
    }

    /// <summary>
    /// The page a person sees the second time they open a question they answered (the first time may draw it), with
    /// its form token and script nonce, new on every request, marked as such; and its headers but for the cookies,
    /// the date and how the body's length is given.
    /// </summary>
    private static async Task<(string Html, string Headers)> QuestionPageAsync(PortalFactory portal, string? choice, string comments, bool change)
    {
        using var person = portal.CreateRespondent();
        await person.GetAsync("/questions/4");
        await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = choice, ["Comments"] = comments });
        var url = change ? "/questions/4?change=true" : "/questions/4";
        await person.GetAsync(url);
        using var response = await person.Client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var nonce = page.QuerySelector("script[nonce]")!.GetAttribute("nonce")!;
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = [.. response.Headers, .. response.Content.Headers];
        var headers = string.Join("\n", all
            .Where(h => h.Key is not ("Set-Cookie" or "Date" or "Content-Length" or "Transfer-Encoding"))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        return (html.Replace(token, "(token)", StringComparison.Ordinal).Replace(nonce, "(nonce)", StringComparison.Ordinal),
            headers.Replace(nonce, "(nonce)", StringComparison.Ordinal));
    }

    private static string[] Checked(IDocument page) =>
        [.. page.QuerySelectorAll("input[name=Answer][checked]").Select(i => i.GetAttribute("value")!)];
}
