using System.Globalization;
using System.Text;
using ContactPointConsultation.Core.Safeguarding;

namespace ContactPointConsultation.Tests.Safeguarding;

public sealed class DisclosureScreenTests
{
    /// <summary>The sets the rules were written and tuned against, and the learned model is trained on, in the order
    /// they were written. Sets 1 and 2 were written for version 1 (set 2 was its held-out set, measured once and then
    /// used to improve the rules); sets 3 and 4 were written for version 2; sets 5 to 8 were the held-out sets of
    /// version 2, of two earlier models of version 3 and of version 3 as first shipped (measured once each: 86.7%,
    /// 93.6%, 92.2% and 94.4% recall), which the model trains on. Each was written by a writer who had not seen the
    /// rules, and measured once before anything was tuned or trained on it (docs/safeguarding-screen.md).</summary>
    public static readonly TheoryData<string> DevelopmentSets = new(
        "screening-dev-1.tsv", "screening-dev-2.tsv", "screening-dev-3.tsv", "screening-dev-4.tsv", "screening-dev-5.tsv",
        "screening-dev-6.tsv", "screening-dev-7.tsv", "screening-dev-8.tsv");

    /// <summary>Written for version 4 by a writer who had not seen the rules, the model or the other sets, and not read
    /// while either was made: its figure is the honest one (docs/safeguarding-screen.md).</summary>
    private const string HeldOutSet = "screening-holdout-v6.tsv";

    // ---- The labelled sets

    [Theory]
    [MemberData(nameof(DevelopmentSets))]
    public void DevelopmentSet_RecallAtLeast95Percent_AndAtMost10PercentOfOrdinaryCommentsFlagged(string file)
    {
        var figures = Measure(file);

        Assert.True(figures.Recall >= 0.95, $"Recall {figures.Recall:P1} is below 95%; see the test output for each miss.");
        Assert.True(figures.FalsePositiveRate <= 0.10, $"{figures.FalsePositiveRate:P1} of ordinary comments were flagged, over 10%.");
    }

    /// <summary>
    /// The honest figure: the held-out set was run once, on version 4, after the rules, the model and its thresholds
    /// were final, and measured recall 97.2% (175 of 180; the rules alone 88.9%) and 2.0% of ordinary comments flagged
    /// (4 of 200), both within target (docs/safeguarding-screen.md). This test keeps the figures from getting worse and
    /// prints every miss. Neither the rules nor the model may be tuned or trained on this set; a later version needs a
    /// new held-out set.
    /// </summary>
    [Fact]
    public void HeldOutSet_RecallAndFalsePositives_AreNoWorseThanFirstMeasured()
    {
        var figures = Measure(HeldOutSet);

        Assert.True(figures.Recall >= 175.0 / 180, $"Recall {figures.Recall:P1} fell below the 97.2% first measured; see the test output for each miss.");
        Assert.True(figures.FalsePositiveRate <= 4.0 / 200, $"{figures.FalsePositiveRate:P1} of ordinary comments were flagged, over the 2.0% first measured.");
    }

    /// <summary>The rules read a match's own sentence, so where it sits in a long comment makes no difference. The
    /// ordinary text must not be flagged on its own, or every long comment would pass.</summary>
    [Fact]
    public void LongComment_WithADisclosureTheRulesFind_IsFlaggedByThemAtTheStartInTheMiddleOrAtTheEnd()
    {
        Assert.False(DisclosureScreen.Screen(OrdinaryLongText(), everyRule: false, model: null).Flagged, "The ordinary text the disclosures are put in is flagged on its own.");

        var missed = LongComments()
            .Where(c => DisclosureScreen.Screen(c.Disclosure, everyRule: false, model: null).Flagged)
            .Where(c => !DisclosureScreen.Screen(c.Comment, everyRule: false, model: null).Flagged)
            .Select(c => c.Disclosure).ToList();

        Assert.True(missed.Count == 0, $"{missed.Count} disclosures were missed in a long comment:\n{string.Join("\n", missed)}");
    }

