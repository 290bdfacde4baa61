using System.Globalization;
using ContactPointConsultation.Core.Analysis;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>
/// How well the theme suggestions match what a person chose, on the labelled set: F1 over (comment, theme)
/// pairs, as the portal reports it. The constants were chosen on the even lines; the odd lines are the
/// held-out half. The halves alone, words (TF-IDF) and meaning (embeddings), are measured the same way.
/// </summary>
public sealed class SuggestionQualityTests
{
    [Fact]
    public async Task Suggestions_OnTheLabelledSet_ReachF1OfAtLeast0Point6_AndBeatEitherHalfAlone()
    {
        using var model = new SentenceModel(TimeProvider.System);
        var whole = await ScoreAsync(model, ThemeSuggester.MeaningWeight, _ => true);
        var heldOut = await ScoreAsync(model, ThemeSuggester.MeaningWeight, c => c.Line % 2 == 1);
        var words = await ScoreAsync(model, 0, _ => true);
        var meaning = await ScoreAsync(model, 1, _ => true);
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"F1 suggestions {whole.F1:0.000} (P {whole.Precision:0.000} R {whole.Recall:0.000}), held out {heldOut.F1:0.000}; TF-IDF alone {words.F1:0.000}; MiniLM alone {meaning.F1:0.000}"));

        Assert.True(whole.F1 >= 0.6, $"F1 {whole.F1:0.000}");
        Assert.True(heldOut.F1 >= 0.6, $"held-out F1 {heldOut.F1:0.000}");
        Assert.True(whole.F1 > words.F1 && whole.F1 > meaning.F1, $"{whole.F1:0.000} against {words.F1:0.000} and {meaning.F1:0.000}");
    }

    [Fact]
    public async Task Suggestions_NeverIncludeOther_AndRankAtMostThreeThemes_BestFirst()
    {
        using var model = new SentenceModel(TimeProvider.System);
        var themes = LabelledSet.Themes();
        var suggester = await ThemeSuggester.ForAsync(themes.Where(t => t.QuestionNumber == 2), model, cancellationToken: TestContext.Current.CancellationToken);

        var ranked = await suggester.RankAsync(["what if someone hacks in and steals it", "idk", ""], model, TestContext.Current.CancellationToken);

        var other = themes.Single(t => t.QuestionNumber == 2 && t.Kind == ThemeKind.Other).Id;
        Assert.All(ranked, r => Assert.InRange(r.Count, 1, ThemeSuggester.Ranked));
        Assert.All(ranked, r => Assert.DoesNotContain(r, t => t.ThemeId == other));
        Assert.All(ranked, r => Assert.Equal(r.OrderByDescending(t => t.Score).Select(t => t.ThemeId), r.Select(t => t.ThemeId)));
        Assert.All(ranked, r => Assert.True(r[0].Suggested));
        Assert.Equal("Hacking and security", themes.Single(t => t.Id == ranked[0][0].ThemeId).Name);
        Assert.Equal("No reason given", themes.Single(t => t.Id == ranked[1][0].ThemeId).Name);
    }

    private static async Task<SuggestionScore> ScoreAsync(SentenceModel model, double meaningWeight, Func<LabelledComment, bool> which)
    {
        var themes = LabelledSet.Themes();
        var pairs = new List<(IReadOnlySet<int>, IReadOnlySet<int>)>();
        foreach (var question in LabelledSet.Comments().Where(which).GroupBy(c => c.Question))
        {
            var codebook = themes.Where(t => t.QuestionNumber == question.Key).ToList();
            var suggester = await ThemeSuggester.ForAsync(codebook, model, meaningWeight, TestContext.Current.CancellationToken);
            var comments = question.ToList();
            var ranked = await suggester.RankAsync([.. comments.Select(c => c.Comment)], model, TestContext.Current.CancellationToken);
            for (var i = 0; i < comments.Count; i++)
            {
                var confirmed = codebook.Where(t => comments[i].Themes.Contains(t.Name)).Select(t => t.Id).ToHashSet();
                Assert.Equal(comments[i].Themes.Count, confirmed.Count);
                pairs.Add((ranked[i].Where(r => r.Suggested).Select(r => r.ThemeId).ToHashSet(), confirmed));
            }
        }

        return SuggestionScore.Of(pairs);
    }
}
