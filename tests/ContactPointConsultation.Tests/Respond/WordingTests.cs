using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

public sealed class WordingTests(SharedPortal portal)
{
    public static TheoryData<int> QuestionNumbers => [.. Enumerable.Range(2, 11)];

    [Theory]
    [MemberData(nameof(QuestionNumbers))]
    public async Task QuestionPage_ShowsTheSeedWordingWordForWord(int number)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync($"/questions/{number}");

        var page = SeedDocument.Normalise(respondent.Text("main"));
        Assert.Equal(SeedDocument.SectionTitle(number), respondent.Text("h1"));
        Assert.Contains(SeedDocument.Normalise(SeedDocument.Question(number)), page, StringComparison.Ordinal);
        var wording = SeedDocument.Wording(number);
        Assert.NotEmpty(wording);
        foreach (var paragraph in wording)
        {
            Assert.Contains(SeedDocument.Normalise(paragraph), page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(QuestionNumbers))]
    public async Task QuestionPage_HasYesNoNotSureOnlyWhereTheSeedAsksForThem(int number)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync($"/questions/{number}");

        var labels = respondent.Page.QuerySelectorAll("input[name=Answer] + label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(number == 12 ? [] : ["Yes", "No", "Not sure"], labels);
        Assert.Equal(number == 12 ? 0 : 1, respondent.Page.QuerySelectorAll(".govuk-radios__divider").Length);
        Assert.Empty(respondent.Page.QuerySelectorAll("input[checked]"));
        Assert.Equal("Comments (optional)", respondent.Text("label[for=comments]"));
        Assert.Contains("Don’t write your name, your school or anything that shows who you are.", respondent.Text("#comments-hint"), StringComparison.Ordinal);
        Assert.Equal("5000", respondent.Page.QuerySelector(".govuk-character-count")!.GetAttribute("data-maxlength"));
    }

    [Fact]
    public async Task QuestionTwelve_ShowsTheDuplicatedParagraphOnlyOnce()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/questions/12");

        var text = respondent.Text("main");
        const string paragraph = "This is your chance to tell us anything else";
        Assert.Equal(text.IndexOf(paragraph, StringComparison.Ordinal), text.LastIndexOf(paragraph, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartPage_ShowsTheSeedIntroductionWordForWord()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/");

        Assert.Equal(SeedDocument.Title, respondent.Text("h1"));
        var page = SeedDocument.Normalise(respondent.Text("main"));
        foreach (var paragraph in SeedDocument.Introduction)
        {
            foreach (var line in paragraph.Split('\n'))
            {
                Assert.Contains(SeedDocument.Normalise(line.TrimStart('-', ' ')), page, StringComparison.Ordinal);
            }
        }

        Assert.Equal(5, respondent.Page.QuerySelectorAll("main ul.govuk-list--bullet")[1].Children.Length);
        Assert.Equal("Start now", respondent.Text(".govuk-button--start"));
    }
}
