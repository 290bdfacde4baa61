using AngleSharp.Dom;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// A question page draws its radios once for each option of a settled wording version and reuses them
/// (docs/adr/0028-respondent-pages-at-the-limit.md). Each person must still see their own choice, and only theirs.
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

    private static string[] Checked(IDocument page) =>
        [.. page.QuerySelectorAll("input[name=Answer][checked]").Select(i => i.GetAttribute("value")!)];
}