    /// <summary>The learned model scores a long comment by its most worrying stretch, which holds less than the whole
    /// of a disclosure written over several sentences, so it can lose one it flags on its own (about 1 in 100 when this
    /// was written), the price of not flagging more long opinions about the guidance (see
    /// <see cref="ScreenModel.WindowFlagAbove"/>). This keeps that under one in fifty and prints each.</summary>
    [Fact]
    public void LongComment_WithADisclosureFlaggedOnItsOwn_IsFlaggedAtTheStartInTheMiddleOrAtTheEnd_AtLeast49TimesIn50()
    {
        Assert.False(DisclosureScreen.Screen(OrdinaryLongText()).Flagged, "The ordinary text the disclosures are put in is flagged on its own.");
        var comments = LongComments().Where(c => DisclosureScreen.Screen(c.Disclosure).Flagged).ToList();

        var missed = comments.Where(c => !DisclosureScreen.Screen(c.Comment).Flagged).Select(c => c.Disclosure).ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"{missed.Count} of {comments.Count} missed in a long comment:\n{string.Join("\n", missed)}");
        Assert.True(missed.Count <= comments.Count / 50, $"{missed.Count} of {comments.Count} disclosures were missed in a long comment:\n{string.Join("\n", missed)}");
    }

    // ---- The consultation's own examples

    [Theory]
    [InlineData("People who misuse ContactPoint should be punished")]
    [InlineData("substance abuse services are sensitive")]
    [InlineData("children at risk of harm")]
    [InlineData("if a child is being abused the social worker should know")]
    [InlineData("what if a hacker found out where i live")]
    [InlineData("my mum would kill me if she saw this lol")]
    [InlineData("im dying to know who reads these")]
    [InlineData("that would kill the point of it")]
    [InlineData("this guidance is killing me its so long")]
    [InlineData("if someone hurt me i would tell a teacher")]
    [InlineData("it really hurts me when people share data")]
    [InlineData("i fell off my bike and broke my arm but im ok now")]
    [InlineData("Mae'n bwysig 👍🏽 – a comment of ordinary length.")]
    public void AbstractHypotheticalOrJokingComments_AreNotFlagged(string comment)
    {
        var result = DisclosureScreen.Screen(comment);

        Assert.False(result.Flagged, Describe(result));
    }

    [Fact]
    public void StepDadHittingMe_IsFlaggedAsPhysicalAbuseOrNamedAdult()
    {
        var result = DisclosureScreen.Screen("my step dad hits me when mum is out");

        Assert.True(result.Flagged);
        Assert.Contains(result.Matches, m => m.Category is DisclosureCategories.PhysicalAbuse or DisclosureCategories.NamedAdult);
    }

    [Fact]
    public void NotWantingToBeAlive_IsFlaggedAsSuicidal()
    {
        var result = DisclosureScreen.Screen("i dont want to be alive anymore");

        Assert.Contains(result.Matches, m => m.Category == DisclosureCategories.Suicidal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("👍🏽 🙂")]
    public void NothingToRead_IsClear(string? comment) =>
        Assert.Same(ScreenResult.Clear, DisclosureScreen.Screen(comment));

    [Fact]
    public void WarmUp_CompilesOncePerProcess_SoEveryLaterPortalStartsWithoutIt()
    {
        // The first call may be this one or a portal's started earlier in the test run; every later one does nothing.
        DisclosureScreen.WarmUp(TestContext.Current.CancellationToken);

        Assert.False(DisclosureScreen.WarmUp(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void LongStrangeAndBrokenText_DoesNotThrow()
    {
        var random = new Random(7);
        var samples = new List<string>
        {
            new('a', 5000),
            string.Concat(Enumerable.Repeat("my dad hits ", 416)),
            string.Concat(Enumerable.Repeat("older guy ", 500)),
            string.Concat(Enumerable.Repeat("im 12 and my boyfriend is 25 ", 172)),
            "he hits me\0 and\0\0 i cant\u0000 go home",
            "\uD800 lone surrogate \uDC00 my mum hurts me 👩‍👩‍👧 ŵŷ",
            "’’’ pleeeeeeeeease ’ don’t ’",
        };
        for (var i = 0; i < 50; i++)
        {
            var chars = new char[random.Next(0, 5001)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x10000);
            }

            samples.Add(new string(chars));
        }

        foreach (var sample in samples)
        {
            var result = DisclosureScreen.Screen(sample);
            Assert.All(result.Matches, m => Assert.Contains(m.Phrase, sample, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Phrase_IsShownAsTheChildWroteIt()
    {
        const string comment = "I’m scared… My STEP-DAD hurtz me wen Mum’s out!!";

        var result = DisclosureScreen.Screen(comment);

        Assert.Contains(result.Matches, m => m.Phrase == "hurtz me");
        Assert.Contains(result.Matches, m => m.Phrase == "My STEP-DAD hurtz");
        Assert.All(result.Matches, m => Assert.Contains(m.Phrase, comment, StringComparison.Ordinal));
    }

    // ---- One clear example per category

    [Theory]
    [InlineData(DisclosureCategories.PhysicalAbuse, "he punched me in the face and i have bruises")]
    [InlineData(DisclosureCategories.SexualAbuse, "my uncle touches me when nobody is home")]
    [InlineData(DisclosureCategories.EmotionalAbuse, "my dad calls me worthless every day")]
    [InlineData(DisclosureCategories.Neglect, "there is no food at home and mum doesnt come home")]
    [InlineData(DisclosureCategories.SelfHarm, "i cut myself when things get bad")]
    [InlineData(DisclosureCategories.Suicidal, "i want to kill myself")]
    [InlineData(DisclosureCategories.DomesticAbuse, "dad hits mum and there is shouting and smashing things")]
    [InlineData(DisclosureCategories.ExploitationGrooming, "an older guy i met online wants to meet me and gives me money to carry stuff")]
    [InlineData(DisclosureCategories.BullyingThreats, "they said theyll stab me after school")]
    [InlineData(DisclosureCategories.RunningAway, "im going to run away from home tonight")]
    [InlineData(DisclosureCategories.NamedAdult, "my swimming coach gary touches girls in the changing rooms")]
    public void ClearExample_IsFlaggedWithItsCategory(string category, string comment)
    {
        var result = DisclosureScreen.Screen(comment);

        Assert.True(result.Matches.Any(m => m.Category == category), $"Expected {category}. {Describe(result)}");
    }

    [Fact]
    public void EveryCategory_HasARule_AndEveryRuleHasAKnownCategoryAndAUniqueName()
    {
        var rules = DisclosureScreen.RuleNames;

        Assert.Equal(DisclosureCategories.All.Order(), rules.Select(r => r.Category).Distinct().Order());
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct().Count());
        Assert.False(string.IsNullOrWhiteSpace(DisclosureScreen.Version));
    }

    // ---- How it works

    [Theory]
    [InlineData("I’m gonna", "i am going to")]
    [InlineData("pleeeease dont", "please dont")]
    [InlineData("killll", "kill")]
    [InlineData("u r my mam's bf", "you are my mums boyfriend")]
    [InlineData("he'll hit me. Bc he's drunk", "he will hit me . because he is drunk")]
    [InlineData("my stepdad", "my step dad")]
    public void PlainForm_FoldsCaseApostrophesRepeatsAndTextSpeak(string comment, string plain) =>
        Assert.Equal(plain, DisclosureText.Normalise(comment));

    [Fact]
    public void Triggers_NeverHideAMatch_AndEveryRuleHasThem()
    {
        var comments = AllDevelopmentComments().Concat(LongComments().Select(c => c.Comment)).Concat(
        [
            "my stepdad hits me", "im 12 and my boyfriend is 25", "the man next door called paul keeps asking me in",
            "i ran away from home", "my mums boyfriend strangled her", "he says im his favourite and not to tell anyone",
        ]);

        Assert.Equal(0, DisclosureScreen.RulesWithoutTriggers);
        Assert.All(comments, comment => Assert.Equal(
            Describe(DisclosureScreen.Screen(comment, everyRule: true, model: null)),
            Describe(DisclosureScreen.Screen(comment, everyRule: false, model: null))));
    }

    [Fact]
    public void Screening_FromManyThreadsAtOnce_GivesTheSameResults()
    {
        var comments = AllDevelopmentComments().ToList();
        var expected = comments.Select(c => Describe(DisclosureScreen.Screen(c))).ToList();
        var actual = new string[comments.Count];

        Parallel.For(0, comments.Count, i => actual[i] = Describe(DisclosureScreen.Screen(comments[i])));

        Assert.Equal(expected, actual);
    }

    /// <summary>Everyday sentences that share words with the phrases for indirect disclosures (plans, goodbyes, code
    /// words, not coming back), which must stay narrow.</summary>
    [Theory]
    [InlineData("today is the last day of term so i did this")]
    [InlineData("we have a plan for the weekend")]
    [InlineData("i went down the stairs and answered this")]
    [InlineData("my mum will come and get me from school")]
    [InlineData("our game is fortnite")]
    [InlineData("the computer needs to get fixed")]
    [InlineData("not sure i can take part")]
    [InlineData("mum is coming for me at 3")]
    [InlineData("i will go again next year")]
    [InlineData("i looked up how much data it takes")]
    [InlineData("they have my id on the system")]
    [InlineData("the fire alarm went off again")]
    [InlineData("the results havent come back yet")]
    [InlineData("there should be ways to get rid of old records")]
    [InlineData("people get death threats online")]
    [InlineData("school is better than home schooling")]
    [InlineData("snacks for when i go to school")]
    [InlineData("children put in care should have a say")]
    [InlineData("they should use a code word to log in")]
    [InlineData("i have my bag packed for the school trip")]
    [InlineData("im leaving tomorrow for my holiday")]
    [InlineData("i might jump off the diving board")]
    public void EverydaySentencesNearTheIndirectPhrases_AreNotMatchedByTheRules(string comment)
    {
        // These check how broad the rules' phrases are. The learned model's false flags are measured on the labelled
        // sets, not sentence by sentence (version 3's model flagged "snacks for when i go to school"; version 4's flags none).
        var result = DisclosureScreen.Screen(comment, everyRule: false, model: null);

        Assert.False(result.Flagged, Describe(result));
    }

    // ---- Helpers

    internal sealed record Labelled(bool Disclosure, string Category, string Text);

    private sealed record Figures(double Recall, double FalsePositiveRate);

    private static Figures Measure(string file)
    {
        var comments = Load(file);
        var disclosures = comments.Where(c => c.Disclosure).ToList();
        var ordinary = comments.Where(c => !c.Disclosure).ToList();
        var misses = disclosures.Where(c => !DisclosureScreen.Screen(c.Text).Flagged).ToList();
        var falseFlags = ordinary.Where(c => DisclosureScreen.Screen(c.Text).Flagged).ToList();
        var recall = disclosures.Count == 0 ? 0 : 1 - ((double)misses.Count / disclosures.Count);
        var falsePositiveRate = ordinary.Count == 0 ? 0 : (double)falseFlags.Count / ordinary.Count;

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture,
            $"{file}: recall {recall:P1} ({disclosures.Count - misses.Count} of {disclosures.Count} disclosures flagged), "
            + $"false positives {falsePositiveRate:P1} ({falseFlags.Count} of {ordinary.Count} ordinary comments flagged)");
        foreach (var group in misses.GroupBy(m => m.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"missed {group.Key}: {group.Count()}");
        }

        foreach (var miss in misses)
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"MISS disclosure\t{miss.Category}\t{miss.Text}");
        }

        foreach (var flag in falseFlags)
        {
            output.AppendLine(CultureInfo.InvariantCulture,
                $"FALSE FLAG ordinary\t{flag.Category}\t{flag.Text}\t=> {Describe(DisclosureScreen.Screen(flag.Text))}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        return new Figures(recall, falsePositiveRate);
    }

    private static IEnumerable<string> AllDevelopmentComments() =>
        DevelopmentSets.SelectMany(row => Load(row.Data).Select(c => c.Text));

    /// <summary>Long comments: ordinary ones run together, with each disclosure of a development set put at the start, in
    /// the middle or at the end, as children write them.</summary>
    private static IEnumerable<(string Disclosure, string Comment)> LongComments()
    {
        var sets = DevelopmentSets.SelectMany(row => Load(row.Data)).ToList();
        var ordinary = OrdinaryLongText();
        var middle = ordinary.Length / 2;
        return sets.Where(c => c.Disclosure).Select((c, i) => (c.Text, (i % 3) switch
        {
            0 => c.Text + " " + ordinary,
            1 => ordinary[..middle] + " " + c.Text + " " + ordinary[middle..],
            _ => ordinary + " " + c.Text,
        }));
    }

    /// <summary>The first 40 ordinary comments of the development sets, one after another as sentences. (Run together
    /// with no full stops, "the word harm is used loads but they never say what it means" and "runaway kids should be
    /// flagged somehow" read as one sentence about a real runaway, and the text is flagged without a disclosure in it.)</summary>
    private static string OrdinaryLongText() =>
        string.Join(". ", DevelopmentSets.SelectMany(row => Load(row.Data)).Where(c => !c.Disclosure).Take(40).Select(c => c.Text));

    internal static List<Labelled> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safeguarding", "Data", file);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal("label\tcategory\ttext", lines[0]);
        return lines.Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t', 3))
            .Select(parts => new Labelled(parts[0] == "disclosure", parts[1], parts[2]))
            .ToList();
    }

    private static string Describe(ScreenResult result) =>
        result.Flagged ? string.Join("; ", result.Matches.Select(m => $"{m.Rule}/{m.Category}: '{m.Phrase}'")) : "not flagged";
}
