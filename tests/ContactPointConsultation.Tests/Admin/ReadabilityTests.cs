using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Tests.Admin;

public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("young", 1)]
    [InlineData("children", 2)]
    [InlineData("people", 2)]
    [InlineData("guidance", 2)]
    [InlineData("answer", 2)]
    [InlineData("questions", 2)]
    [InlineData("everyone", 3)]
    [InlineData("decision", 3)]
    [InlineData("information", 4)]
    [InlineData("consultation", 4)]
    public void Syllables_CommonWords_MatchTheDictionary(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Theory]
    [InlineData("made")]
    [InlineData("give")]
    [InlineData("while")]
    [InlineData("makes")]
    [InlineData("rules")]
    [InlineData("goes")]
    [InlineData("used")]
    [InlineData("asked")]
    [InlineData("called")]
    [InlineData("played")]
    public void Syllables_SilentEAndEndings_AreNotCounted(string word) =>
        Assert.Equal(1, Readability.Syllables(word));

    [Theory]
    [InlineData("table")]
    [InlineData("tables")]
    [InlineData("settled")]
    [InlineData("wanted")]
    [InlineData("needed")]
    [InlineData("boxes")]
    [InlineData("places")]
    [InlineData("wishes")]
    [InlineData("café")]
    public void Syllables_SpokenEndings_AreCounted(string word) =>
        Assert.Equal(2, Readability.Syllables(word));

    [Theory]
    [InlineData("going", 2)]
    [InlineData("being", 2)]
    [InlineData("saying", 2)]
    [InlineData("well-being", 3)]
    [InlineData("usual", 3)]
    [InlineData("individual", 5)]
    [InlineData("quality", 3)]
    [InlineData("language", 2)]
    public void Syllables_VowelsSaidApart_CountTwice(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Theory]
    [InlineData("don't", 1)]
    [InlineData("there’s", 1)]
    [InlineData("children's", 2)]
    [InlineData("information-sharing", 6)]
    [InlineData("12-year-old", 3)]
    [InlineData("1,000", 1)]
    [InlineData("Q12", 1)]
    public void Syllables_ApostrophesHyphensAndNumbers_AreHandled(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void Estimate_ShortPlainSentences_ReadsAtSevenOrBelow()
    {
        var score = Estimate("The cat sat on the mat. It was a big cat.");

        Assert.True(score.ReadingAge <= 7);
        Assert.False(score.IsAboveTarget);
    }

    [Fact]
    public void Estimate_DenseBureaucraticSentence_ReadsAboveAgeEleven()
    {
        var score = Estimate(
            "ContactPoint is an information-sharing index established to facilitate communication " +
            "between practitioners delivering services to children and young people.");

        Assert.True(score.ReadingAge > 11);
        Assert.True(score.IsAboveTarget);
    }

    [Fact]
    public void Estimate_HandCountedText_MatchesTheFormulaExactly()
    {
        // Sentence 1: We(1) want(1) to(1) hear(1) from(1) young(1) people(2) = 7 words, 8 syllables.
        // Sentence 2: Your(1) answers(2) will(1) help(1) us(1) make(1) a(1) decision(3) = 8 words, 11 syllables.
        // Total: 15 words, 2 sentences, 19 syllables.
        // Grade = 0.39 × (15 / 2) + 11.8 × (19 / 15) − 15.59 = 2.925 + 14.9467 − 15.59 = 2.2817.
        // Reading age = 2.2817 + 5 = 7.28, rounded to 7.
        var score = Estimate("We want to hear from young people. Your answers will help us make a decision.");

        Assert.Equal(15, score.Words);
        Assert.Equal(2, score.Sentences);
        Assert.Equal(19, score.Syllables);
        Assert.Equal(2.28, score.Grade, 2);
        Assert.Equal(7, score.ReadingAge);
    }

    [Fact]
    public void Estimate_VeryEasyText_ReadingAgeIsNeverBelowFive()
    {
        // 3 one-syllable words in 3 sentences: grade = 0.39 + 11.8 − 15.59 = −3.4, which would be age 1.6.
        var score = Estimate("Yes. No. Go.");

        Assert.True(score.Grade < 0);
        Assert.Equal(5, score.ReadingAge);
    }

    [Fact]
    public void Estimate_BulletLinesWithoutFullStops_EachCountAsASentence()
    {
        var score = Estimate("You can:\n- say what you think\n- ask a question\n\n- tell us your age");

        Assert.Equal(4, score.Sentences);
    }

    [Fact]
    public void Estimate_PunctuationRunsAndLineEndings_CountOneSentenceEach()
    {
        var score = Estimate("Really?! Yes...\r\nThat is right.\r\n\r\nSee gov.uk for more.");

        Assert.Equal(4, score.Sentences);
    }

    [Fact]
    public void Estimate_NumbersWithCommasOrPoints_CountAsOneWordOfOneSyllable()
    {
        var score = Estimate("We had 1,000 answers in 2.5 weeks.");

        Assert.Equal(7, score.Words);
        Assert.Equal(1, score.Sentences);
        Assert.Equal(8, score.Syllables);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("...")]
    [InlineData("?! -- • ’ '")]
    [InlineData("👍🏽 🎉 ❤️")]
    public void Estimate_TextWithNoWords_ReturnsNull(string? text) =>
        Assert.Null(Readability.Estimate(text));

    [Fact]
    public void Estimate_WelshText_CountsWordsWithoutThrowing()
    {
        var score = Estimate("Mae’r dŵr yn oer. Croeso i’r ymgynghoriad!");

        Assert.Equal(7, score.Words);
        Assert.Equal(2, score.Sentences);
    }

    [Fact]
    public void Estimate_WelshTypedWithACombiningAccent_KeepsTheWordWhole()
    {
        var score = Estimate("Mae’r dw\u0302r yn oer.");

        Assert.Equal(4, score.Words);
    }

    [Fact]
    public void Estimate_EmojiBetweenWords_AreNotCountedAsWords()
    {
        var score = Estimate("We love it 👍🏽! Thanks 🎉❤️");

        Assert.Equal(4, score.Words);
        Assert.Equal(2, score.Sentences);
    }

    private static ReadabilityScore Estimate(string text) =>
        Readability.Estimate(text) ?? throw new Xunit.Sdk.XunitException($"Expected a score for: {text}");
}
