using ContactPointConsultation.Core.Safeguarding;

namespace ContactPointConsultation.Tests.Safeguarding;

public sealed class ScreenModelTests
{
    private const string DataFolder = "tests/ContactPointConsultation.Tests/Safeguarding/Data";
    private const string ModelFile = "src/ContactPointConsultation.Core/Safeguarding/screen-model.tsv";

    /// <summary>
    /// The shipped model is exactly what the development sets and the training code make, so nobody can hand-edit a
    /// weight. After changing a set or the training, run this test with SCREEN_MODEL_WRITE=1 to rewrite the file,
    /// then read its diff.
    /// </summary>
    [Fact]
    public void ShippedModel_IsTheOneTheLabelledSetsTrain()
    {
        var sets = DisclosureScreenTests.DevelopmentSets.Select(row => row.Data).ToList();
        var comments = sets.SelectMany(DisclosureScreenTests.Load).Select(c => (c.Text, c.Disclosure)).ToList();
        var trained = ScreenModelTraining.Train(comments, $"{DataFolder}/{string.Join(", ", sets)}");

        if (Environment.GetEnvironmentVariable("SCREEN_MODEL_WRITE") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), ModelFile), trained);
        }

        Assert.True(trained == ScreenModel.ShippedText(),
            $"{ModelFile} is not what the development sets train. Run this test with SCREEN_MODEL_WRITE=1 to rewrite it, rebuild, and read the diff.");
    }

    [Theory]
    [InlineData("i dont want to go home becuase of what happens there")]
    [InlineData("my big sister hasnt eaten properly in weeks and she hides it")]
    [InlineData("ppl at school say there gonna get me")]
    public void ScoreOfAShortComment_IsTheBiasPlusTheWeightOfEachOfItsWordsAndPairs(string comment)
    {
        var model = ScreenModel.Shipped;
        var expected = model.Bias + ScreenModelTraining.Features(comment).Sum(f => model.Weights.GetValueOrDefault(f));

        var scored = model.Score(DisclosureText.Normalise(comment));

        Assert.Equal(expected, scored.Score, precision: 9);
    }

    [Fact]
    public void LongComment_IsScoredByItsMostWorryingWindow_SoADisclosureInTheMiddleIsNotDrownedOut()
    {
        var ordinary = string.Join(" ", Enumerable.Repeat("i think contactpoint is a good idea if the data is kept safe and only the right people can see it", 8));
        const string Disclosure = "my stepdad hits me and says he will hurt mum if i tell anyone";
        var model = ScreenModel.Shipped;

        var alone = model.Score(DisclosureText.Normalise(Disclosure)).Score;
        var buried = model.Score(DisclosureText.Normalise($"{ordinary} {Disclosure} {ordinary}")).Score;
        var plainOrdinary = model.Score(DisclosureText.Normalise($"{ordinary} {ordinary}")).Score;

        Assert.True(buried > ScreenModel.WindowFlagAbove, $"Buried disclosure scored {buried:0.00}, alone {alone:0.00}.");
        Assert.True(plainOrdinary < 0, $"The ordinary text alone scored {plainOrdinary:0.00}.");
    }

    [Fact]
    public void ModelFlag_NamesTheModelItsScoreAndTheWordsThatWeighedMost_AllFromTheComment()
    {
        // Neglect in words no rule names: nobody getting a child up, and no tea.
        const string Comment = "nobody gets me up in the morning and theres nothing for tea most nights";
        Assert.False(DisclosureScreen.Screen(Comment, everyRule: true, model: null).Flagged);

        var result = DisclosureScreen.Screen(Comment);

        var match = Assert.Single(result.Matches);
        Assert.StartsWith(DisclosureScreen.LearnedModelRule + ", score ", match.Rule, StringComparison.Ordinal);
        Assert.Equal(DisclosureCategories.Unclassified, match.Category);
        var plain = DisclosureText.Normalise(Comment);
        var reasons = match.Phrase.Split(" · ");
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, plain, StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyModel_IsRefused_AndAModelWithABadLineIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => ScreenModel.Read("# nothing\n"));
        Assert.Throws<InvalidOperationException>(() => ScreenModel.Read("(bias)\t0.1\nw:hits\tmany\n"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactPointConsultation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ContactPointConsultation.sln) was not found above the test's folder.");
    }
}
