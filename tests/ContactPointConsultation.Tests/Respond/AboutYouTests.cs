using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

public sealed class AboutYouTests(SharedPortal portal)
{
    [Fact]
    public async Task Get_AboutYou_ExplainsWhyAndPreselectsNothing()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/about-you");

        Assert.Equal("About you (optional)", respondent.Text("h1"));
        Assert.Contains("These questions help us", respondent.Text("main"), StringComparison.Ordinal);
        Assert.Empty(respondent.Page.QuerySelectorAll("input[checked]"));
        var labels = respondent.Page.QuerySelectorAll(".govuk-radios__label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(2, labels.Count(l => l == "Prefer not to say"));
    }

    [Fact]
    public async Task Post_UnknownAgeGroup_ShowsErrorLinkedToTheFirstRadio()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/about-you");

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["AgeGroup"] = "42", ["AnsweringAs"] = "group" });

        Assert.Equal(["Select your age group, or select prefer not to say"], respondent.ErrorSummary);
        Assert.Equal("#age-group", respondent.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(respondent.Page.QuerySelector("input#age-group"));
        Assert.NotNull(respondent.Page.QuerySelector("input[name=AnsweringAs][value=group][checked]"));
    }

    [Fact]
    public async Task Post_PreferNotToSay_IsShownOnCheckAnswers()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes").AboutYou("prefer-not-to-say", "prefer-not-to-say"));

        var aboutYou = respondent.Page.QuerySelectorAll("dl")[1].QuerySelectorAll(".govuk-summary-list__value").Select(v => v.TextContent.Trim());

        Assert.Equal(["Prefer not to say", "Prefer not to say"], aboutYou);
    }
}
