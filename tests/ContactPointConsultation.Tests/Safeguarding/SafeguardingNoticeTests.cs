using AngleSharp.Dom;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Safeguarding;

/// <summary>Young people are told, before they answer, what happens to a worrying comment, in words they can read.</summary>
public sealed class SafeguardingNoticeTests(SharedPortal portal)
{
    private const string TrainedPerson = "a trained person will read it";
    private const string NotKnown = "We do not know who you are unless you tell us.";

    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    public async Task Page_SaysATrainedPersonReadsAWorryingComment_AndThatWeDoNotKnowWhoTheyAre(string url)
    {
        using var browser = portal.CreateRespondent();
        await browser.GetAsync(url);

        var main = browser.Text("main");
        Assert.Contains(TrainedPerson, main, StringComparison.Ordinal);
        Assert.Contains("someone whose job is to keep children safe", main, StringComparison.Ordinal);
        Assert.Contains(NotKnown, main, StringComparison.Ordinal);
        Assert.Contains("Childline", browser.Text("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullPrivacyNotice_SaysWhoMayBeToldAndThatTheScreenDecidesNothing()
    {
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/privacy/full");

        var main = browser.Text("main");
        Assert.Contains("If a comment makes us think a child may be at risk of harm", main, StringComparison.Ordinal);
        Assert.Contains("We do not know who you are unless you tell us.", main, StringComparison.Ordinal);
        Assert.Contains("It does not decide anything about anyone", main, StringComparison.Ordinal);
        Assert.Contains("We keep safeguarding records for 72 months", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortPrivacyNotice_IfYouChangeYourMind_SaysANoteOfAWorryingCommentIsKeptAfterYourAnswersGo()
    {
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/privacy");

        var heading = browser.Page.QuerySelectorAll("main h2").Single(h => h.TextContent == "If you change your mind");
        var text = string.Join(" ", Following(heading).Select(p => p.TextContent.Trim()));

        Assert.Contains("We keep it for 72 months, even if we remove your answers.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortPrivacyNotice_WorryingCommentSection_ReadsAtAge11OrBelow()
    {
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/privacy");

        var heading = browser.Page.QuerySelectorAll("main h2").Single(h => h.TextContent == "If we are worried about you");
        var text = string.Join(" ", Following(heading).Select(p => p.TextContent.Trim()));
        var score = Readability.Estimate(text)!;

        TestContext.Current.TestOutputHelper?.WriteLine($"{score.Words} words, {score.Sentences} sentences, reading age {score.ReadingAge}: {text}");
        Assert.True(score.ReadingAge <= ReadabilityScore.TargetReadingAge, $"Reading age {score.ReadingAge}: {text}");
    }

    private static IEnumerable<IElement> Following(IElement heading)
    {
        for (var next = heading.NextElementSibling; next is not null && next.LocalName != "h2"; next = next.NextElementSibling)
        {
            yield return next;
        }
    }
}
