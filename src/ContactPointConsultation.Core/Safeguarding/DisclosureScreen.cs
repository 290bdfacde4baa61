using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>One reason the screen flagged a comment: the rule's short name (e.g. "harm-verb-by-known-adult"),
/// the category, and the words that matched, as they appear in the comment (so the lead sees why).</summary>
public sealed record ScreenMatch(string Rule, string Category, string Phrase);

/// <summary>What the screen found in one comment. A comment is flagged when any rule matched.</summary>
public sealed record ScreenResult(IReadOnlyList<ScreenMatch> Matches)
{
    public bool Flagged => Matches.Count > 0;

    public static readonly ScreenResult Clear = new([]);
}

/// <summary>The kinds of harm a flag can point to. Stored with each flag; do not rename.</summary>
public static class DisclosureCategories
{
    public const string PhysicalAbuse = "physical-abuse";
    public const string SexualAbuse = "sexual-abuse";
    public const string EmotionalAbuse = "emotional-abuse";
    public const string Neglect = "neglect";
    public const string SelfHarm = "self-harm";
    public const string Suicidal = "suicidal";
    public const string DomesticAbuse = "domestic-abuse";
    public const string ExploitationGrooming = "exploitation-grooming";
    public const string BullyingThreats = "bullying-threats";
    public const string RunningAway = "running-away";
    public const string NamedAdult = "named-adult";

    /// <summary>The learned model says a comment reads like a disclosure, not what kind; the lead reads it to see.</summary>
    public const string Unclassified = "unclassified";

    /// <summary>The kinds the rules name.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PhysicalAbuse, SexualAbuse, EmotionalAbuse, Neglect, SelfHarm, Suicidal, DomesticAbuse,
        ExploitationGrooming, BullyingThreats, RunningAway, NamedAdult,
    ];
}

/// <summary>
/// Screens a child's comment for signs that they, or someone they know, are being hurt or are in danger, so
/// a trained safeguarding lead reads it. Offline: every rule is a pattern over the comment's plain form (see
/// <see cref="DisclosureText"/>), listed below with why it is there, and a learned model (<see cref="ScreenModel"/>)
/// gives a second opinion on what the rules found or missed. It errs towards flagging, because a missed disclosure
/// costs far more than a lead reading an ordinary comment. docs/safeguarding-screen.md lists the rules, the model,
/// the figures and what the screen misses.
/// </summary>
public static partial class DisclosureScreen
{
    /// <summary>Stored with each flag. Bump it whenever a rule, the plain form, the model or its thresholds change.</summary>
    public const string Version = "4";

    /// <summary>The rule named when the learned model flagged a comment, followed by its score.</summary>
    public const string LearnedModelRule = "learned-model";

    /// <summary>At most this many matches of one rule are reported for one comment.</summary>
    private const int MatchesPerRule = 5;

    /// <summary>At most this many matches of one rule are looked at for one comment, so text that repeats a
    /// phrase hundreds of times costs no more than a few.</summary>
    private const int CandidatesPerRule = 25;

    /// <summary>The checks on a match's sentence read at most this many characters before and after it, so a
    /// long comment with no full stops costs no more than a short one.</summary>
    private const int ContextBefore = 200;

    private const int ContextAfter = 100;

    /// <summary>Screens one comment. Pure and thread-safe; never throws.</summary>
    public static ScreenResult Screen(string? comment) => Screen(comment, everyRule: false, ScreenModel.Shipped);

    /// <summary>Screens one comment; <paramref name="everyRule"/> runs every rule, not only those the comment's words
    /// can trigger, so tests can show the triggers never hide a match; <paramref name="model"/> is the second opinion,
    /// or null for the rules alone.</summary>
    internal static ScreenResult Screen(string? comment, bool everyRule, ScreenModel? model)
    {
        if (string.IsNullOrWhiteSpace(comment) || !HasLetters(comment))
        {
            return ScreenResult.Clear;
        }

        using var plain = DisclosureText.Plain.From(comment);
        var text = plain.Text;
        Span<int> first = stackalloc int[Rules.Length];
        Span<int> last = stackalloc int[Rules.Length];
        if (everyRule)
        {
            first.Clear();
            last.Fill(text.Length);
        }
        else
        {
            Triggers.Mark(text, first, last);
        }

        List<ScreenMatch>? matches = null;
        List<(int Start, int End)>? spans = null;
        var checks = new SentenceChecks(stackalloc long[SentenceChecks.Capacity], stackalloc sbyte[SentenceChecks.Capacity * SentenceChecks.Count]);
        for (var r = 0; r < Rules.Length; r++)
        {
            if (first[r] < 0)
            {
                continue;
            }

            // Every match holds one of the rule's words, so only the stretch from a little before the first of them
            // to a little after the last is read: a long comment with one worrying sentence costs little more than
            // that sentence. The input still starts at the text's start, so ^ and lookbehinds see what they would.
            var rule = Rules[r];
            var scanFrom = Math.Max(0, first[r] - TriggerReach);
            var scanTo = EndOfWord(text, Math.Min(text.Length, last[r] + TriggerReach));
            var found = 0;
            var candidates = 0;
            foreach (var match in rule.Pattern.EnumerateMatches(text[..scanTo], scanFrom))
            {
                if (++candidates > CandidatesPerRule)
                {
                    break;
                }

                if (match.Length == 0)
                {
                    continue;
                }

                var from = match.Index;
                var to = match.Index + match.Length;
                if (rule.Before is not null)
                {
                    from = StartOfBefore(rule.Before, text, from, rule.BeforeMayCrossSentences);
                    if (from < 0)
                    {
                        continue;
                    }
                }

                // A harm word inside a phrase already reported ("hurtz" in "hurtz me") would tell the lead nothing new.
                var (start, end) = plain.Original(from, to);
                if (rule.OnlyAboutSomeoneReal && spans is not null && spans.Exists(s => s.Start <= start && end <= s.End))
                {
                    continue;
                }

                if (IsMadeUpCase(text, from, to, ref checks)
                    || (rule.OnlyAboutSomeoneReal && !IsAboutSomeoneReal(text, from, to, ref checks)))
                {
                    continue;
                }

                var phrase = comment[start..end];
                matches ??= [];
                spans ??= [];
                if (!matches.Exists(m => m.Rule == rule.Name && m.Phrase == phrase))
                {
                    matches.Add(new ScreenMatch(rule.Name, rule.Category, phrase));
                    spans.Add((start, end));
                }

                if (++found == MatchesPerRule)
                {
                    break;
                }
            }
        }

        return model is null ? (matches is null ? ScreenResult.Clear : new ScreenResult(matches)) : SecondOpinion(model, text, matches);
    }

    /// <summary>
    /// Comments that between them reach every path of the screen: ordinary and worrying, short and long enough for
    /// the model's windows, and the set-aside checks (a denial, a made-up case, a joke, an accident).
    /// </summary>
    private static readonly string[] WarmUpComments =
    [
        "People who misuse ContactPoint should be punished and substance abuse services are sensitive.",
        "my step dad hits me when mum is out and i dont want to be alive anymore",
        "if someone hurt me i would tell a teacher. my mum would kill me if i failed lol. i fell off my bike and hurt my arm.",
        "they never hit us but my friend told me her uncle touches her and she ran away from home last week, she is scared to go back",
        string.Join(" ", Enumerable.Repeat("i think the guidance is good because it keeps children safe and helps social workers share the right information.", 6)),
    ];

    /// <summary>1 once <see cref="WarmUp"/> has started in this process.</summary>
    private static int _warmedUp;

    /// <summary>
    /// The runtime compiles a method quickly at first, then, after 30 calls, again with counters in it, and fully only
    /// after 30 calls more, each step in the background and after a pause. Most comments reach few of the rules'
    /// patterns, so without this the screen's code was still being compiled thousands of sends after the portal
    /// started, using the CPU the sends need (docs/performance.md, "Screening every sent response"). So every rule
    /// runs on a few comments 40 times, three times over, with a pause after each for the runtime to put in what it
    /// compiled. Run as the portal starts, in the background; code is compiled once per process, so only the first
    /// call does anything (a test run starts many portals). False if it did nothing.
    /// </summary>
    public static bool WarmUp(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _warmedUp, 1) == 1)
        {
            return false;
        }

        const int Steps = 3;
        const int Rounds = 40;
        var pause = TimeSpan.FromMilliseconds(250);
        for (var step = 0; step < Steps && !cancellationToken.IsCancellationRequested; step++)
        {
            for (var round = 0; round < Rounds && !cancellationToken.IsCancellationRequested; round++)
            {
                foreach (var comment in WarmUpComments)
                {
                    Screen(comment, everyRule: true, ScreenModel.Shipped);
                    Screen(comment);
                }
            }

            cancellationToken.WaitHandle.WaitOne(pause);
        }

        return true;
    }

    /// <summary>
    /// The learned model's say (<see cref="ScreenModel"/>): it flags a comment no rule matched when it is sure the
    /// comment reads like a disclosure, and sets aside the rules' matches when it is all but certain a short comment
    /// is ordinary. The thresholds favour flagging, as the rules do (docs/safeguarding-screen.md has the figures).
    /// </summary>
    private static ScreenResult SecondOpinion(ScreenModel model, ReadOnlySpan<char> text, List<ScreenMatch>? matches)
    {
        var scored = model.Score(text);
        if (matches is not null)
        {
            return scored.Whole && scored.Score <= ScreenModel.SetAsideAtOrBelow ? ScreenResult.Clear : new ScreenResult(matches);
        }

        if (scored.Score <= (scored.Whole ? ScreenModel.FlagAbove : ScreenModel.WindowFlagAbove))
        {
            return ScreenResult.Clear;
        }

        var reasons = string.Join(" · ", model.Reasons(text, scored, howMany: 4));
        return new ScreenResult([new ScreenMatch(
            $"{LearnedModelRule}, score {scored.Score.ToString("0.0", CultureInfo.InvariantCulture)}", DisclosureCategories.Unclassified, reasons)]);
    }

    /// <summary>How far, in characters of the plain form, a match may reach before the first of its rule's words or
    /// after the last, lookarounds included ("older-person" looks 300 characters ahead for the child's age).</summary>
    private const int TriggerReach = 320;

    /// <summary>The end of the word at <paramref name="index"/>, so a scan never stops inside a word and sees a false \b.</summary>
    private static int EndOfWord(ReadOnlySpan<char> text, int index)
    {
        var space = text[index..].IndexOf(' ');
        return space < 0 ? text.Length : index + space;
    }

    private static bool HasLetters(string comment)
    {
        foreach (var c in comment)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the match is set aside (docs/safeguarding-screen.md, "Set aside"): an accident, a sport or a crime
    /// against the family close to it, unless told as a cover story; a threat to kill told as a joke or over a small
    /// thing; a denial just before it ("they never hit us"); a made-up child's ("a kid whose stepdad..."); harm long
    /// ago and over; or a made-up case set up just before it, about nobody in particular ("if someone hurt me",
    /// "what if a hacker...") with nobody the child knows in the sentence, or a "what if" about someone they know
    /// ("if my friend was getting hurt would..."). "If anyone finds out my dad will kill me" names a real person and
    /// is not made up.
    /// </summary>
    private static bool IsMadeUpCase(ReadOnlySpan<char> text, int index, int end, ref SentenceChecks checks)
    {
        var sentence = Sentence(text, index, end);
        var clause = Clause(text, sentence, index, end);
        var upToMatchEnd = text[Math.Max(clause.From, index - SetUpReach)..end];
        var matched = text[index..end];
        return checks.Get(text, Near(clause, index, end, AccidentReach, AccidentReach), SentenceChecks.Accident)
            || (JokingThreatWords().IsMatch(matched) && (checks.Get(text, clause, SentenceChecks.Joking) || HyperboleCondition().IsMatch(text[end..clause.To])))
            || Denied().IsMatch(text[clause.From..index])
            || GenericPersonsOwn().IsMatch(text[clause.From..index])
            || checks.Get(text, sentence, SentenceChecks.OverAndDealtWith)
            || WhatIfAboutSomeoneKnown().IsMatch(upToMatchEnd)
            || (GenericSubjectJustBefore().IsMatch(text[clause.From..index]) && !KnownPersonAtStart().IsMatch(matched))
            || (WhatIfAboutNobodyInParticular().IsMatch(upToMatchEnd) && !checks.Get(text, sentence, SentenceChecks.NamesSomeoneKnown));
    }

    /// <summary>
    /// True when the sentence holding the match is about the child or someone they know ("i", "my", "her mum",
    /// "mr jones") and the clause holding it reads as something that happened, not as an opinion about the
    /// guidance, a question or a "what if". The harm-word rules count only there. The opinion is looked for in
    /// the clause, not the sentence, because children run an opinion and a disclosure together with no full stop
    /// ("the flowcharts are ok but my step dad grabs me by the neck").
    /// </summary>
    private static bool IsAboutSomeoneReal(ReadOnlySpan<char> text, int index, int end, ref SentenceChecks checks)
    {
        var sentence = Sentence(text, index, end);
        var clause = Clause(text, sentence, index, end);
        return checks.Get(text, sentence, SentenceChecks.SomeoneReal)
            && !checks.Get(text, Near(clause, index, end, SetUpReach, OpinionAfterReach), SentenceChecks.OpinionOrQuestion)
            && !JokeOrQuestionRightAfter().IsMatch(text[end..Math.Min(clause.To, end + JokeAfterReach)]);
    }

    /// <summary>
    /// The checks that depend only on a stretch of text (a sentence, a clause), kept while one comment is screened:
    /// several rules often match in the same sentence, and each check reads the whole stretch.
    /// </summary>
    private ref struct SentenceChecks(Span<long> stretches, Span<sbyte> answers)
    {
        public const int Capacity = 32;
        public const int SomeoneReal = 0;
        public const int OpinionOrQuestion = 1;
        public const int Accident = 2;
        public const int NamesSomeoneKnown = 3;
        public const int Joking = 4;
        public const int OverAndDealtWith = 5;
        public const int Count = 6;

        private readonly Span<long> _stretches = stretches;
        private readonly Span<sbyte> _answers = answers;
        private int _count;

        public bool Get(ReadOnlySpan<char> text, (int From, int To) stretch, int check)
        {
            var key = ((long)stretch.From << 32) | (uint)stretch.To;
            var slot = _stretches[.._count].IndexOf(key);
            if (slot < 0 && _count < Capacity)
            {
                slot = _count++;
                _stretches[slot] = key;
                _answers.Slice(slot * Count, Count).Fill(-1);
            }

            if (slot >= 0 && _answers[(slot * Count) + check] >= 0)
            {
                return _answers[(slot * Count) + check] == 1;
            }

            var words = text[stretch.From..stretch.To];
            var answer = check switch
            {
                SomeoneReal => DisclosureScreen.SomeoneReal().IsMatch(words),
                OpinionOrQuestion => DisclosureScreen.OpinionOrQuestion().IsMatch(words),
                Accident => DisclosureScreen.Accident().IsMatch(words),
                Joking => DisclosureScreen.Joking().IsMatch(words),
                OverAndDealtWith => OverNow().IsMatch(words) && LongAgo().IsMatch(words),
                _ => KnownPersonAnywhere().IsMatch(words),
            };
            if (slot >= 0)
            {
                _answers[(slot * Count) + check] = answer ? (sbyte)1 : (sbyte)0;
            }

            return answer;
        }
    }

    /// <summary>The sentence around text[index..end], without its " . ", cut to the context limits.</summary>
    private static (int From, int To) Sentence(ReadOnlySpan<char> text, int index, int end)
    {
        var earliest = Math.Max(0, index - ContextBefore);
        var latest = Math.Min(text.Length, end + ContextAfter);
        var start = text[earliest..index].LastIndexOf(" . ", StringComparison.Ordinal);
        var stop = text[end..latest].IndexOf(" . ", StringComparison.Ordinal);
        return (start < 0 ? earliest : earliest + start + 3, stop < 0 ? latest : end + stop);
    }

    /// <summary>Words that start a new thought inside a run-on sentence: "the flowcharts are ok but my dad...",
    /// "also can i say something else...". Each is written with the spaces around it.</summary>
    private static readonly string[] ClauseBreaks =
        [" but ", " also ", " anyway ", " btw ", " ps ", " another thing ", " other than that ", " apart from that ", " oh and ", " on another note "];

    /// <summary>The clause around text[index..end] within <paramref name="sentence"/>: from the last clause break
    /// before the match to the first after it.</summary>
    private static (int From, int To) Clause(ReadOnlySpan<char> text, (int From, int To) sentence, int index, int end)
    {
        var from = sentence.From;
        var to = sentence.To;
        var before = text[sentence.From..index];
        var after = text[end..sentence.To];
        foreach (var word in ClauseBreaks)
        {
            var last = before.LastIndexOf(word, StringComparison.Ordinal);
            if (last >= 0)
            {
                from = Math.Max(from, sentence.From + last + 1);
            }

            var next = after.IndexOf(word, StringComparison.Ordinal);
            if (next >= 0)
            {
                to = Math.Min(to, end + next);
            }
        }

        return (from, to);
    }

    /// <summary>How many characters either side of a match the accident check reads: an accident explains an injury
    /// only when told next to it ("broke my arm playing football"), not anywhere in a long sentence.</summary>
    private const int AccidentReach = 60;

    /// <summary>How many characters before a match a "what if", an opinion or a question may start and still set it
    /// aside: in a long run-on comment, "if someone is at risk" three lines earlier says nothing about the words here.</summary>
    private const int SetUpReach = 60;

    /// <summary>How many characters after a match an opinion or a question may be and still set it aside: none, because
    /// what follows a disclosure, run on with no full stop, is usually the next thing the child wants to say.</summary>
    private const int OpinionAfterReach = 0;

    /// <summary>How many characters after a harm word a joke or a question may be and still set it aside
    /// ("i want to die of boredom lol", "nobody can hurt you with just a name, is that true").</summary>
    private const int JokeAfterReach = 60;

    /// <summary>The part of <paramref name="clause"/> from <paramref name="before"/> characters before the match to
    /// <paramref name="after"/> characters after it.</summary>
    private static (int From, int To) Near((int From, int To) clause, int index, int end, int before, int after) =>
        (Math.Max(clause.From, index - before), Math.Min(clause.To, end + after));

    /// <summary>How far back, in characters of the plain form, a rule's Before pattern may reach.</summary>
    private const int BeforeWindow = 300;

    /// <summary>Where the text matching <paramref name="before"/> and ending at <paramref name="index"/> starts, or -1.
    /// Unless <paramref name="crossSentences"/>, only the sentence so far is searched: the pattern cannot match " . ".</summary>
    private static int StartOfBefore(Regex before, ReadOnlySpan<char> text, int index, bool crossSentences)
    {
        var windowStart = Math.Max(0, index - BeforeWindow);
        if (!crossSentences)
        {
            var sentenceStart = text[windowStart..index].LastIndexOf(" . ", StringComparison.Ordinal);
            windowStart = sentenceStart < 0 ? windowStart : windowStart + sentenceStart + 3;
        }

        foreach (var match in before.EnumerateMatches(text[windowStart..index]))
        {
            return windowStart + match.Index;
        }

        return -1;
    }

    /// <summary>A rule. The harm-word rules (<paramref name="OnlyAboutSomeoneReal"/>) are lists of single words and short
    /// phrases that count only in a sentence about someone real (see <see cref="IsAboutSomeoneReal"/>); the other rules
    /// are phrases precise enough to count anywhere.</summary>
    /// <param name="Pattern">What the rule looks for. A rule runs only on comments with a word its pattern needs.</param>
    /// <param name="Before">If set, who must come just before it ("my step dad" before "hits"); the phrase shown to the
    /// lead starts there. Looking for the harm first and the person second keeps the screen fast.</param>
    /// <param name="BeforeMayCrossSentences">True when Before can reach back over " . " into earlier sentences.</param>
    private sealed record Rule(
        string Name, string Category, Regex Pattern, Regex? Before = null, bool OnlyAboutSomeoneReal = false, bool BeforeMayCrossSentences = false);

    // The rules, in the order their matches are reported: name, category, pattern (each pattern is below,
    // with why it is there).
    private static readonly Rule[] Rules =
    [
        // Physical abuse
        new("harm-verb-to-me", DisclosureCategories.PhysicalAbuse, HarmVerbToMe()),
        new("handled-roughly", DisclosureCategories.PhysicalAbuse, HandledRoughly()),
        new("i-get-hit", DisclosureCategories.PhysicalAbuse, IGetHit()),
        new("injuries", DisclosureCategories.PhysicalAbuse, Injuries()),
        new("comes-home-hurt", DisclosureCategories.PhysicalAbuse, ComesHomeHurt()),

        // Someone the child knows or can name, as the one who hurts
        new("harm-verb-by-known-person", DisclosureCategories.NamedAdult, PersonHarmWords(), Before: PersonJustBefore()),
        new("known-person-then-he-or-she-harms", DisclosureCategories.NamedAdult, PersonHarmsMe(), Before: KnownPersonThenPronoun(), BeforeMayCrossSentences: true),
        new("threat-by-known-person", DisclosureCategories.NamedAdult, ThreatenedHarm(), Before: KnownPersonSaid()),
        new("known-offender", DisclosureCategories.NamedAdult, KnownOffender()),

        // Sexual abuse
        new("touches-me", DisclosureCategories.SexualAbuse, TouchesMe()),
        new("made-to-do-things", DisclosureCategories.SexualAbuse, MadeToDoThings()),
        new("does-things-to-me", DisclosureCategories.SexualAbuse, DoesThingsToMe()),
        new("watched-or-photographed", DisclosureCategories.SexualAbuse, WatchedOrPhotographed()),
        new("sexual-assault-words", DisclosureCategories.SexualAbuse, SexualAssaultWords()),

        // Emotional abuse
        new("calls-me-names", DisclosureCategories.EmotionalAbuse, CallsMeNames()),
        new("shouts-at-me", DisclosureCategories.EmotionalAbuse, ShoutsAtMe()),
        new("wishes-i-was-never-born", DisclosureCategories.EmotionalAbuse, WishesIWasNeverBorn(), Before: ParentJustBefore()),
        new("unwanted-by-parent", DisclosureCategories.EmotionalAbuse, UnwantedByParent()),
        new("scared-of-someone", DisclosureCategories.EmotionalAbuse, ScaredOfSomeone()),
        new("hated-or-unloved", DisclosureCategories.EmotionalAbuse, HatedOrUnloved()),
        new("locked-in-or-out", DisclosureCategories.EmotionalAbuse, LockedInOrOut()),
        new("controlled-or-cut-off", DisclosureCategories.EmotionalAbuse, ControlledOrCutOff()),
        new("cruel-punishment", DisclosureCategories.EmotionalAbuse, CruelPunishment()),
        new("threat-of-care-or-loss", DisclosureCategories.EmotionalAbuse, ThreatOfCareOrLoss()),

        // Neglect
        new("no-food", DisclosureCategories.Neglect, NoFood()),
        new("left-alone", DisclosureCategories.Neglect, LeftAlone()),
        new("parent-does-not-come-home", DisclosureCategories.Neglect, ParentDoesNotComeHome()),
        new("nobody-looks-after-me", DisclosureCategories.Neglect, NobodyLooksAfterMe()),
        new("carer-drunk-or-high", DisclosureCategories.Neglect, DrunkOrHigh(), Before: CarerIsJustBefore()),
        new("carer-drinks-or-takes-drugs", DisclosureCategories.Neglect, DrinksOrTakesDrugs(), Before: CarerJustBefore()),
        new("drugs-at-home", DisclosureCategories.Neglect, DrugsAtHome()),
        new("home-without-basics", DisclosureCategories.Neglect, HomeWithoutBasics()),
        new("unwashed-or-unclothed", DisclosureCategories.Neglect, UnwashedOrUnclothed()),
        new("no-medical-care", DisclosureCategories.Neglect, NoMedicalCare()),

        // Self-harm
        new("harm-myself", DisclosureCategories.SelfHarm, HarmMyself()),
        new("cut-my-body", DisclosureCategories.SelfHarm, CutMyBody()),
        new("self-harm-first-person", DisclosureCategories.SelfHarm, SelfHarmFirstPerson()),
        new("someone-i-know-self-harms", DisclosureCategories.SelfHarm, SomeoneIKnowSelfHarms()),
        new("someone-i-know-cuts", DisclosureCategories.SelfHarm, SelfHarmsOrCuts(), Before: PersonShortlyBefore()),
        new("overdose", DisclosureCategories.SelfHarm, Overdose()),

        // Suicidal thoughts
        new("want-to-die", DisclosureCategories.Suicidal, WantToDie()),
        new("wish-i-was-dead", DisclosureCategories.Suicidal, WishIWasDead()),
        new("kill-myself", DisclosureCategories.Suicidal, KillMyself()),
        new("suicide-first-person", DisclosureCategories.Suicidal, SuicideFirstPerson()),
        new("dont-want-to-be-alive", DisclosureCategories.Suicidal, DontWantToBeAlive()),
        new("no-point-or-future", DisclosureCategories.Suicidal, NoPointOrFuture()),
        new("nobody-would-miss-me", DisclosureCategories.Suicidal, NobodyWouldMissMe()),
        new("suicide-plan-or-means", DisclosureCategories.Suicidal, SuicidePlanOrMeans()),
        new("cant-cope", DisclosureCategories.Suicidal, CantCope()),
        new("asks-for-help", DisclosureCategories.EmotionalAbuse, AsksForHelp()),

        // Running away
        new("run-away", DisclosureCategories.RunningAway, RunAwayOrOff(), Before: RunnerJustBefore()),
        new("ran-away-from-home", DisclosureCategories.RunningAway, RanAwayFromHome()),
        new("cant-go-home", DisclosureCategories.RunningAway, CantGoHome()),
        new("kicked-out-or-homeless", DisclosureCategories.RunningAway, KickedOutOrHomeless()),
        new("gone-missing", DisclosureCategories.RunningAway, Missing(), Before: PersonGoesJustBefore()),
        new("left-home-in-hiding", DisclosureCategories.RunningAway, LeftHomeInHiding()),

        // Exploitation and grooming
        new("older-person", DisclosureCategories.ExploitationGrooming, OlderPerson()),
        new("online-contact-wants-to-meet", DisclosureCategories.ExploitationGrooming, OnlineContactWantsToMeet()),
        new("pictures-sent-or-asked-for", DisclosureCategories.ExploitationGrooming, PicturesSentOrAskedFor()),
        new("gifts-for-favours", DisclosureCategories.ExploitationGrooming, GiftsForFavours()),
        new("carrying-for-others", DisclosureCategories.ExploitationGrooming, CarryingForOthers()),
        new("keep-it-secret", DisclosureCategories.ExploitationGrooming, KeepItSecret()),
        new("special-attention", DisclosureCategories.ExploitationGrooming, SpecialAttention()),
        new("asked-to-come-inside", DisclosureCategories.ExploitationGrooming, AskedToComeInside()),
        new("threat-to-share-pictures", DisclosureCategories.ExploitationGrooming, ThreatToSharePictures()),

        // Bullying with threats
        new("threatened-with-violence", DisclosureCategories.BullyingThreats, ThreatenedWithViolence()),
        new("bullied", DisclosureCategories.BullyingThreats, BulliedOrBeatenUp(), Before: VictimJustBefore()),
        new("picked-on", DisclosureCategories.BullyingThreats, PickedOn()),
        new("weapon", DisclosureCategories.BullyingThreats, Weapon()),
        new("told-to-kill-myself", DisclosureCategories.BullyingThreats, ToldToKillMyself()),
        new("stalked-or-exposed", DisclosureCategories.BullyingThreats, StalkedOrExposed()),

        // Domestic abuse
        new("harm-to-family-member", DisclosureCategories.DomesticAbuse, HitsFamilyMember(), Before: PersonOrTheyJustBefore()),
        new("harm-to-mum", DisclosureCategories.DomesticAbuse, HarmToMum()),
        new("violence-at-home", DisclosureCategories.DomesticAbuse, ViolenceAtHome()),
        new("police-or-refuge", DisclosureCategories.DomesticAbuse, PoliceOrRefuge()),
        new("home-not-safe", DisclosureCategories.DomesticAbuse, HomeNotSafe()),
        new("coercive-control", DisclosureCategories.DomesticAbuse, CoerciveControl()),

        // Harm words, one list per category, counted only in a sentence about someone real
        new("physical-harm-words", DisclosureCategories.PhysicalAbuse, PhysicalHarmWords(), OnlyAboutSomeoneReal: true),
        new("sexual-harm-words", DisclosureCategories.SexualAbuse, SexualHarmWords(), OnlyAboutSomeoneReal: true),
        new("emotional-harm-words", DisclosureCategories.EmotionalAbuse, EmotionalHarmWords(), OnlyAboutSomeoneReal: true),
        new("neglect-words", DisclosureCategories.Neglect, NeglectWords(), OnlyAboutSomeoneReal: true),
        new("self-harm-words", DisclosureCategories.SelfHarm, SelfHarmWords(), OnlyAboutSomeoneReal: true),
        new("suicidal-words", DisclosureCategories.Suicidal, SuicidalWords(), OnlyAboutSomeoneReal: true),
        new("domestic-abuse-words", DisclosureCategories.DomesticAbuse, DomesticAbuseWords(), OnlyAboutSomeoneReal: true),
        new("exploitation-words", DisclosureCategories.ExploitationGrooming, ExploitationWords(), OnlyAboutSomeoneReal: true),
        new("bullying-words", DisclosureCategories.BullyingThreats, BullyingWords(), OnlyAboutSomeoneReal: true),
        new("running-away-words", DisclosureCategories.RunningAway, RunningAwayWords(), OnlyAboutSomeoneReal: true),
    ];

    /// <summary>Which rules can match a comment, from the words in it (see <see cref="RuleTriggers"/>).</summary>
    private static readonly RuleIndex Triggers = new(Rules.Select(TriggerClauses).ToList());

    /// <summary>What a comment must have for a rule to run: the words its pattern needs and, for a rule with a Before
    /// pattern, the words that needs too ("said" before "do it to us", as well as "do").</summary>
    private static IReadOnlyList<IReadOnlyList<RuleTriggers.Clause>?> TriggerClauses(Rule rule) =>
        [RuleTriggers.Clauses(rule.Pattern.ToString()), rule.Before is null ? null : RuleTriggers.Clauses(rule.Before.ToString())];

    /// <summary>Every rule's name and category, in the order matches are reported.</summary>
    internal static IReadOnlyList<(string Name, string Category)> RuleNames => [.. Rules.Select(r => (r.Name, r.Category))];

    /// <summary>The rules that run on a comment, by name, and how many characters of its plain form each reads.</summary>
    internal static IReadOnlyList<(string Rule, int Characters)> RulesRunOn(string comment)
    {
        using var plain = DisclosureText.Plain.From(comment);
        var text = plain.Text;
        Span<int> first = stackalloc int[Rules.Length];
        Span<int> last = stackalloc int[Rules.Length];
        Triggers.Mark(text, first, last);
        var run = new List<(string, int)>();
        for (var r = 0; r < Rules.Length; r++)
        {
            if (first[r] >= 0)
            {
                run.Add((Rules[r].Name, EndOfWord(text, Math.Min(text.Length, last[r] + TriggerReach)) - Math.Max(0, first[r] - TriggerReach)));
            }
        }

        return run;
    }

    /// <summary>How many rules run on every comment because no trigger words could be read from their patterns.</summary>
    internal static int RulesWithoutTriggers => Triggers.AlwaysRunCount;

    // ---- Words the rules share. The plain form is lower case, one space between words, " . " between
    // sentences, no apostrophes; "stepdad" is "step dad", "mother" is "mum", "grandma" is "nan", "bf" is
    // "boyfriend" (see DisclosureText).

    private const RegexOptions Options = RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    /// <summary>Family and carers.</summary>
    private const string Relative =
        "(mum|dad|step (dad|mum|brother|sister|parent)|parent|mums (boyfriend|partner|fella|bloke|husband|ex)|"
        + "dads (girlfriend|partner|wife|ex)|nans (husband|boyfriend|partner)|uncle|aunt|nan|grandad|grandparent|brother|"
        + "sister|cousin|carer|foster (carer|mum|dad|parent)|guardian|family|husband|wife|ex)";

    /// <summary>Other people a child knows.</summary>
    private const string Acquaintance =
        "(friend|mate|boyfriend|girlfriend|teacher|coach|tutor|neighbour|babysitter|childminder|youth worker|social worker|"
        + "care worker|support worker|key worker|keyworker|worker|instructor|leader|priest|imam|vicar|lodger|caretaker|"
        + "dinner lady|staff|dealer|lad|guy|man)";

    /// <summary>Words between "my" and the person: "my big sister", "my pe teacher", "my mums friend".</summary>
    private const string Describing =
        "(older|big|little|younger|baby|best|old|new|foster|real|birth|pe|form|football|swimming|residential|maths|music|"
        + "dance|boxing|mums|dads|brothers|sisters|nans|friends|mates|cousins|uncles)";

    /// <summary>Someone the writer knows: "my uncle", "our neighbour", "me mum", or a parent named without "my".</summary>
    private const string Known =
        "((my|our|me) (" + Describing + " ){0,2}(" + Relative + "|" + Acquaintance + ")s?"
        + "|(?<!\\b(a|an|any|every|some|the|your|their|there|his|her|one|no|someones|somebodys|childs|kids|whose) (\\w+ )?)"
        + "(mum|dad|step dad|step mum|nan|grandad|mums (boyfriend|partner|ex)|dads girlfriend))";

    /// <summary>Someone a friend knows: "her mum", "his step dad", "their uncle".</summary>
    private const string TheirPerson =
        "((her|his|their|there) (" + Describing + " ){0,2}(" + Relative + "|" + Acquaintance + ")s?)";

    /// <summary>Adults in a role around children, named or described: "mr jones", "the man next door called paul",
    /// "my youth worker craig", "karen who runs the club", "the dinner lady".</summary>
    private const string NamedOrRole =
        "((mr|mrs|ms|sir|dr) \\w+|miss (?!(my|you|your|her|him|it|them|the|out|school|a|being|home|me|lessons?)\\b)\\w+"
        + "|(the|a|my|our|her|his|their) (\\w+ ){0,2}(teacher|coach|tutor|youth worker|care worker|support worker|social worker|"
        + "worker|carer|lodger|neighbour|babysitter|childminder|instructor|leader|priest|imam|vicar|caretaker|dinner lady|"
        + "cleaner|driver|boss|manager|man next door|lady next door|man|woman|lady|guy|bloke|lad)( \\w+)?"
        + "|\\w+ who (runs|works|lives|teaches|coaches|helps|looks after|drives|owns|comes round)"
        + "|(man|woman|lady|guy|bloke|lad|boy|girl|person|someone) (\\w+ ){0,2}(called|named) \\w+)";

    /// <summary>A particular person, as opposed to "someone", "people" or "a parent".</summary>
    private const string Person = "(" + Known + "|" + TheirPerson + "|" + NamedOrRole + "|he|she)";

    /// <summary>Words that make what follows reported, general, denied or made up: a gap between a person and a
    /// harm word never runs over one ("my dad says people who hurt...", "my mum would never hit me").</summary>
    private const string Hedge =
        "(would|could|might|may|should|if|says|said|say|think|thinks|thought|believe|believes|wants|worries|worried|"
        + "works|work|helps|help|knows|know|told|tells|never|not|doesnt|dont|didnt|wouldnt|wont|cant|isnt|whether|"
        + "about|how|what|people|children|kids|child|everyone|anyone|someone|somebody|reckons)";

    /// <summary>Up to four words between a person and what they do, none of them a hedge.</summary>
    private const string Gap = @"( (?!" + Hedge + @"\b)\w+){0,4}";

    /// <summary>Hitting and hurting, as a child might write it.</summary>
    private const string Hits =
        "(hit|hits|hitting|beats?(?! (me|us|him|her|them|everyone|everybody) at\\b)|beating|beaten|batter(s|ed|ing)?|punch(es|ed|ing)?|kick(s|ed|ing)?|slap(s|ped|ping)?|"
        + "smack(s|ed|ing)?|whack(s|ed|ing)?|thump(s|ed|ing)?|belt(s|ed|ing)?|whip(s|ped|ping)?|chok(e|es|ed|ing)|"
        + "strangl(e|es|ed|ing)|throttl(e|es|ed|ing)|burn(s|t|ed|ing)?|pinch(es|ed|ing)?|stab(s|bed|bing)?|"
        + "(?<!\\bheart )attack(s|ed|ing)?|hurt(s|ing)?|bash(es|ed|ing)?|headbutt(s|ed|ing)?|spit(s)?|spat|strike(s)?|struck|"
        + "abus(e|es|ed|ing)|bites|biting|scratch(es|ed|ing)?|kneed|elbow(s|ed)?|push(es|ed)|shov(es|ed)|"
        + "grab(s|bed)|drag(s|ged)|restrain(s|ed|ing)?|pin(s|ned)|threw (\\w+ ){0,2}at)";

    /// <summary>What a particular person does that hurts: hitting, touching, threatening, starving, locking in,
    /// watching and photographing.</summary>
    private const string PersonHarm =
        "(" + Hits + "|touch(es|ed|ing)?|grop(e|es|ed|ing)|molest(s|ed|ing)?|rap(e|es|ed|ing)|"
        + "threaten(s|ed|ing)?" + NotThreatToThings + "|"
        + "starv(e|es|ed|ing)|lock(s|ed|ing)? (me|us|her|him|them)|is violent|gets violent|is abusive|gets abusive|"
        + "(shouts|screams|yells|swears) at(?! (the (tv|telly|ref|referee|screen|game|football|match|dog|cat|news|radio)|tv|telly))|sat on (me|my|her|his|us)|"
        + "watch(es|ed|ing)? (me|us|her|him|them|girls|boys|kids) (in|get|getting|change|changing|undress|sleep|when|while|through)|"
        + "film(s|ed|ing)? (me|us|her|him|girls|kids|them)|(take|takes|took|taking) (photos|pics|pictures|videos)|"
        + "(make|makes|made|making) (me|us|her|him|them) (change|undress|strip|do(?! (this|it|the survey|homework|work|our|my|pe|sport|the|a|an))|sit|sleep|stand|kneel|watch|touch|pray|take))";

    /// <summary>Not a threat to take away or punish by things: "threatened to throw my phone in the bin".</summary>
    private const string NotThreatToThings =
        "(?! to (take|throw|bin|sell|confiscate|ban|cancel|turn off|switch off|ground|stop|chuck|unplug|block|report|tell|smash (my|the) \\w+))";

    /// <summary>Not "it hurts me", "that hit me", "never hits me": the word or two before the harm word
    /// makes it a feeling, a denial or a maybe.</summary>
    private const string NotHedgedBefore =
        @"(?<!\b(it|that|this|which|contactpoint|database)( \w+)? \w+)"
        + @"(?<!\b(could|might|may|cant|not|never|doesnt|didnt|dont|wont|wouldnt|cannot|to) \w+)";

    /// <summary>Not about people in general ("abused children", "hurt people") or an injury ("hurt his back").</summary>
    private const string NotGeneralObject =
        @"(?! (children|kids|people|young|families|victims|women|men|animals|survivors|cases|services|charity|"
        + @"charities|others|adults|someone|anyone|us all|playing|at (football|rugby|school|training|the gym)|a (child|kid|pupil|student|young person|person|teenager))\b)"
        + @"(?! (his|her|their|its|themselves|himself|herself) (back|legs?|arms?|foot|feet|knees?|hands?|head|ankles?|wrists?|neck|shoulders?|fingers?|toes?)\b)";

    // ---- Physical abuse

    // why: the plainest disclosure of being hit: "he hits me", "she punched me", "they beat me up".
    [GeneratedRegex(@"\b(" + Hits + "|bit)" + NotHedgedBefore + @" (me|us)\b(?! (over|for) the (remote|controller|xbox|ipad|tablet|tv|telly|last \w+))(?! up (on|about|with|to|for|later|online|over)\b)(?! out\b)(?<!\bbeats? (me|us))(?! at\b)|\bbeats? (me|us)\b(?! at\b)", Options)]
    private static partial Regex HarmVerbToMe();

    // why: force without a hitting word: "grabs me by the arm", "pushed her head down the toilet", "spat on me".
    [GeneratedRegex(@"\b(push(es|ed|ing)?|shov(e|es|ed|ing)|drag(s|ged|ging)?|grab(s|bed|bing)?|yank(s|ed|ing)?|pin(s|ned)?|"
        + @"throw(s|n|ing)?|threw|chuck(s|ed|ing)?|slam(s|med|ming)?) (me|her|him|us|them)( \w+){0,3} (down|over|into|against|off|"
        + @"across|by|up|on|onto|at|to|in)\b"
        + @"|\b(grab(s|bed|bing)?|drag(s|ged|ging)?|yank(s|ed|ing)?|shov(e|es|ed|ing)) (me|her|him|us|kids|children|pupils|people)\b"
        + @"|\b(push(es|ed|ing)?|shov(e|es|ed|ing)|stuck|held) (my|her|his) (head|face) (down|under|in|into)\b"
        + @"|\b(throw(s|ing)?|threw|chuck(s|ed|ing)?) (\w+ ){0,3}at (me|my|her|his|us)\b"
        + @"|\b(pull(s|ed|ing)?|drag(s|ged|ging)?) (me by )?(my|her|his) hair\b|\btwist(s|ed|ing)? (my|her|his) (arm|wrist|fingers?|hand|ear|neck)\b|\bby (the|her|his|my) (throat|neck)\b"
        + @"|\b(go|goes|went|going) for (me|us)\b(?! (please|if|and|as|to|the))|\b(spat|spit(s|ting)?) (on|at) (me|her|him|us)\b|\b(sat|sits|sitting|kneel(s|ed|ing)?|knelt) on (my|her|his) (chest|back|neck|head)\b"
        + @"|\b(couldnt|cant|could not|can not) breathe\b|\bhands? (round|around|on) (my|her|his|mums|my mums|their|our) (neck|throat)\b"
        + @"|\b(held|holds|holding|hold|pushed|pushes) (me|her|him|us|my head|her head|his head) (under|down)\b"
        + @"|\b(shov(e|es|ed)|push(es|ed)|slam(s|med)|pin(s|ned)) (kids|people|pupils|children|students)( \w+){0,3} (against|into|down|onto)\b", Options)]
    private static partial Regex HandledRoughly();

    // why: the passive way of saying it: "i get hit", "i was beaten", "i got pushed down the stairs".
    [GeneratedRegex(@"\bi( (?!(never|not|wouldnt|dont|didnt|if)\b)\w+){0,2} (get|got|gets|getting|was|am|been|being) "
        + @"(hit|beaten|beat|beat up|punched|kicked|slapped|smacked|battered|strangled|choked|burnt|burned|whipped|belted|"
        + @"pushed|attacked|abused|hurt|bruised|thrown|headbutted|stabbed|restrained|grabbed)\b(?! (out|playing|at (football|rugby|training))\b)"
        + @"|\b(got|get|gets|getting|been) (hit|beaten|battered|punched|kicked|slapped|smacked|whacked|belted|strangled|choked|burnt|leathered) "
        + @"(by|with) (my|our|her|his|a belt|the belt|a stick|a shoe)\b", Options)]
    private static partial Regex IGetHit();

    // why: injuries a child may mention instead of how they got them: "a black eye", "bruises on her neck", "finger marks".
    [GeneratedRegex(@"\b(black eye|black eyes|bruises|bruised|finger ?marks|belt marks|burn marks|hand ?prints?|split lip|fat lip|"
        + @"bloody nose|cigarette burns|broken (arm|wrist|nose|ribs?|jaw))\b|\bbroke (my|her|his|their) (\w+ )?(arm|wrist|nose|ribs?|leg|jaw|fingers?|collarbone)\b"
        + @"|\b(marks|cuts|scratches) (on|all over) (my|me|her|his)\b|\bit (cut|leaves|left) (me|marks)\b"
        + @"|\b(hide|hides|hiding|cover|covers|covering|sees?|see|notices?|seen) (the |my |her |his )?(marks|bruises|cuts|scars|burns)\b"
        + @"|\blong sleeves (so|to|because|when)\b"
        + @"|\b(if (anyone|anybody|someone|people|they|school|teachers?|miss|sir) asks?|told me to say|tells me to say|said to say|makes? me say|made me say)( \w+){0,4} "
        + @"(i fell|it was (the (trampoline|stairs|door|dog|cat)|an accident|my (fault|brother|bike))|i walked|i tripped|the (trampoline|stairs|door))\b"
        + @"|\bso (\w+ ){0,2}(doesnt|dont|cant|wont|didnt) see (my|the|her|his) (arms|legs|marks|bruises|back|neck|face)\b|\b(makes sure|only (hits|hurts|does it)|always)( \w+){0,3} (places|where) (people|no one|nobody|teachers|anyone) (cant|wont|dont|couldnt) see\b"
        + @"|\bexcuses? for (his|her|the|my) (face|bruises|marks|eye|arm|arms|injuries|black eye)\b|\bfrom what (he|she|dad|mum|my \w+) did\b"
        + @"|\b(couldnt|cant|could not) (sit|walk|lie|sit down) (down )?properly\b|\bget it (worse|even worse) than last time\b|\bbecause of my ribs\b"
        + @"|\bbroken (finger|fingers|leg|toe|collarbone|tooth|teeth|cheekbone)\b|\b(werent|wasnt|were not|was not|not) (really )?(accidents?|an accident)\b"
        + @"|\b(holds?|held|put|puts|pressed|presses|stubbed|stubs) (his|her|a|the) (lighter|cigarette|cig|fag|iron|straighteners|lit \w+|hot \w+) (on|to|against|into) (my|her|his|the back of (my|her|his))\b", Options)]
    private static partial Regex Injuries();

    // why: a sibling or friend who keeps coming back hurt: "comes home with cuts and his stuff broken".
    [GeneratedRegex(@"\b(come|comes|came|coming) (home|back|in|into school|to school) (with|covered in) (\w+ ){0,2}"
        + @"(cuts|bruises|a black eye|injuries|marks|blood|burns|scratches|a broken|ripped|torn)\b", Options)]
    private static partial Regex ComesHomeHurt();

    // ---- Someone the child knows or can name, as the one who hurts

    // why: a child naming who hurts them or someone else: "my step dad hits me", "her brother hurts her",
    // "mrs evans pinches the younger kids", "my coach gary touches girls". The person is the rule's Before.
    [GeneratedRegex(@"\b" + PersonHarm + @"\b" + NotGeneralObject, Options)]
    private static partial Regex PersonHarmWords();

    [GeneratedRegex(@"(?<!\b(if|imagine|suppose|whether) )\b" + Person + Gap + " $", Options)]
    private static partial Regex PersonJustBefore();

    // why: the person first, what they do in the next sentence: "my uncle comes round. he touches me".
    [GeneratedRegex(@"\b" + PersonHarm + @" (me|my|us)\b", Options)]
    private static partial Regex PersonHarmsMe();

    [GeneratedRegex(@"\b" + Known + @"( \w+| \.){0,20} (he|she|they)" + Gap + " $", Options)]
    private static partial Regex KnownPersonThenPronoun();

    // why: threats reported by the child: "my dad said he would kill me if i told", "says he will do it to us next".
    [GeneratedRegex(@"\b(kill|hurt|beat|hit|batter|stab|strangle|burn|drown|kick me out|put me in care|send me away|do it to) "
        + @"(me|us|my|mum|dad|her|him|them)\b", Options)]
    private static partial Regex ThreatenedHarm();

    [GeneratedRegex(@"\b" + Person + @"( \w+){0,3} (said|says|say|saying|threaten(s|ed|ing)?|told me|tells me|warned|warns|keeps saying)"
        + @"( (?!(anyone|someone|somebody|anybody|people)\b)\w+){0,4} $", Options)]
    private static partial Regex KnownPersonSaid();

    // why: an adult known to have harmed children now near the child: "hes been in prison for hurting kids".
    [GeneratedRegex(@"\b(prison|jail|arrested|charged|convicted|locked up|inside)( \w+){0,2} for (hurting|abusing|touching|hitting|"
        + @"attacking|assaulting|sexual|grooming|raping|beating|stabbing|something to do with (kids|children))\b"
        + @"|\b(sex offender|paedophile|paedo|nonce|on the (sex offenders )?register)\b"
        + @"|\binvit(es|ed|ing) (me|us|boys|girls|kids|children|them|lads)( \w+){0,2} (round|over|back|to) (his|her|their) (house|flat|place|home)\b"
        + @"|\b(gives|gave|giving|buys|bought|buying) (me|us|them|boys|girls|kids|children|lads) (beer|alcohol|vodka|cider|booze|drugs|weed|vapes|cigs|fags)\b", Options)]
    private static partial Regex KnownOffender();

    // ---- Sexual abuse

    // why: unwanted touching: "he touches me", "touched my private parts", "puts his hand up her skirt".
    [GeneratedRegex(@"\b(touch(es|ed|ing)?|grop(e|es|ed|ing)|fondl(e|es|ed|ing)|feel(s|ing)? me up|felt me up)"
        + NotHedgedBefore + @" (me|my (private|privates|body|bum|bottom|chest|boobs|breasts|willy|penis|vagina|bits|"
        + @"legs?|thighs?|crotch|butt|skin))\b"
        + @"|\b(rub(s|bed|bing)?|strok(e|es|ed|ing)|touch(es|ed|ing)?) (\w+ )?(private|privates|down there|willy|penis|vagina|crotch)\b"
        + @"|\b(hand|hands) (up|down|in|inside|under|on) (my|her|his) (skirt|top|shirt|pants|knickers|trousers|clothes|shorts|dress|bra|leg|legs|thigh|thighs)\b"
        + @"|\bsit on (his|her) (lap|knee)\b|\bkiss(es|ed|ing)? (me|her|him) on the (lips|mouth|neck)\b"
        + @"|\b(rub(s|bed|bing)?|press(es|ed|ing)?) (himself|herself|his \w+|her \w+) (against|on) (me|her|him)\b"
        + @"|\b(his|her|my) (private parts|privates|private area|willy|penis|dick|vagina|fanny)\b", Options)]
    private static partial Regex TouchesMe();

    // why: "makes me do things", told in the child's own words, often without naming the act.
    [GeneratedRegex(@"\b(make(s)?|made|making|force(s|d)?|forcing|get(s)?|got|tries to make|tried to make) (me|her|him|us|them) (to )?"
        + @"(do (things|stuff|something|sexual|it|bad things|that|things i dont|stuff i dont)|touch (him|her|his|it|them)|"
        + @"kiss (him|her)|watch (porn|videos|things|stuff|films|dirty)|take (off )?(my|her|his|our) (clothes|top|pants|trousers)|"
        + @"get (undressed|naked|in (his|her) bed)|undress|sleep in (his|her) bed|have sex|send (pics|pictures|photos|nudes|videos)|"
        + @"(change|get changed|strip) in front of)", Options)]
    private static partial Regex MadeToDoThings();

    // why: what is done, not named: "does things to me", "comes in my room at night", "i have to do stuff with his friends".
    [GeneratedRegex(@"\b(does|did|doing|do) (\w+ ){0,2}(stuff|things|something)( \w+)? (to|with) (me|her|him|us)\b"
        + @"|\b(does|did) (stuff|things) (i|she|he) (dont|didnt|doesnt) (like|want)\b"
        + @"|\b(come|comes|came|coming|go|goes|went|going|get|gets|got|getting|walks?|walked|barges?|barged|creeps?|crept) (in|into) (my|her|his|our|the|my \w+s?) "
        + @"(room|bed|bedroom|bathroom|shower)( \w+){0,2} (at night|when|while|in the night)\b"
        + @"|\b(showers?|baths?|bathes|sleeps?|slept|lies|lay|lays|gets?|got) (with me|in my bed|in bed with (me|her|him))\b"
        + @"|\b(has|had|have|having|made me have|forced me to have|wants to have|tried to have) sex\b"
        + @"|\b(lies|lay|lying|lays|sleeps|sleeping|slept|gets|got|climbs|climbed) (down )?(next to|beside|with|on top of|into bed with|in bed with) (me|her|him|us)\b"
        + @"|\b(secret|special|tickle|naughty) games?\b|\bgames? (i|we|she|he) (didnt|dont|doesnt) like\b"
        + @"|\b(have|had|has) to do (stuff|things|favours|sexual things)( \w+)? (with|for|to) (his|her|their|them|him|older)\b"
        + @"|\b(got|get|getting|was|been) passed (around|round)\b", Options)]
    private static partial Regex DoesThingsToMe();

    // why: being watched or photographed undressed: "watches me in the bath", "takes pics on his phone", "makes us change in front of him".
    [GeneratedRegex(@"\b(watch(es|ed|ing)?|look(s|ed|ing)? at|stare(s|d)? at|perv(s|ed|ing)? on|film(s|ed|ing)?) (me|us|her|him|them|girls|boys|kids)( \w+){0,2} "
        + @"(in the (shower|bath|changing rooms?|toilet)|(get|getting) (changed|undressed|dressed)|change|changing|undress|undressing|sleep|sleeping|naked)\b"
        + @"|\b(take|takes|took|taking) (\w+ )?(pics|pictures|photos|videos|vids) (of (me|us|her|him|them|girls|kids)|on (his|her) phone)\b"
        + @"|\b(change|get changed|undress|strip) in front of (him|her|them)\b|\bin the changing rooms\b"
        + @"|\b(videos?|vids?|pics|pictures|photos) of (me|her|him|us|my sister|my brother)( \w+)? (getting (changed|undressed|dressed)|changing|undressing|naked|in the (shower|bath)|in (my|her|his) (room|bed|pants|underwear))\b"
        + @"|\b(i am|im|she is|shes) (his|hers) now\b|\bwhat (he|she) does (\w+ ){0,2}under the (blanket|covers|duvet|table)\b", Options)]
    private static partial Regex WatchedOrPhotographed();

    // why: the words themselves, when about the child or someone close: "i was raped", "he molested me".
    [GeneratedRegex(@"\b(rapes?|raped|raping|molest(s|ed|ing)?|sexually (abuses?|abused|abusing|assaults?|assaulted|touched|touches)|"
        + @"interferes? with|interfered with) (me|my|us|her|him)\b"
        + @"|\b(i|me|my|he|she|they)( (?!" + Hedge + @"\b)\w+){0,4} (raped|molested|sexually (abused|assaulted|touched)|"
        + @"sexual (abuse|assault)|touched inappropriately|inappropriate(ly)? (touch\w*|photos|pics|messages|things|stuff))\b", Options)]
    private static partial Regex SexualAssaultWords();

    // ---- Emotional abuse

    // why: being put down by the people around them: "calls me worthless", "says im stupid", "gets told hes a mistake".
    [GeneratedRegex(@"\b(call(s|ed|ing)?|tell(s|ing)?|told|say(s|ing)?|said|shout(s|ed)?|scream(s|ed)?) (me |her |him |us |that |me that )?"
        + @"(i am |i was |you are |he is |she is |he was |she was |we are )?(so |really |a |an |such a |just a |the |fat |ugly |horrible |bad |nasty |racist )?"
        + @"(names|stupid|worthless|useless|fat|ugly|thick|idiot|mistake|pathetic|disgusting|waste|retard\w*|slag|slut|bitch|"
        + @"whore|loser|dumb|nothing|burden|unwanted|not wanted|freak|rubbish|trash|disappointment|failure|disgrace|embarrassment|"
        + @"waste of space|not (his|her|their) (son|daughter|child|kid))\b"
        + @"|\b(says|said|tells me|told me|calls me|called me) (that )?(i am|i was) (a )?(nobody|no one)\b"
        + @"|\b(humiliat\w*|belittl\w*|mock(s|ed|ing)?) (me|her|him|us)\b|\b(makes?|made|making) fun of (me|her|him|us)\b"
        + @"|\b(worst thing|biggest mistake) (that )?(ever )?(happened|to happen)\b|\bshould never have had me\b"
        + @"|\b(laugh(s|ed|ing)?) at (me|her|him|us) in front of\b|\b(scream(s|ed|ing)?|shout(s|ed|ing)?|yell(s|ed|ing)?) in (my|her|his|our|their) faces?\b", Options)]
    private static partial Regex CallsMeNames();

    // why: being shouted or sworn at, often the first thing a child says about home.
    [GeneratedRegex(@"\b(shout(s|ed|ing)?|scream(s|ed|ing)?|yell(s|ed|ing)?|swear(s|ing)?|swore)" + NotHedgedBefore + @" at (me|her|him|us)\b(?! all\b)", Options)]
    private static partial Regex ShoutsAtMe();

    // why: rejection by a parent: "she says she wishes i was never born".
    [GeneratedRegex(@"\bwish(es|ed)? (i|id) (was|were|had) (never (been )?born|dead|gone)\b", Options)]
    private static partial Regex WishesIWasNeverBorn();

    [GeneratedRegex(@"\b(he|she|they|" + Known + @")( \w+){0,2} $", Options)]
    private static partial Regex ParentJustBefore();

    // why: a parent who does not want the child: "they never wanted me", "im the reason dad left", "she regrets having me".
    [GeneratedRegex(@"\b(never|doesnt|dont|didnt) want(ed)? me\b|\b(i am|im|i was) the reason (\w+ ){0,3}(left|died|drinks|is ill|split up)\b"
        + @"|\bruined (their|there|his|her|my mums|my dads) (life|lives)\b"
        + @"|\b(rather|prefer to|prefer) (have|had|have had) no (son|daughter|kids?|children|child)\b|\bno (son|daughter|child) of (mine|his|hers)\b"
        + @"|\bdisown(s|ed|ing)? (me|us|her|him)\b|\bwish(es|ed)? (they|she|he) (never|hadnt|had never) had me\b|\b(never|not) had me\b"
        + @"|\b(i am|im) not (their|his|her) (son|daughter|child|kid) (anymore|any more)\b|\bto (get|be) me fixed\b|\b(church|camp|course|pastor|prayer|therapy)( \w+){0,4} to (get|be) (me )?fixed\b", Options)]
    private static partial Regex UnwantedByParent();

    // why: fear of a person at home: "im scared of my dad", "shes terrified of her".
    [GeneratedRegex(@"\b(scared|frightened|afraid|terrified|petrified|fear) (of|when) (" + Known + @"|him|her|them|being at home|"
        + @"going home|being home|home|what (he|she|they) (will|might|would|could) do)\b"
        + @"|\bmakes? me feel (so |really )?(worthless|useless|stupid|like nothing|like rubbish|like dirt|like a burden|small|scared of (him|her))\b"
        + @"|\b(scared|frightened|afraid|terrified|worried) (that )?(he|she|they|my \w+)( \w+)? (will|is going to|might|would|are going to) (kill|hurt|hit|batter|beat) (me|us|her|him|mum)\b"
        + @"|\bscared for my life\b", Options)]
    private static partial Regex ScaredOfSomeone();

    // why: a child who feels hated or unloved at home: "my mum hates me", "nobody wants me".
    [GeneratedRegex(@"\b(hate|hates|hated)" + NotHedgedBefore + @" (me|us)\b"
        + @"|\b(no one|nobody|no body|none of them)( \w+){0,2} (loves?|cares? about|likes?|wants?) me\b(?! to\b)|\bcall(s|ed)? me (it|that thing)\b", Options)]
    private static partial Regex HatedOrUnloved();

    // why: confinement and exclusion: "locks me in my room", "shut me outside".
    [GeneratedRegex(@"\b(lock(s|ed|ing)?|shut(s|ting)?) (me|us|her|him|them|mum|my \w+) (in|out|up|outside|away)\b"
        + @"|\blocked (in|out of) (my|the|our|her|his) (room|house|cupboard|shed|home|garden|bedroom)\b"
        + @"|\b(lock(s|ed|ing)?|shut(s|ting)?) the (babies|baby|kids|children|little ones|toddlers) (in|out|up|outside|away)\b"
        + @"|\block(s|ed)? (my|our|her|his) (bedroom )?door (from the outside|at night|on (me|us))\b|\bonly let (me|us|her|him) out\b"
        + @"|\b(shake|shakes|shaking|shook) (my|the|her|his) (little |baby )?(sister|brother|baby|babies|son|daughter)\b", Options)]
    private static partial Regex LockedInOrOut();

    // why: control of a child's life: "wont let me see my friends", "checks my phone", "not allowed to eat".
    [GeneratedRegex(@"\b(wont|doesnt|dont|didnt|never|not|wouldnt) let (me|us|her|him) (talk|eat|see|leave|go|sleep|have|speak|use|out|"
        + @"wash|shower|use|play|tell|phone|ring|call)\b"
        + @"|\bnot allowed (to )?(eat|out of my room|leave (my room|the house)|see (my )?friends|use the toilet|shower|wash|go to school|talk to|speak|talk|cry|laugh|make a sound|come out|have (friends|dinner|tea|food))\b"
        + @"|\b(hasnt|havent|not|hasn t) (spoken|talked|said (a word|anything)) to (me|us|her|him) (in|for) (\w+ )?(days|weeks|months)\b"
        + @"|\b(makes?|made|making) (me|us|her|him) (spy|lie|keep secrets|take sides|choose between)\b"
        + @"|\b(controls|checks) (everything|my phone|my messages|where i)\b|\b(ignore(s|d)?|silent treatment)( (me|us|her|him))? for (days|weeks|hours|months)\b"
        + @"|\b(ignore|ignores|ignored) (me|us)\b|\bonly (feeds|feed|buys|loves|talks to|cares about) my\b"
        + @"|\b(no one|nobody|no body|none of them)( \w+){0,3} (talks|speaks|listens|says anything) to (me|us)\b|\b(act|acts|pretend|pretends) (like |that )?(i am|im|i m) not there\b"
        + @"|\blike i (dont|do not) exist\b|\brough with (me|us|her|him|them)\b"
        + @"|\b(make|makes|made) (me|us|her|him) (sleep|eat|stay|live) (on the floor|outside|in the (garden|shed|garage|cupboard|car))\b"
        + @"|\bwithout (a |any )?(blanket|bed|mattress|food|dinner|tea|coat|shoes|heating)\b", Options)]
    private static partial Regex ControlledOrCutOff();

    // why: punishments meant to hurt or frighten: "stand in the corner for hours", "say the devil is in me".
    [GeneratedRegex(@"\b(make|makes|made|making) (me|us|her|him) (stand|kneel|sit|stay|pray|wait)( \w+){0,5} (for hours|all night|all day|for days)\b"
        + @"|\b(devil|demon|demons|evil spirits?)( \w+){0,2} (in me|in her|in him|inside me)\b|\b(possessed|a witch)\b"
        + @"|\b(make|makes|made|making) (me|us|her|him) (stand|stay|sit|wait|sleep|kneel)( \w+){0,2} (outside|in the (rain|cold|garden|dark))\b"
        + @"|\b(kneel|knelt|kneeling) on (rice|salt|stones)\b|\b(eat|swallow|drink) (soap|salt|vinegar|washing up liquid)\b|\bholds? (his|her|my) (nose|mouth) (till|until|shut)\b"
        + @"|\b(get|got|gets|getting|was|were|am|be) (put|sent|locked|left|shut) (outside|out|in the (garden|shed|cold|dark|cupboard|rain))\b|\b(puts?|put|putting) (\w+ ){0,2}in my mouth\b", Options)]
    private static partial Regex CruelPunishment();

    // why: threats that hold a child silent: "if i tell anyone she will put me in care", "never see my brother again".
    [GeneratedRegex(@"\b(put|putting|send|sending) (me|us|her|him) (in|into) (care|a home)\b|\b(send|sending|sent) (me|us|her|him) away\b|\b(give|given|gave) (me|us) (away|up)\b|\bnever see (my|her|his) (\w+ ){0,2}again\b"
        + @"|\b(put|putting|kick|kicking|throw|throwing|chuck|chucking) (me|us|her|him) (out )?(on|onto|into) the streets?\b"
        + @"|\b(stop|never) (seeing|see|speaking to|talking to|loving) (me|us)( again)? if\b"
        + @"|\bif i (ever )?(tell|told|say|said|speak|talk)( \w+){0,2} (anyone|anybody|someone|a teacher|my teacher|the police|"
        + @"social services|school|them|him|her|mum|dad|my \w+)\b|\b(have|get|got|having) (me|us|her|him) (put|taken|sent) (in|into|away)\b"
        + @"|\b(prisoner|trapped) in (my|our) (own )?(house|home|room|bedroom)\b", Options)]
    private static partial Regex ThreatOfCareOrLoss();

    // ---- Neglect

    // why: hunger at home: "no food at home", "nothing in the cupboards", "i havent had a proper meal".
    [GeneratedRegex(@"\b(no|not (any|enough|much)|never (any|enough)|hardly (any|ever)|isnt (any|enough)|nothing) "
        + @"(food|to eat|dinner|tea|breakfast|meals?)\b"
        + @"|\b(dont|doesnt|didnt|never|rarely|not|hardly|wont) (get |ever |gets )?(fed|feed (me|us|them|her|him)|feeds (me|us|them)|buy food|"
        + @"give (me|us) (food|dinner|tea|breakfast)|gives (me|us) (food|dinner|tea|breakfast)|eat (at home|properly|much)|cook)\b"
        + @"|\b(go|goes|going|went|sent) to (bed|school|sleep) hungry\b"
        + @"|\b(i am|we are|i was|we were|i feel|i get|i go) (always|often|constantly|usually|still|so|really|very)( \w+)? (hungry|starving|starved)\b"
        + @"|\b(hungry|starving) (all the time|every day|most days|at home|because)\b|\bstarv(e|es|ed|ing) (me|us)\b"
        + @"|\b(have|had|got|get|has) to (steal|find|take|beg for) (food|something to eat)\b|\b(fridge|cupboards?) (is|are) (always )?empty\b"
        + @"|\bnothing in the (cupboards?|fridge|house)\b|\b(havent|hasnt|not|never) (had|eaten) (a proper meal|a meal|anything|food|dinner|tea)\b"
        + @"|\btakes? food home\b|\beat at (my )?friends\b|\b(no one|nobody|never) (makes?|cooks?|gets?) (me|us) (tea|dinner|food|breakfast|lunch|anything)\b"
        + @"|\b(only|just) (eat|have|get|had) (crisps|sweets|cereal|dry bread|toast|biscuits)\b|\bspends? (all )?(the |her |his |our )?money on (drink|drugs|alcohol|booze|weed|gambling|cigs|fags)\b"
        + @"|\bgo without\b|\beat(ing|s)? (out of|from) (the|a) bins?\b|\b(never|isnt|not) (anything|any food) (at|in) (her|his|my|their|our) (house|home|flat)\b|\basks? for (my|our|peoples) leftovers\b|\block(s|ed)? the (fridge|food|kitchen|cupboards?)\b|\bso i (cant|couldnt) eat\b"
        + @"|\b(one|1) meal a day\b|\b(never|nothing|not) (anything |any food )?in the (fridge|cupboards?)\b|\b(only|doesnt|dont|never|wont) (lets?|let) (me|us) (have|eat)\b|\bsold (our|my) (beds?|stuff|things|clothes|phone|food)\b", Options)]
    private static partial Regex NoFood();

    // why: a child left without an adult: "leaves them in the flat on their own", "left on my own all weekend".
    [GeneratedRegex(@"\b(leave(s)?|left|leaving) (me|us|them|her|him|my (\w+ )?(brother|sister|siblings|brothers|sisters))( \w+){0,4} "
        + @"(alone|on (my|our|their|there|his|her) own|by (myself|ourselves|themselves)|home alone)\b"
        + @"|\b(get|got|gets|getting|been|was|were|are|am) left (alone|on (my|our) own|for|at home|with)\b|\bhome alone\b|\b(has|have|had) been gone (since|for)\b|\belectric (has |had )?(run out|gone off|been cut off)\b"
        + @"|\bon my own (most|every|all|some) (nights|night)\b|\b(on my own|alone|by myself) (till|until) (\w+ ){0,2}(1am|2am|3am|4am|midnight|late|morning)\b|\b(get|got|gets|getting|been|was|were|are|am|is) left (\w+ ){0,5}(for hours|all night|all day|overnight|outside|in the car)\b"
        + @"|\b(goes|went|go) out (on )?(\w+day) (night )?(and )?(comes?|came|come) back (on )?(\w+day)\b|\b(i am|im) (only )?([5-9]|1[0-3]) and i (do everything|look after)\b|\b(alone|on my own|by myself) (for (days|nights|a week|weeks|the weekend|ages|hours)|all (night|weekend)|overnight|every (night|weekend))\b", Options)]
    private static partial Regex LeftAlone();

    // why: a parent who disappears: "mum doesnt come home", "mum hasnt been home", "goes out at night".
    [GeneratedRegex(@"\b(doesnt|dont|didnt|never|wont|rarely|hardly ever) (come|comes|came|coming) (back )?home\b"
        + @"|\b(hasnt|havent|not) been (back )?home\b|\b(is|are) (never|hardly ever|rarely) (home|in|there|around)\b"
        + @"|\b(is|are) (always|never|hardly ever) at (her|his|their) (boyfriends|girlfriends|mates|friends|the pub)\b"
        + @"|\b(mum|dad|parents|they|she|he)( \w+){0,2} (disappears?|goes out|go out|went out) (for (days|nights|the weekend)|all night|every night|at night|and leaves?)\b", Options)]
    private static partial Regex ParentDoesNotComeHome();

    // why: no adult looking after the child: "nobody looks after me", "i look after my little sisters".
    [GeneratedRegex(@"\b(no one|nobody|no body|none of them)( \w+){0,2} (looks? after|takes? care of|cares? for|feeds?|looks? out for|"
        + @"is there for|checks (on|if)|wakes?|washes|takes|picks?|collects?) (me|us|him|her|them|my clothes|our clothes)\b"
        + @"|\b(i|we) (have |had |got |has )?(to )?(look after|take care of|feed|raise|care for) (myself|ourselves|my (\w+ ){0,2}"
        + @"(brother|sister|brothers|sisters|siblings)|my (mum|dad))\b|\bcant be bothered (with|to)? ?(me|us|feed|look|wash|cook|get)\b"
        + @"|\b(leaves?|left) (me|us) to (look after|mind|watch|babysit)\b|\bwhile (she|he|they|mum|dad|my mum|my dad) (goes|go|went|is|are|sleeps|is asleep|is drunk) (out|asleep|drunk|at the pub)?\b|\blooks? after the baby\b"
        + @"|\b(she|he|mum|dad|they) (says|said) (she|he|they) cant be bothered\b|\bget myself (up|to school|ready|dressed)\b"
        + @"|\b(mum|dad|she|he|they) (is|are|was|were) (always |still )?(asleep|in bed) (all day|when|because|till)\b"
        + @"|\b(mum|dad|she|he|they|parents)( \w+){0,2} (cant|doesnt|dont|wont|never|can not|hardly) (even )?(get|gets) (out of|up out of) bed\b", Options)]
    private static partial Regex NobodyLooksAfterMe();

    // why: a carer who is drunk or high: "my mum is always drunk", "dad comes home wasted".
    [GeneratedRegex(@"\b(drunk|wasted|high|stoned|off (his|her|their) head|passed out)\b", Options)]
    private static partial Regex DrunkOrHigh();

    [GeneratedRegex(@"\b(" + Person + @"|they|parents)( \w+){0,2} (is|are|gets|get|got|was|were|always|keeps|comes home) (\w+ )?$", Options)]
    private static partial Regex CarerIsJustBefore();

    // why: a carer who drinks or takes drugs: "my parents take drugs", "mum drinks every day".
    [GeneratedRegex(@"\b(drinks (all the time|every day|every night|too much|loads|a lot|vodka)|drinking (again|all the time|every day|every night)|"
        + @"take drugs|takes drugs|taking drugs|do drugs|does drugs|doing drugs|on drugs|uses drugs|smokes weed|smoke weed|smokes crack|"
        + @"is an alcoholic|are alcoholics|is a drug addict|is an addict)\b", Options)]
    private static partial Regex DrinksOrTakesDrugs();

    [GeneratedRegex(@"\b(" + Person + @"|they|parents)( \w+){0,2} $", Options)]
    private static partial Regex CarerJustBefore();

    // why: drugs where a child lives: "needles on the floor", "they do drugs in front of us", "drinks and drives with us".
    [GeneratedRegex(@"\b(needles|syringes|crack pipe)\b|\bdrugs in front of\b|\bdrinks and drives\b", Options)]
    private static partial Regex DrugsAtHome();

    // why: a home without heat, light or a dry bed: "no heating or electric", "my bed is wet".
    [GeneratedRegex(@"\b(no|never any|dont have|dont have any|havent got|havent got any|havent got a|dont have a|no|havent had|hasnt had) "
        + @"(heating|electric|electricity|hot water|clean clothes|beds?|water|gas|a bed)\b"
        + @"|\b(heating|boiler|electric|toilet|water|cooker|fridge) (doesnt|dont|hasnt|isnt|wont) (work|working)\b"
        + @"|\b(my|our) (house|home|flat|bed) is (so |really |always )?(dirty|filthy|disgusting|freezing|wet|damp|mouldy)\b"
        + @"|\bfull of (rubbish|dirt|poo|rats|mice|cockroaches|bugs|mould|flies)\b"
        + @"|\b(dog|cat|dogs|cats) (mess|poo|wee|sick)\b|\b(mess|rubbish|poo) (everywhere|all over the (floor|house))\b|\b(dog poo|rats|cockroaches|bed bugs|bedbugs|maggots)\b"
        + @"|\b(sleep|sleeps|sleeping|slept) on the floor\b", Options)]
    private static partial Regex HomeWithoutBasics();

    // why: signs of a child not cared for: "wears the same clothes every day", "nits and holes in my shoes".
    [GeneratedRegex(@"\bsame clothes (every day|for days|all week|for a week|everyday)\b|\b(nits|head lice|headlice)\b"
        + @"|\bholes in (my|her|his|our) (shoes|trainers|clothes|uniform)\b"
        + @"|\b(hasnt|havent|not|never|hasnt been|havent been) (had|given|got|been given|washed|bathed) (a )?(bath|shower|wash)? ?(in|for) (\w+ )?(days|weeks|months|ages)\b|\b(my|our|her|his) (clothes|shoes|uniform) (are|r) (always |so |really )?(dirty|smelly|too small)\b"
        + @"|\b(doesnt|dont|never|wont|cant) (wash|clean) (them|me|us|my|her|his|our)\b|\b(smells|stinks)\b(?! like)|\bnothing (is |was )?clean\b|\bno clean (clothes|uniform|pants|socks)\b"
        + @"|\b(same|dirty|wet) (nappy|nappies)\b|\bnappy (on )?all day\b|\b(dont|cant|never|not allowed to|dont get to|never get to) (shower|wash|have a (bath|shower)|bath)\b", Options)]
    private static partial Regex UnwashedOrUnclothed();

    // why: illness or pain left untreated: "no one takes him to the dentist", "mum wont get my prescription".
    [GeneratedRegex(@"\b(no one|nobody|never|doesnt|dont|wont|didnt|not) (take|takes|took) (me|him|her|us|them) to (the )?(doctor|doctors|dentist|hospital|gp|opticians)\b"
        + @"|\b(wont|doesnt|dont|didnt|never) (get|pick up|collect|give|buy) (me |him |her )?(my|me|his|her|the) (prescription|medicine|inhaler|medication|tablets|glasses)\b"
        + @"|\b(havent|hasnt|dont have|not) got (my|his|her) (inhaler|medicine|medication|epipen|glasses)\b"
        + @"|\b(forgets|forgot|keeps forgetting|kept forgetting|never remembers) (to get )?(my|her|his) (inhaler|medicine|prescription|meds|tablets|medication|epipen)\b"
        + @"|\b(nobody|no one) (came|comes|come) (to )?(get|pick up|collect|for) (me|us|her|him)\b|\b(inhaler|medicine|meds|tablets|prescription|epipen) (ran out|has run out|run out)\b"
        + @"|\b(tooth|toothache|teeth|ear|infection)( \w+){0,3} for (months|weeks|ages)\b", Options)]
    private static partial Regex NoMedicalCare();

    // ---- Self-harm

    // why: hurting oneself: "i cut myself", "i hurt myself on purpose", "make myself sick", "hit my head against the wall".
    [GeneratedRegex(@"\b(cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|harmed|burn|burns|burning|burnt|burned|"
        + @"scratch|scratches|scratching|scratched|hit|hits|hitting|punch|punches|punching|punched|starve|starving|starved|"
        + @"bite|biting|bit|bruise|bruising|choke|choking|strangle|strangling|injure|injuring|injured|bang|banging|punish|punishing)"
        + @"(?<!\bnever( \w+)? \w+) (myself|my self)\b"
        + @"|\b(make|makes|making|made) (myself|my self) (sick|throw up|vomit|bleed)\b"
        + @"|\b(hit|hits|hitting|bang|bangs|banging|bash|bashing) my (head|hed) (against|off|into|on)\b|\b(bang|bangs|banging|bash|bashing) my (head|hed)\b"
        + @"|\bi (punch|hit|kick) (the )?walls?\b"
        + @"|\b(bang|bangs|banging|bash|bashing|slam|slams|slamming|hit|hitting|punch|punching|scratch|scratching|bite|biting|pinch|pinching|burn|burning) my (\w+ )?"
        + @"(arms?|legs?|hands?|fists?|wrists?|skin|knuckles|fingers|thighs?)( \w+){0,3} (on|against|into|off|with|until|till)\b"
        + @"|\b(until|till) (they|it|my \w+) (go|goes|went|turn|turns|turned|are|is) (purple|black|blue|raw|numb|bloody)\b|\b(till|until) (it|they) (bleeds?|bled)\b|\bi( \w+){1,5} on purpose\b"
        + @"|\bi (have )?(stopped|stop|barely|hardly|dont|not|cant) eat(ing)?( anything| much)? (so|because|to|anymore|any more|for days)\b", Options)]
    private static partial Regex HarmMyself();

    // why: cutting or burning named by the body part: "i burn my arms", "cuts all up her thighs", "carve words into my skin".
    [GeneratedRegex(@"\b(cut|cuts|cutting|burn|burns|burning|scratch(es|ed|ing)?|carve|carving|carved|pick|picking|slit|slits|slitting|slash|slashed|slashing)( \w+){0,3} (on |into |at |up |all up |all over )?(my|her|his) "
        + @"(arms?|wrists?|legs?|thighs?|skin|stomach|body|hips?)\b(?! (playing|on (a|the))\b)"
        + @"|\bpull(s|ing)? (my|her|his) hair out\b", Options)]
    private static partial Regex CutMyBody();

    // why: self-harm named by the child: "i self harm", "i started again", "my scars".
    [GeneratedRegex(@"\b(i|my|me)( (?!" + Hedge + @"\b)\w+){0,3} (self harm(s|ing|ed)?|relapsed?|relapsing|cutting again)\b"
        + @"|\b(scars|cuts|burns) (all )?(on|over|up|from|across|along) (my|her|his)\b|^been cutting\b|\b(been|started|start|am) cutting( myself)? again\b|\bcutting again\b|\bfound (blood|razors?|blades?)\b"
        + @"|\b(razor|razors|blade|blades|lighter|sharpener)( \w+){0,3} (to|on|into|against) (my|her|his) (skin|arms?|legs?|wrists?|thighs?)\b", Options)]
    private static partial Regex SelfHarmFirstPerson();

    // why: a friend or sibling who self-harms: "my friend cuts herself", "shes showed me pics of her arms".
    [GeneratedRegex(@"\b(cuts|cut|hurts|hurt|harms|harm|burns|starves|is cutting|self harms|is self harming|has been self harming|has been cutting) "
        + @"(herself|himself|themselves|themself)\b|\b(pics|pictures|photos) of (his|her|their) (arms|legs|cuts|wrists)\b", Options)]
    private static partial Regex SomeoneIKnowSelfHarms();

    // why: "my sister cuts and shes only 11", "my friend is self harming".
    [GeneratedRegex(@"\b(self harms?|self harming|is cutting|cuts)\b(?! (hair|the|my|her|his|up|out|off|down|through|it)\b)", Options)]
    private static partial Regex SelfHarmsOrCuts();

    [GeneratedRegex(@"\b" + Person + @"( \w+){0,3} $", Options)]
    private static partial Regex PersonShortlyBefore();

    // why: pills taken to cause harm: "i overdosed", "i take extra tablets to make the pain go away".
    [GeneratedRegex(@"\b(overdose[sd]?|overdosing)\b|\b(took|take|taking|swallowed|swallow) (\w+ ){0,3}(pills|tablets|paracetamol|painkillers)\b"
        + @"|\b(all|loads of|lots of|a lot of|too many|a bunch of|packet of|box of) (my |mums |the )?(pills|tablets|paracetamol|painkillers)\b", Options)]
    private static partial Regex Overdose();

    // ---- Suicidal thoughts

    // why: the plainest words for wanting to die: "i want to die", "wanna die", "i wish i could just die".
    [GeneratedRegex(@"\b(want|wants|wanted|wanting|wish|wished|wishing|ready|planning|plan|trying|tried|try|deserve|need|going|"
        + @"like|just want|hope) to (just )?die\b(?! (of|from|laughing)\b)"
        + @"|\b(wish|wished|wishing|hope) (i|that i) (could |would |will |can )?(just )?(die|died)\b"
        + @"|\bi (should|might as well|may as well|am going to|will) (just )?(die|be dead)\b(?! (of|from|laughing|if)\b)"
        + @"|\b(want|wants|wanted|wanna|wish|wished) (to )?(be|was|were) dead\b", Options)]
    private static partial Regex WantToDie();

    // why: "i wish i was dead", "i wish i was never born", "id be better off dead".
    [GeneratedRegex(@"\b(wish|wished|wishing|hope) (i|id|i would|i had) (was|were|be|been|have been|had been) (dead|gone)\b"
        + @"|\bwish (i|id) (was|were|had) never (been )?born\b|\bwish (i|id) (wasnt|werent|was not|were not|didnt) (alive|here|born|exist|around)\b"
        + @"|\bbetter off dead\b|\bi (should|deserve to) (be dead|die|not exist|not be alive|not be here)\b", Options)]
    private static partial Regex WishIWasDead();

    // why: "kill myself", "end my life", "end it all", "jump off the bridge", whatever the reason given.
    [GeneratedRegex(@"\b(kill|kills|killing|killed|end|ending|ended|take|taking|took|hang|hanging|hanged|drown|drowning|shoot|stab|"
        + @"gas|poison)(?<!\bnever( \w+)? \w+) (myself|my self|my (own )?life|herself|himself|themselves)\b"
        + @"|\bend it all\b|\b(edge|end) of (the|a) (platform|bridge|roof|cliff|building|car park|multi storey)\b"
        + @"|\b(think|thinking|thought) about (stepping|jumping|walking|throwing myself|falling) (off|in front|out)\b"
        + @"|\bif i (just )?(ended|end) (it|things|everything|it all)\b|\bend (it|everything) (now|tonight|soon|today)\b"
        + @"|\b(want|going|ready|planning|plan|thinking about|think about|thought about|thinking of|think of|try|tried|trying|ways|how|decided) (to )?end(ing)? (it|things|everything)\b"
        + @"|\b(jump|jumping|throw (myself|herself|himself)|step|stepping|walk|walking) (off|in front of) (a|the) (bridge|building|roof|cliff|train|car|bus|lorry|multi storey|car park)\b", Options)]
    private static partial Regex KillMyself();

    // why: suicide spoken of about oneself or someone close: "i am suicidal", "my friend tried suicide".
    [GeneratedRegex(@"\b(i|my|me)( (?!" + Hedge + @"\b)\w+){0,4} (suicid(e|al))\b"
        + @"|\b(suicidal|suicide) (thoughts|feelings|attempts?|plans?|notes?)\b"
        + @"|\b(attempted|attempt|tried|try|commit|committed|commiting|committing|thinking about|thought about|think about|"
        + @"thoughts of|planning|plan) (to commit )?suicide\b", Options)]
    private static partial Regex SuicideFirstPerson();

    // why: "i dont want to be alive anymore", "i wont be alive next year", "go to sleep and not wake up".
    [GeneratedRegex(@"\b(dont|do not|dont really|no longer|not|never|didnt) (want|wanted|feel like|feel) (to )?"
        + @"(be alive|living|be here|exist|existing|wake up|be around|carry on|go on|keep going|be in this world|be on this earth|"
        + @"live\b(?! (in|with|near|like|where|under|on|at|somewhere|there|here|a|my|our|abroad|together)\b))"
        + @"|\b(not|wont|might not|dont think i will|will not) be (here|around|alive) (anymore|any more|tomorrow|much longer|for long|next)\b"
        + @"|\b(wont|will not|might not) be alive\b|\b(wont|will not|might not) be (here|around|alive) (by the time|by then|by next|when)\b"
        + @"|\bif i am not (around|here|alive) (next|by|anymore|any more|tomorrow)\b"
        + @"|\bwant (it|everything|the pain|life|it all) to (stop|end|be over)\b|\b(never|not) wake up\b"
        + @"|\b(want|wish|wanna)( \w+){0,3} (disappear|vanish|not exist|stop existing|sleep forever|go to sleep forever)\b"
        + @"|\b(disappear|vanish) (forever|for good|and never)\b"
        + @"|\b(dark|bad|horrible|scary|intrusive) thoughts\b|\b(dont know|not sure) if i (want|wanna) to (be here|live|be alive|carry on|keep going)\b"
        + @"|\b(giving|give|gave) up on (everything|life|myself)\b|\b(cant|can not) (live|go on|carry on|keep living) like this\b"
        + @"|\b(forget|forgot) i (ever )?existed\b|\bnever existed\b|\bhate (being alive|my life|living|existing)\b"
        + @"|\b(saying|say|said) (my )?goodbyes?\b|\b(thinking|think|thought) about (dying|death|being dead|not being here|not being alive)\b|\bgiving (away )?my (stuff|things)\b", Options)]
    private static partial Regex DontWantToBeAlive();

    // why: hopelessness about living: "no point in living", "i dont see a future for me".
    [GeneratedRegex(@"\b(no|dont see the|cant see the|whats the|what is the) (point|reason) (in |of |to )?"
        + @"(living|being alive|life|live|going on|carrying on|me being here|being here|existing|me)\b"
        + @"|\blife (is|isnt|aint) (not )?worth (living|it)\b|\bmy life is (pointless|not worth|worthless|meaningless)\b"
        + @"|\b(dont|cant|do not|can not) see (a|any) (future|way out|point)\b|\bno future for me\b", Options)]
    private static partial Regex NoPointOrFuture();

    // why: believing others would be better off: "no one would miss me", "everyone would be better off without me".
    [GeneratedRegex(@"\b(no one|nobody|no body|none of them|they|anyone)( would| will| wouldnt| wont| even| ever| really)* "
        + @"(miss|notice|care|care if|notice if) (me|if i)\b"
        + @"|\bbetter (off )?without me\b|\b(i am|i feel like|i feel) (a |such a |just a )?(burden|waste of space|waste of oxygen)\b"
        + @"|\b(happier|better|easier|better off) (if|when) i (was|were|am|m|wasnt) (gone|dead|not here|not around|not alive|here)\b"
        + @"|\b(easier|better|happier) for (everyone|everybody|them|my \w+)( \w+){0,2} if i\b|\b(everyone|everybody) would be (better|happier|fine)( off)? (without me|if i)\b", Options)]
    private static partial Regex NobodyWouldMissMe();

    // why: a plan or the means: "ive written a note", "i know how i would do it", "a rope in his wardrobe".
    [GeneratedRegex(@"\b(written|wrote|writing|write|left) (a|my|the) (suicide )?(note|letter|goodbye)\b"
        + @"|\b(written|wrote|writing|write|left) (a |my |the )?(notes|letters|goodbyes) (for|to) (everyone|everybody|my (mum|dad|family|friends))\b|\bi (just )?(need to|have to|have|have now) (pick|picked|chosen|choose) a (day|date)\b"
        + @"|\b(wont|will not) need (them|it|anything|my \w+|any of (it|this|them)) (after (this weekend|tonight|tomorrow|today)|where i am going)\b|\btonight is (the|my) last night\b|\bmy last (night|day) (alive|on earth|ever)\b"
        + @"|\bsaid sorry (\w+ ){0,3}in a (note|letter)\b|\b(going to|gonna|will|might|i am just going to) (just )?(step|jump) off\b(?! (the|a) (sofa|bed|trampoline|diving|board|bus|swing|stage|wall|slide))|\btop of the (multi storey|car park|bridge|building|cliff|flats)( \w+){0,4} edge\b"
        + @"|\b(know|knows|worked out|planned|decided) (how|when|where) (i|he|she) (would|will|am going to|is going to|could|are going to) do it\b"
        + @"|\b(rope|noose)\b|\b(ways|how) to (die|kill (myself|yourself)|hang|overdose)\b|\bgoodbye (letter|note|message)\b"
        + @"|\b(saved|saving|stockpil\w+|hoard\w*|collecting|hiding|hidden|stashed) (up )?(\w+ ){0,3}(pills|tablets|paracetamol|painkillers)\b"
        + @"|\b(pills|tablets|paracetamol|painkillers) (saved|hidden|stashed|stockpiled)\b"
        + @"|\b(looked up|searched|googled|look up|search|checked) how (many|much) ((\w+ ){0,3}(tablets|pills|paracetamol|painkillers)|it takes)\b|\bhow many (tablets|pills|paracetamol) (it takes|to take|would)\b"
        + @"|\b(got|i have|i have got|i got) a plan for (tonight|tomorrow|friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|next week)\b"
        + @"|\bhow easy it (would be|is) to (just )?(step|jump|do it|end it|let go)\b|\b(close to|near|right on|on) the edge\b( \w+){0,4} (platform|station|bridge|roof|cliff|tracks)\b", Options)]
    private static partial Regex SuicidePlanOrMeans();

    // why: a child at breaking point: "i cant cope", "i cant keep going like this", "i cant take it anymore".
    [GeneratedRegex(@"\b(i|we) (cant|can not|cannot|dont know how to|really cant) (cope|take it|take this|do this|keep going|go on|carry on|handle it)"
        + @"( (anymore|any more|any longer|like this|with (it|this|everything)))?\b"
        + @"|\bi (cant|cannot) take (it|this|much more|anymore)\b|\b(dont think|not sure) i can (take(?! part)|cope|do this|keep going|go on|carry on)\b", Options)]
    private static partial Regex CantCope();

    // why: a child asking for help in a comment box has nowhere else to ask; the lead reads it whatever the harm.
    [GeneratedRegex(@"\b(please|pls|someone|somebody|can (someone|somebody|anyone|you)) help( me| us)?\b(?! (understand|with|to|read|find out))"
        + @"|^help\b|\bhelp me( please)?\b(?! (understand|with|to|read|find out))|\bi need (help|someone to (talk to|help))\b(?! (with|understanding|to understand|reading))"
        + @"|\b(dont|do not) know who (else )?to (tell|talk to|ask|go to)\b|\bnever told (anyone|anybody|no one)\b|\bi have not told anyone\b", Options)]
    private static partial Regex AsksForHelp();

    // ---- Running away

    // why: running away, done or planned: "i want to run away", "i ran away last week", "i keep running off".
    [GeneratedRegex(@"\b(run|running|ran|runs) (away|off)\b(?! (to|and join) (australia|america|spain|france|the moon|mars|narnia|hogwarts|disneyland|the circus|another country|a desert island))", Options)]
    private static partial Regex RunAwayOrOff();

    [GeneratedRegex(@"\b(i|we|me|she|he|" + Known + @")( (?!(would|could|might|if|think|thinking|people|children|kids|not|never|dont|wont|wouldnt)\b)\w+){0,4} $", Options)]
    private static partial Regex RunnerJustBefore();

    // why: running away told without who: "ran away from home", "ran away again last night".
    [GeneratedRegex(@"(?<!\b(who|children|kids|people|child|they|if|to|can|could|might|may|that|someone|somebody) )\b(ran|run|running|runs) away "
        + @"(from home|from (my|our)|from care|from (my |the )?foster|again|last (night|week|year|time)|before|twice|loads|many times)\b", Options)]
    private static partial Regex RanAwayFromHome();

    // why: a child who cannot or will not go home: "scared to go home", "couldnt stay in the house", "sleeping at friends cos cant go home".
    [GeneratedRegex(@"(?<!\bbeing )\b(cant|dont want to|scared to|afraid to|frightened to|not allowed to|not safe to|too scared to|couldnt|"
        + @"dont feel safe to|never want to|hate going|dread going|terrified to|dont like going) (go |going |to go |stay )?(back )?(home|in the house|at home)\b"
        + @"|\b(sleep|sleeping|slept|stay|staying|stayed|living) (at|on|in|round) (my |a |the |different )?(friends|friend|mates|mate|street|streets|"
        + @"park|car|bus stop|sofa|couch|nans|nan|boyfriends|girlfriends|station|train station|tent|hostel)( (house|houses|place|flat|home))?\b"
        + @"|\b(walked|walk|walking|wandered|stayed out) (round|around|about|the streets|out)( \w+){0,2} (till|until|all night)\b"
        + @"|\bclimbed out (of )?(my|the) window\b|\bout all night\b", Options)]
    private static partial Regex CantGoHome();

    // why: put out of home, or with nowhere to live: "mum kicked me out", "got kicked out at 17", "staying in a tent".
    [GeneratedRegex(@"\b(kick(s|ed)?|thr(ew|own|ow|ows)|chuck(s|ed)?) (me|us) out\b(?! of (class|school|lessons?|the (lesson|class|room|game|group|chat|team|club))\b)"
        + @"|\b(got |was |were |been |get )(kicked|thrown|chucked) out\b(?! of (class|school|lessons?|the (lesson|class|room|game|group|chat|team|club))\b)"
        + @"|\b(i am|we are|i was|we were|i have been|we have been|i ve been) (\w+ )?(homeless|sleeping rough|sofa surfing|on the streets)\b"
        + @"|\b(sleeping|living) (rough|on the streets|in a car|in the car|in the park|outside)\b|\b(sofa surfing|sleeping rough)\b", Options)]
    private static partial Regex KickedOutOrHomeless();

    // why: someone who goes missing, often the sign of exploitation: "my brother keeps going missing for days".
    [GeneratedRegex(@"\bmissing\b", Options)]
    private static partial Regex Missing();

    [GeneratedRegex(@"\b(" + Person + @"|i|we)( \w+){0,3} (go|goes|going|went|gone|been|is|keeps going|has been|have been|was) $", Options)]
    private static partial Regex PersonGoesJustBefore();

    // why: a child who has left and is hiding: "i left home 2 weeks ago", "nobody knows where i am", "dont tell my dad where i am".
    [GeneratedRegex(@"\b(i|we) (left|have left|moved out of|walked out of) (home|the house|my house)\b|\bnot living at home\b"
        + @"|\b(nobody|no one|noone) knows where (i am|we are|i live|i sleep)\b|\bdont tell (\w+ ){0,2}where (i am|we are|i live)\b|\b(not|never|wont) (telling|tell|going to tell) (them|anyone|anybody|my \w+|him|her)( \w+)? where (i am|we are|i live|i sleep|i stay)\b"
        + @"|\b(leave|left|leaving) home and never (come|coming|go|going) back\b|\b(never|not) (coming|come|going) back\b|\b(go|get a train|get a bus|get on a train|run) somewhere\b|\bnot tell anyone where\b|\bstart (again|a new life|over)( somewhere)?\b|\bhitch(hike|hiking|ing)?\b|\bnowhere to (sleep|go|live|stay)\b"
        + @"|\b(not going|never going|wont go|will never go|never go) (back )?home\b"
        + @"|\b(police|cops|feds) (brought|bring|brings|found|find|finds|picked up|pick up|picks up) (me|him|her|them|us|my \w+) (back|home)\b"
        + @"|\b(keeps|kept|keep|started) (disappearing|going missing|running off|running away|vanishing|going off)\b|\b(disappears|disappeared|vanishes|vanished) (at night|for days|overnight|all night|for (a|two|three|\d+) (days|nights))\b"
        + @"|\b(ill|i will|i am going to|i am gonna|i would) (just )?(run|leave|get out) (away )?again\b|\b(ill|i will) just go (away )?again\b|\bsend (me|us) back( there)?( \w+){0,3} (run|leave)\b|\bpack(ed|ing)? (my|a) (bags?|stuff|things)\b"
        + @"|\b(a |my )?bags? (packed|ready)\b(?! for (the|a|my|our) (\w+ )?(trip|holiday|residential|camp|sleepover|school|match|weekend))|\b(i am|im) leaving (tonight|home|for good)\b|\bwhere (nobody|no one) (knows|can find) me\b"
        + @"|\bsaving up (for a|to) (train|bus|ticket|coach|get away|run|leave)\b|\b(sleeping bag|tent)( \w+){0,4} (hidden|in the woods|stashed)\b|\bhidden in the woods\b"
        + @"|\bfor when i (go|leave|run)\b(?! (to|on|back|home|out|into|in|for|with|shopping|swimming))|\bstaying with (some )?(older|people i met|a guy|a man|some people|strangers)\b|\bbetter than (home|being at home)\b(?! (school|schooling|made|cooked|cooking))"
        + @"|\b(police|cops|feds) (brought|bring|brings|found|find|finds|picked up|pick up|picks up) (me|him|her|them|us|my \w+) (back|home)\b"
        + @"|\b(she|he|my (friend|brother|sister|mate|cousin))( \w+)? (went|goes|has gone|keeps going) off again\b|\bdidnt report (it|her|him|me)\b|\bfrom (some|a|this) (guys|mans|blokes|older \w+) (flat|house|place|car)\b|\b(police|cops) found (me|him|her|them)\b"
        + @"|\bsofa surf\w*\b|\b(all night|overnight) (till|until) (school|the library|morning)\b|(?<=\b(he|she|they|brother|sister|friend|mum|dad|cousin|mate|son|daughter)( \w+){0,5} )(hasnt|havent|has not|have not) (come|been) (back|home)\b(?! (to (me|us|them)|about|with))"
        + @"|\b(keeps|kept|keep|started) (disappearing|going missing|running off|vanishing)\b|\b(disappears|disappeared|vanishes|vanished) (at night|for days|overnight|all night)\b"
        + @"|\b(i will|i am going to|i would) (just )?(run|leave|get out) (away )?again\b|\bill (just )?run (away )?again\b|\bsend (me|us) back( there)?( \w+){0,3} (run|leave)\b", Options)]
    private static partial Regex LeftHomeInHiding();

    // ---- Exploitation and grooming

    // why: an older person taking an interest in a child: "an older guy", "my boyfriend is 24", "a guy who is 25".
    [GeneratedRegex(@"\bolder (guys?|man|men|lads?|blokes?|boys|boyfriend|girlfriend|woman|women|girls|cousin|friend|friends)\b"
        + @"|\b(boyfriend|girlfriend|he|she|guy|man|bloke|lad|who) (is|s) (1[89]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|6[0-9])\b"
        + @"|\b(1[89]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|6[0-9]) (year old|yr old|yo) (man|guy|bloke|boyfriend|lad)\b|\bturned out to be (an adult|a man|older|\w+ years old)\b"
        + @"|\b(boyfriend|girlfriend|he|she|guy|man|lad|bloke|who) (is|s) (1[7-9]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|6[0-9])\b"
        + @"(?<=\b(i am|im|i m|she is|shes|he is|hes|they are|theyre|we are) (only |just )?([89]|1[0-5])\b.{0,300})"
        + @"|\b(boyfriend|girlfriend|he|she|guy|man|lad|bloke|who) (is|s) (1[7-9]|2[0-9]|3[0-9]|4[0-9]|5[0-9]|6[0-9])\b"
        + @"(?=.{0,300}\b(i am|im|i m|she is|shes|he is|hes|they are|theyre|we are) (only |just )?([89]|1[0-5])\b)"
        + @"|(?<!\bif (they|he|she|you|it|i|we) )\b(is|are|im|i am|s|hes|shes|theyre|they are|were) only ([4-9]|1[0-5]|a (kid|child|baby))\b", Options)]
    private static partial Regex OlderPerson();

    // why: someone met online who wants to meet or messages late: "someone on snapchat keeps asking me to meet up".
    [GeneratedRegex(@"\b(online|internet|snapchat|snap|instagram|insta|tiktok|discord|roblox|fortnite|minecraft|xbox|playstation|"
        + @"game|gaming|whatsapp|facebook|telegram|kik|omegle)( \w+){0,5} (wants?|wanted|asked|asks|asking|keeps asking|kept asking|"
        + @"trying|tried|invited|invites|begging|pressuring|told) (me )?(to )?(meet|come|see me|visit|hang out|go to (his|her|their))\b"
        + @"|\bmet (him|her|them|someone|a guy|a man|a boy|a girl|a lad) (online|on (snapchat|snap|instagram|insta|tiktok|discord|roblox|"
        + @"fortnite|a game|the internet|an app))\b"
        + @"|\bonline (friend|friends|boyfriend|girlfriend|mate|mates)\b"
        + @"|\b(messag\w*|text\w*|dm\w*|snap\w*|call\w*|ring\w*) (me|her|him|us)( \w+){0,4} (late at night|at night|every night|in the night|all night|at midnight)\b"
        + @"|\b(tells?|told|asks?|asked) (me|her|us) to delete\b|\bdelete (the|our|his|her) (messages|chats|texts|dms|pics|photos)\b"
        + @"|\b(sends?|sent|sending) (me|her|him|us) (\w+ )?(messages|texts|dms|snaps)( \w+){0,3} (late|at night|every night|in the night|all night)\b"
        + @"|\b(asks?|asked|asking|keeps asking|kept asking)( me| her)? (what school|where i (live|go to school)|my address|how old i am|if i am (alone|on my own))\b"
        + @"|\b(video call|videocall|facetime|call)( me| her)? (on my own|alone|when i am on my own|in my room)\b|\b(asks?|asked|asking|wants?) to (video call|facetime)\b"
        + @"|\b(i|me|she|he|we|they)( \w+){0,3} (groomed|exploited|trafficked)\b|\b(groom(ed|ing)?|exploit(ed|ing)?) (me|her|him|us)\b", Options)]
    private static partial Regex OnlineContactWantsToMeet();

    // why: images asked for or sent: "he asked for pics", "sends me pictures", "wants me to send nudes".
    [GeneratedRegex(@"\b(send(s|ing)?|sent|show(s|ed|ing)?|shown) me (\w+ ){0,2}(pictures|pics|photos|videos|vids|nudes|porn|images|"
        + @"privates|(his|her) (private|privates|private parts|bits|thing|willy|penis|dick|body|boobs|chest)|himself|herself|naked)\b"
        + @"|\b(ask(s|ed|ing)?|want(s|ed)?|keeps asking|kept asking|beg(s|ged|ging)?|pressur(es|ed|ing)|made|makes|make|told|tells|"
        + @"trying to get|tried to get) me (for |to send (him |her |them )?|to take |send (him |her |them )?)(\w+ ){0,2}"
        + @"(pics|pictures|photos|nudes|selfies|videos|vids|naked|nude)\b"
        + @"|\b(send|sent|sending) (him|her|them) (\w+ ){0,2}(pics|pictures|photos|nudes|naked|nude)\b"
        + @"|\b(asked|asks|asking|wants|wanted) (for|for some|for my) (pics|nudes|photos|pictures)\b|\b(pay|paid|pays|give|gives|gave) me( \S+){0,3} for (a |some )?(videos?|vids?|pics|pictures|photos)\b|\bnudes\b|\b(pictures|pics|photos|videos) of (himself|herself)\b|\brude (things|messages|pictures|pics|photos|stuff|videos)\b", Options)]
    private static partial Regex PicturesSentOrAskedFor();

    // why: gifts that buy a child: "gives me weed and money", "gives her vodka", "buys me things but then".
    [GeneratedRegex(@"\b(give(s)?|gave|giving|pay(s)?|paid|paying|offer(s|ed|ing)?|buy(s)?|bought|buying|send(s)?|sent) (me|us|her|him|them|my \w+)( \w+){0,2} "
        + @"(money|cash|weed|drugs|vapes?|vodka|alcohol|drink|drinks|booze|cider|cigarettes|fags|pills|coke|sweets|lifts|free \w+|presents|gifts|a phone|phones|trainers)\b"
        + @"(?<!\b(mum|dad|nan|grandad|parents|aunt|uncle)( \w+){1,4})"
        + @"|\b(buy(s)?|bought|buying|give(s)?|gave) (me|her|him|us) (things|stuff|presents|gifts)( \w+){0,2} (but|and now|if|so)\b"
        + @"|\b(take(s)?|took|taking) (me|us|her|him|them|girls|kids)( \w+){0,4} to (parties|a party|his (flat|house|car|place)|hotels?)\b"
        + @"|\bcome back (with (new |loads of |lots of )?(trainers|money|cash|phones?|a phone|clothes)|wasted|drunk|high)\b"
        + @"|\bcomes back with (new |loads of |lots of )?(trainers|money|cash|phones?|a phone|clothes)\b", Options)]
    private static partial Regex GiftsForFavours();

    // why: county lines and debt: "he wants me to take packages to other towns", "i owe a dealer money", "work it off".
    [GeneratedRegex(@"\b(carry|carrying|carried|hold|holding|held|deliver|delivering|delivered|sell|selling|sold|move|moving|moved|"
        + @"drop|dropping|dropped|hide|hiding|hid|keep|keeping|kept|take|taking|took) (\w+ ){0,2}(drugs|weed|packages?|parcels?|bags?|stuff|things|"
        + @"money|knives|a knife|phones?|a phone)( \w+){0,2} (for|to) (them|him|her|someone|some|older|a man|people|these|those|this guy|this man|a guy|other towns?|another (town|city))\b"
        + @"|\b(trap house|trapping|plugging|going country|cuckooing)\b|\bin a gang\b|\b(dealer|dealers)\b"
        + @"|\b(i|we) owe (a|the|them|him|her|someone|these|some)( \w+){0,2} (money|favours|a favour)\b|\bwork it off\b"
        + @"|\bi owe (them|him|her)\b|\b(paid|pays|paying|made|told|sent|forced|asked|makes) (me |us |her |him )?to (carry|hold|deliver|sell|move|drop|run|hide|keep|store) \w+"
        + @"|\bkeep (drugs|weed|stuff|a bag|bags|a package|packages|money|a knife) (in|at|under) (my|our)\b"
        + @"|\b(carry|carrying|deliver|delivering|take|taking|sell|selling|drop|dropping)( \w+){0,2} (to|in|round) (different|other|another) (places|towns?|cities|city|areas?|houses)\b"
        + @"|\bsent (me |us )?(to )?(another|other|different) (town|city|area|place)s?\b|\bout of town\b( \w+){0,5} (sell|deal|drop|carry)\b|\bsent to a (town|city|place) i (dont|do not) know\b|\ba (bag|package|parcel) i (cant|can not|am not allowed to|mustnt) open\b"
        + @"|\b(sell|selling|sold|deal|dealing) (stuff|drugs|weed|things|gear|it) (from|out of|at) (a|some|their|this|his|her) (house|flat)\b"
        + @"|\b(texts?|sends?|gives?|gave|messages?) me jobs\b|\b(phone|sim) (off|from) (a|this|some|an older) (guy|man|lad|bloke|boy)\b|\bhave to answer (it|the phone|his calls)( \w+)? (whenever|every time|even)\b"
        + @"|\b(keeping|keep|hiding|hide|holding|hold|looking after) something (\w+ ){0,3}for (someone|them|him|a guy|some)\b"
        + @"|\b(keep|keeps|kept|took|takes) (her|his|my) passport\b|\b(keeps|keep|kept) (going|staying) out (at night|all night|late)\b"
        + @"|\b(go|goes|going|went|sent|send|sends|travel|travels|travelling) to (other|different) (towns|cities|places|areas)( \w+){0,2} (and|to) (sell|deal|drop|deliver|carry)\b"
        + @"|\b(make|makes|made|making) (me|him|her|them|us|my \w+)( \w+){0,4} (sell|deal|carry|deliver|drop) (drugs|weed|stuff|bags|packages)?\b"
        + @"|\b(paid|pays|pay|paying|getting paid|get paid|given money|gives (me|us|her|him) money) (me |us |her |him )?(to|for) (go(ing)? to parties|be(ing)? nice to|hang(ing)? out with|spend(ing)? time with|keep(ing)? quiet|meet(ing)?|go(ing)? with|sleep(ing)? with)\b", Options)]
    private static partial Regex CarryingForOthers();

    // why: secrecy demanded of a child, the mark of grooming: "says not to tell anyone", "our little secret", "made us promise".
    [GeneratedRegex(@"\bif i (dont|do not|wont) (do|send) what (he|she|they) (says|said|wants|tells me)\b|\btell (everyone|people|my (mum|dad|parents|school))( \w+){0,2} (my secret|about (me|us|what))\b"
        + @"|\b(told|tells|tell|says|said|made|makes|make) (me |her |him |us )?(not to|to not|never to|i (cant|mustnt|shouldnt|must not|am not allowed to)) (tell|say)\b"
        + @"|\bour (little |special |big )?secret\b|\b(little|special) secret\b|\bour (little |special )(thing|game)\b|\b(its|it is) normal for (dads|daddies|uncles|brothers|grown ups|adults|step dads)\b"
        + @"|\bdont tell (anyone|anybody|your|no one|nobody|the school|school|my|the teachers?)\b|\bkeep (it|this|us|them|him|her)( \w+)? (a )?secret\b"
        + @"|\bnot (allowed|supposed) to tell (anyone|anybody|my|no one)\b|\bpromise (not to|to not|i wont|i would not|i wouldnt|never to) tell\b"
        + @"|\b(no one|nobody|no body) (will |would |is going to |ever )?(believe|believes|listen to|listens to) (me|a kid|you|her|him)\b|\bas long as no one finds out\b", Options)]
    private static partial Regex KeepItSecret();

    // why: an adult making a child feel special, a grooming sign: "says im his favourite", "says he loves me".
    [GeneratedRegex(@"\b(i am|im|she is|he is|you are|we are) (his|her|their) (favourite|special|little|princess|best girl)\b"
        + @"|\b(he|she|man|guy|older \w+)( \w+)? (says|said|tells me|told me) (he|she) loves (me|her|him)\b"
        + @"|\b(looked|looks|look) (me|us|her|him) up\b|\bturn(ed|s|ing)? up at (my|our|her|his) (house|home|school|flat|door|work)\b"
        + @"|\bwhen (mum|dad|my mum|my dad|my parents|my carer|no one|nobody)( \w+)? (isnt|arent|is not|are not|wasnt|was not|is) (there|in|home|around|out|looking)\b", Options)]
    private static partial Regex SpecialAttention();

    // why: an adult drawing a child somewhere private: "keeps asking me to come in his house", "wants my mate to go round a flat with him".
    [GeneratedRegex(@"\b(want(s|ed)?|ask(s|ed|ing)?|keeps asking|kept asking|invite(s|d)?|told|tells|make(s)?|made|tries to get|tried to get) "
        + @"(me|us|her|him|my \w+)( \w+)? to (come|go|get|sit|stay) (in|into|round|to|back to|inside|over to) (his|her|their|a|the) "
        + @"(house|flat|car|place|room|hotel|van|bedroom)\b"
        + @"|\b(ask(s|ed|ing)?|invite(s|d)?|want(s|ed)?|keeps asking|kept asking) (me|us|her|him) (in|into|round|back to|over to|up to) (his|her|their) "
        + @"(house|flat|car|place|room|van|bedroom)\b|\b(ask(s|ed|ing)?|invite(s|d)?|want(s|ed)?) (me|us|her|him) to (come|go) (in|inside|round|over|up)\b"
        + @"|\b(come|go|going|get) (back )?(to|round) (his|hers|theirs)\b"
        + @"|\b(makes?|made|keeps|kept) (me|us|her|him) (stay|behind)( \w+){0,2} (after|behind|late)\b|\b(shuts|shut|closes|closed|locks|locked) the door\b"
        + @"|\bpicked up by (a|an|some|this) (man|guy|older|stranger|bloke)\b|\bget in (his|their|a) (car|van)\b"
        + @"|\b(pick|picks|picked|picking) (me|us|her|him|them) up( \w+){0,3} in (their|his|a) (car|van)\b"
        + @"|\b(get|getting|gets|got|trying to get|tries to get) (me|her|him|us) (alone|on my own|on (her|his|their) own|by myself)\b|\b(alone|on my own) with (him|her)\b", Options)]
    private static partial Regex AskedToComeInside();

    // why: images used as a threat: "he said he would share my pics", "says he will send them to my school".
    [GeneratedRegex(@"\b(threaten\w*|going to|said|says|will|say)( \w+){0,3} (share|post|send|leak|show|spread) (my|the|those|them|our) "
        + @"(\w+ )?(pics|pictures|photos|nudes|videos|vids|messages|to my (school|mum|dad|parents|friends))\b"
        + @"|\b(has|have|got) my (nudes|pics|pictures|photos)\b|\b(share|post|send|leak|show|spread)( \w+){0,2} (video|videos|vids|pics|pictures|photos) of (me|her|him)\b", Options)]
    private static partial Regex ThreatToSharePictures();

    // ---- Bullying with threats

    // why: threats of violence reported by the child: "they said theyll stab me", "theyre going to jump me", "set my hair on fire".
    [GeneratedRegex(@"\b(said|says|say|saying|told me|tells me|tell me|threaten(s|ed|ing)?|keep saying|keeps saying|messaged|texted|posted|"
        + @"warned|warns|promised)( (?!(anyone|someone|somebody|anybody|people)\b)\w+){0,4} (stab|kill|jump|beat|batter|smash|shank|slash|hurt|shoot|burn|rape|hit|punch|kick|knife|"
        + @"merk|murder|break|strangle|get|end|wet|bang) (me|us|my \w+)\b"
        + @"|\b(said|says|say|saying|told me|threaten(s|ed|ing)?)( \w+){0,4} (kill|stab|jump|shoot|batter) you\b"
        + @"|\bthreaten(s|ed|ing)? (me|us)\b|\bthreaten(s|ed|ing)? to (stab|kill|jump|beat|hurt|hit|shoot|burn|batter|rape)\b"
        + @"|\b(they|he|she|people|everyone|gang|lads|boys|girls)( are| is| all){0,3}( \w+)? (going to|about to|planning to|gonna|will|want to|wants to) "
        + @"(jump|stab|batter|beat up|shank|kill|hurt|get|smash|merk|rush|beat) (me|us)\b"
        + @"|\bset (my|me|her|his) (\w+ )?on fire\b"
        + @"|\b(theyd|theyll|they would|they will|hed|hell|he would|he will|shed|shell|she would|she will|going to|gonna) (cut|slash|stab|shank|jump|batter|smash|burn|shoot) (me|her|him|us|my \w+)\b|\bset fire to (me|my|her|him)\b"
        + @"|\b(said|says|told me|threatened|messaged|texted)( \w+){0,8} (i am|you are|youre|your) (dead|getting (it|done|stabbed|jumped|battered))\b", Options)]
    private static partial Regex ThreatenedWithViolence();

    // why: being bullied, said of oneself or someone close: "i get bullied", "my friend is getting bullied that bad".
    [GeneratedRegex(@"\b(bullied|picked on|beaten up|beat up|battered|ganged up on)\b", Options)]
    private static partial Regex BulliedOrBeatenUp();

    [GeneratedRegex(@"\b(i|me|we|" + Person + @")( (?!" + Hedge + @"\b)\w+){0,3} $", Options)]
    private static partial Regex VictimJustBefore();

    // why: bullying told by what they do: "they pick on me", "i got jumped", "made a fake account of me".
    [GeneratedRegex(@"\b(bully|bullies|bullying|bullied|pick(s)? on|picked on|picking on|gang(s)? up on|ganging up on|mugged|robbed|"
        + @"target(s|ed|ing)?)" + NotHedgedBefore + @" (me|us)\b|\b(got|get|getting|was|been|be) jumped\b"
        + @"|\bfake (account|profile|page)s? (of|about|pretending to be) (me|her|him|us)\b|\b(filmed|recorded) me\b", Options)]
    private static partial Regex PickedOn();

    // why: a weapon near the child: "showed me a knife", "he brings a knife to school".
    [GeneratedRegex(@"\b(knife|knives|blade|machete|gun|shank|zombie knife|weapon)( \w+){0,4} (at|to|on|against|near) (me|my|us)\b"
        + @"|\b(pulled|pulls|showed|shows|flashed|brought|brings|carries|carrying|had|has|got|have) (out |me |us )?(a )?(knife|blade|machete|gun|weapon|shank)\b"
        + @"|\bwith a (knife|blade|machete|gun)\b", Options)]
    private static partial Regex Weapon();

    // why: being told to kill oneself is bullying even when the child says nothing of their own feelings.
    [GeneratedRegex(@"\b(told|tell|tells|telling|said|says|saying|keep telling|keeps telling|messages|comments)( me)?( \w+){0,2} "
        + @"(to kill myself|go die|to die|to go die)\b|(?<!\b(kids|children|people|someone|anyone|others|students|pupils|each other) to )\bkill yourself\b", Options)]
    private static partial Regex ToldToKillMyself();

    // why: being followed or found: "someone has been following me home", "they know where i live".
    [GeneratedRegex(@"\b(following|followed|follows|follow) (me|us|her|him)( home| around| to school| everywhere| from school)\b"
        + @"|\b(they|he|she|people|everyone) (know|knows|found out|find out) (where (i|we) (live|am|sleep)|where my (\w+ )?(lives|live)|my address|our address)\b"
        + @"|\b(posted|posting|posts|post|shared|sharing|shares|put|puts|putting) (my|our|her|his) (address|number|location|house)( \w+){0,3} (in|on|online|everywhere|around)\b"
        + @"|\b(should|gonna|going to|will|to) come and get (me|her|him|us)\b(?! (from|after|at|later|when))|\b(my|her|his) name( \w+){0,4} (with|next to) (dead|rip)\b|\b(dead|rip) next to (my|her|his) name\b"
        + @"|\b(i|we|my \w+)( \w+){0,2} (get|got|getting|gets|been getting|received) death threats\b|\b(sent|sending|send) me death threats\b|\b(me|i am) on (a|their|the) (hit|kill) list\b"
        + @"|\b(corner(s|ed)?|surround(s|ed)?) (me|her|him|us)\b|\b(get|gets|got|getting|was|been) (cornered|surrounded|jumped|ganged up on)\b"
        + @"|\b(pull|pulls|pulled|pulling|rip|rips|ripped|ripping|tear|tore) (my|her|his) (hijab|headscarf|turban|scarf|wig|clothes|pants|trousers|skirt|top)( \w+)? (off|down)\b"
        + @"|\b(trip|trips|tripping|tripped) (me|her|him|us) (up|over|on|down)\b|\b(called|named) (\w+ ){0,2}(ways|how) to get rid of\b|\bget rid of (me|her|him|us)\b|\b(bends?|bent|twists?|twisted|pulls?|pulled) (my|her|his) (fingers?|arm|wrist|thumbs?) (back|behind)\b|\b(getting|get|got|gets|been) (battered|beaten up|jumped|kicked in|punched|beaten|hit) (at|on|outside|after|in|every|by)\b|\b(they will|they would|he will|she will|they are|he is|she is|gonna|going to) (come|coming) for (me|my family|my mum|us)\b|\b(went|fell|pushed me) down the whole (flight|stairs)\b", Options)]
    private static partial Regex StalkedOrExposed();

    // ---- Domestic abuse

    // why: violence between the adults at home: "he beats my mum", "my dad who used to beat my mum".
    [GeneratedRegex(@"\b" + Hits + @" (my|our|his|her|their) ((step|little|older|baby|big) )?(mum|dad|mums|nan|grandad|brother|sister|wife|"
        + @"girlfriend|boyfriend|partner|husband|step mum|step dad|siblings?|family|kids|children)\b", Options)]
    private static partial Regex HitsFamilyMember();

    [GeneratedRegex(@"\b(" + Person + @"|they)" + Gap + " $", Options)]
    private static partial Regex PersonOrTheyJustBefore();

    // why: "dad hits mum", "he starts on mum".
    [GeneratedRegex(@"\b" + Hits + @" (mum|dad|nan)\b|\b(starts|started|kicks off|kicked off) on (mum|my mum|her|dad)\b", Options)]
    private static partial Regex HarmToMum();

    // why: a violent household described by what happens: "shouting and smashing things", "punches holes in the wall".
    [GeneratedRegex(@"\b(shout\w*|scream\w*|yell\w*|smash\w*|break\w*|throw\w*|threw|fight\w*|punch\w*|kick\w*|argu\w*|swear\w*|"
        + @"hit\w*) (\w+ ){0,2}(and|or) (smash\w*|break\w*|throw\w*|threw|hit\w*|punch\w*|kick\w*|fight\w*|hurt\w*|slam\w*)\b"
        + @"|\b(scream\w*|shout\w*|yell\w*) and (\w+ )?(smash\w*|break\w*|crash\w*|bang\w*)\b|\b(sleeps?|sleeping|slept) with (a|the) (lock|chair|knife|door locked)\b"
        + @"|\b(lock|locks|bolt|bolts) on (her|my|our|his) (bedroom )?door (now )?(because|cos|cuz|since) of\b|\bsmash(es|ed|ing)? (up )?(things|stuff|plates|the house|doors?|windows?|the tv|everything|glasses|phones?|my (phone|things|stuff)|holes|walls?)\b"
        + @"|\b(punch(es|ed|ing)?|kick(s|ed|ing)?) (holes? in|the (wall|walls|door|doors)|walls|doors)\b"
        + @"|\b(mum|dad|parents|they|step dad|step mum|mums boyfriend)( \w+){0,2} (fight|fighting|fights|hit each other|"
        + @"scream at each other|screaming at each other|throw things|throwing things)\b"
        + @"|\bdomestic (violence|abuse)( at| in)? (home|my house|our house)\b|\b(ended up|ending up|was|went) in hospital\b"
        + @"|\bput (me|her|him|mum|my \w+|her \w+) in hospital\b|\bhides? the knives\b|\bhow (my \w+|he|she) gets (when|after|if)\b|\bwhen (he|she|my \w+) gets (angry|drunk|like that|mad)\b", Options)]
    private static partial Regex ViolenceAtHome();

    // why: police, refuges and court orders at home are often how domestic abuse first shows.
    [GeneratedRegex(@"\bpolice (\w+ ){0,3}(our|my|the) (house|flat|home)\b"
        + @"|\b(police|cops|feds) (came|come|were called|got called|keep coming|always come|have been round|been round|arrested (my|him|her))\b"
        + @"|\b(safe house|injunction|restraining order|non molestation|panic (alarm|button))\b|\b(code word at home|(we|mum|my mum) (have|has|use|uses) a code word)\b|\brang 999\b|\b(i|we) (ring|call|phone|rang|called) (999|the police)\b"
        + @"|\b(ring|rang|call|called|phone|phoned) the police on (my|him|her)\b|\b(back|home) from (prison|jail)\b|\btakes? it out on (her|me|us|mum|my \w+)\b|\b(kick|kicks|kicked|kicking) off at (her|mum|my mum|us|me)\b"
        + @"|\b(chair|wardrobe|drawers|bed|table) (against|under|behind|in front of) (the|my|our|her|his) (bedroom )?(door|handle)\b|\b(barricade|wedge)\w* (the|my|our) (bedroom )?door\b"
        + @"|\bwhat (he|she|dad|my dad|mum|my mum|my step dad|step dad|they|my \w+) (does|did|do|has done|is doing) to (mum|my mum|her|him|us|me|dad|my dad)\b"
        + @"|\b(out of|got out of|gets out of|released from) (prison|jail)\b|\b(found|finds|tracked|track|find|looking for) us\b"
        + @"|\bget away from (my|him|her|them)\b|\b(hiding|hide|hid|hides) from (my|him|her|them|our)\b", Options)]
    private static partial Regex PoliceOrRefuge();

    // why: a child who says home is not safe: "i dont feel safe at home", "i left because it wasnt safe".
    [GeneratedRegex(@"\b(my|our) (home|house|flat) (is|feels) (not |never |really |so )?(unsafe|scary|violent|dangerous)\b"
        + @"|\b(my|our) (home|house|flat) (isnt|is not|never feels|doesnt feel) safe\b|\bit (wasnt|isnt|is not|was not) safe\b"
        + @"|\b(dont|do not|never|dont ever) feel safe (at home|in my house|in my home|around (him|her|my|them)|when (he|she|they|my))\b"
        + @"|\bnot safe (at home|in my house|around (him|her|my))\b", Options)]
    private static partial Regex HomeNotSafe();

    // why: one adult controlling another: "takes all her money and wont let her leave the house".
    [GeneratedRegex(@"\btakes? (all )?(her|his|my mums|mums|my|our) money\b|\b(wont|doesnt|dont) let (her|him|my mum|mum) (leave|go out|see|have|out|work)\b"
        + @"|\bi have to watch (it|them|him)\b", Options)]
    private static partial Regex CoerciveControl();

    // ---- Harm words. Each list counts only in a sentence about someone real (IsAboutSomeoneReal): the child
    // writing about what happens to them or to someone they know. They catch what the phrases above miss, in
    // the child's own words. The guidance's own words ("abuse", "harm", "neglect", "danger", "punishment") are
    // not here, because comments about the guidance use them.

    // why: being hit or hurt, and the marks it leaves: "squeezes my neck", "tied me to a chair", "a hiding".
    [GeneratedRegex(@"\b(hit|hits|hitting|(?<!\b(it|that|this|which|brain|head|eyes|tummy|throat|legs|feet)( \w+)? )(hurt|hurts|hurting)(?! (you|anyone|someone|people|kids|children)\b)|punch(es|ed|ing)?|kick(s|ed|ing)?|slap(s|ped|ping)?|smack(s|ed|ing)?|"
        + @"whack(s|ed|ing)?|whip(s|ped|ping)?|the belt|his belt|her belt|beats?(?! (me|us|him|her|them|everyone|everybody) at\b)|beaten|battered|a hiding|hidings|leathering|thrashing|"
        + @"bruis(e|es|ed|ing)|burnt|burns?|scald(s|ed|ing)?|cigs?|ciggies|bleed(s|ing)?|blood|bloody|sore all over|swollen|stitches|"
        + @"twisted|chok(e|es|ed|ing)|strangl(e|es|ed|ing)|throttl(e|es|ed|ing)|squeez(e|es|ed|ing) my|pinch(es|ed|ing)?|shoved|pushed|"
        + @"dragged|grabbed|stamp(s|ed)? on|tied (me|her|him|us)|tie (me|her|him|us)|knocked (me|her|him) (out|over|down)|"
        + @"shak(e|es|ing) (me|her|him)|shook (me|her|him)|injur(y|ies|ed)|black eye|wooden spoon|slipper|cable|headlock|blacked out|"
        + @"shakes (the baby|my)|smashed|welts|lashes|dizzy|(doesnt|wont|didnt) let go)\b", Options)]
    private static partial Regex PhysicalHarmWords();

    // why: sexual harm, often without the words for it: "give him head", "makes me feel uncomfortable", "in bed with me".
    [GeneratedRegex(@"\b(touch(es|ed|ing)?(?<!\bin touch)(?! (the|my|our|your|their) (records?|data|info\w*|database|system|files?|screen))|naked|nude|underwear|knickers|bra|(my|his|her) pants|privates|private parts|down there|"
        + @"kiss(es|ed|ing)?|lick(s|ed|ing)?|suck(s|ed|ing)?|give (him|her) head|blow ?job|oral|rubbed|his (lap|knee|thing)|on top of me|"
        + @"sex|sexual(ly)?(?! health)|raped?|molest(s|ed|ing)?|forced himself|undress(es|ed|ing)?|strip(s|ped)?|in my bed|in bed with|"
        + @"in the bath with|porn|grabbing my|my bum|grop(e|es|ed|ing)|flash(es|ed)|exposed himself|uncomfortable|(?<!\b(its|it is|thats|that is|kinda|bit|so) )creepy(?! that)|perv(ert|y)?|"
        + @"weird (way|things|stuff))\b", Options)]
    private static partial Regex SexualHarmWords();

    // why: fear, cruelty and put-downs at home: "mean to me", "says im evil", "dont speak to me", "walking on eggshells".
    [GeneratedRegex(@"\b((scared|terrified|frightened|afraid|petrified)(?! of (the dark|spiders|heights|dogs|clowns|needles|exams|the dentist|hackers))|"
        + @"hates? me|worthless|useless|evil|(mean|horrible|nasty|cruel) to (me|us|her|him)|screaming(?! the (house|place) down)|shouting|swearing|ignores? me|blames? me|"
        + @"my fault|the reason|liar|believe me|locked|locks me|regrets?|regretted|doesnt (love|want) me|mad at me|humiliat(es|ed|ing)|"
        + @"dont belong|possessed|punish(es|ed|ing)? (me|us|her|him)|(dont|doesnt|wont|didnt) (speak|talk) to (me|us)|not letting me|"
        + @"off the floor|like a dog|eggshells|flinch(es|ed|ing)?|tiptoe\w*|keep (quiet|my head down))\b", Options)]
    private static partial Regex EmotionalHarmWords();

    // why: going without: "hungry", "no coat", "babys bottles", "mice", "out of it", "never been to the dentist".
    [GeneratedRegex(@"\b(hungry|starving(?!( \w+){0,5} (lunch|dinner|tea|break|snack|food tech))|no food|no dinner|no tea|no breakfast|never (buys|gets|makes|cooks) \w+|nothing to eat|nothing at home|"
        + @"no electric|no heating|heating doesnt work|candles|freezing|in our coats|dirty|filthy|holes|mice|rats|nappy|nappies|bottles|"
        + @"(no|hasnt got a|havent got a) (coat|shoes)|shoes that (dont )?fit|look after myself|poorly(?<!\bborn poorly)|asleep|sleeps all day|"
        + @"drunk|out of it|wasted|high|needles|toothache|teeth hurt|(never|not) been to the dentist|wanders?|(doesnt|dont) get up|no beds?|"
        + @"stink|smell|washed|forgets|left with|nobody (is )?home|no one (is )?home)\b", Options)]
    private static partial Regex NeglectWords();

    // why: self-harm: "cutting", "blade", "scars", "bite my arms", "pulling my eyelashes out", "throw up".
    [GeneratedRegex(@"\b(cutting|cut myself|blades?|razors?|sharpener|scars?|straighteners|matches|harm(ing)? myself|hurt(ing)? myself|"
        + @"overdose|starve myself|dont eat|not eating|stopped eating|marks on (her|his|my)|bit(e|es|ing)? my|"
        + @"pull(s|ed|ing)? (my|her|his) (hair|eyelashes|eyebrows|skin)|pick(s|ed|ing)? (at )?my skin|throw(ing)? up|laxatives|plasters)\b", Options)]
    private static partial Regex SelfHarmWords();

    // why: wanting to die or not to be here: "no point in anything", "better if i wasnt here", "goodbye message".
    [GeneratedRegex(@"\b(die|kill (myself|herself|himself)|killing (myself|herself|himself)|suicid(e|al)|end it|ending it|be over|bridge|"
        + @"jumping|stop existing|not wak(e|ing) up|never wak(e|ing) up|dont want to wake up|no way out|much longer|be alive|rope|"
        + @"hang (myself|herself|himself)|disappear|when i am gone|im done|i am done|this planet|no point|point in anything|pointless|"
        + @"hopeless|how many pills|wasnt here|werent here|not being here|goodbye|tired of (living|life|everything)|sick of (living|life)|"
        + @"train tracks|giving up)\b", Options)]
    private static partial Regex SuicidalWords();

    // why: violence between adults at home: "keep my brother quiet when dad is angry with mum", "he will find her".
    [GeneratedRegex(@"\b((hide|hiding|hid) (in|from|under)|crying|smashing|smashed|throws|threw|plates|"
        + @"police (came|come|took|were|have been|arrested|called)|(called|rang) the police|refuge|womens aid|hit each other|"
        + @"(kill|hurt|hurts|push|pushed|hit|find|found|angry with|shouting at|screaming at|scream at|shout at) (her|mum|my mum|us)|"
        + @"banging|screaming(?! the (house|place) down)|controls|middle of the night|kicked the door|door in|walked into a door|temper|violent)\b", Options)]
    private static partial Regex DomesticAbuseWords();

    // why: grooming and exploitation: "asking if i want a lift", "a lookout", "looks way older", "pressured into sending".
    [GeneratedRegex(@"\b(older (man|men|guy|guys|lads?|boys?|girls?|woman|women)|[1-9][0-9] year old|dating|way older|looks older|"
        + @"met (a|him|her|someone)( \w+)? (online|on)|county lines|discord|snapchat|snap|instagram|insta|roblox|train ticket|"
        + @"parcels?|packages?|bags|do jobs|favours?|owe|debt|gang|dealer|weed|given a phone|cigarettes|vapes|in (his|their|a) car|"
        + @"a lift|pick me up|(asking|asked) where i live|im pretty|i am pretty|pics|lookout|pressured|pressure me|sending pictures|"
        + @"send (pics|pictures|photos)|meet (him|her|them|up)|alone with)\b", Options)]
    private static partial Regex ExploitationWords();

    // why: bullying and threats: "death threats", "slash my face", "wait for me outside the gates".
    [GeneratedRegex(@"\b(bullied|bully|bullies|bullying|threat(s|en|ens|ened|ening)?" + NotThreatToThings + @"|jump me|jumped|stab|slash|shank|knife|beat me up|"
        + @"punched|posted my|spit on me|kicks me|wait(s)? for me|i will die|fight me)\b", Options)]
    private static partial Regex BullyingWords();

    // why: running away or having nowhere safe to sleep: "ran off", "a shed", "walk about till late", "not going back".
    [GeneratedRegex(@"\b(run away|ran away|running away|ran off|run off|left home|left my house|streets|stairwell|garage|(the|a|our|my|his|her|garden|old) shed|"
        + @"nowhere to (sleep|go|live|stay)|sleep(ing)? (in|on) (a|the|my)|dont want to go back|dont go home|couldnt go home|cant go home|"
        + @"staying with|staying at a|walk (about|around)|not going back|never going back|left last night)\b", Options)]
    private static partial Regex RunningAwayWords();

    // ---- Used by IsAboutSomeoneReal

    /// <summary>The child or someone they know: "i", "my", "we", "her mum", "his step dad", "mr jones", "mum".</summary>
    [GeneratedRegex(@"\b(i|me|my|myself|we|us|our|mine)\b|\b(her|his) (\w+ )?(" + Relative + "|" + Acquaintance + @")s?\b"
        + @"|\b(mr|mrs|ms|sir) \w+|\b(he|she)\b|(?<!\b(a|an|any|every|some|the|your|their|there|one|no|someones|childs|kids) )\b(mum|dad|step dad|step mum|nan|grandad)\b", Options)]
    private static partial Regex SomeoneReal();

    /// <summary>An opinion about the guidance, a question, a "what if", a joke or an accident, not something that happened.</summary>
    [GeneratedRegex(@"\b(guidance|contactpoint|database|records?|system|section|flowcharts?|shielding|shielded|the bit|page|survey|"
        + @"consultation|practitioners?|services?|professionals|information|info|data|policy|paragraph|questions?|council|government|"
        + @"hackers?|pshe|lesson|news|exams?|homework|documentary|citizenship|assembly|eastenders|learnt|learned)\b"
        + @"|\bi (think|reckon|believe|guess|hope|suppose|agree|disagree)\b(?! (about|of|him|her|them|me|you|my|he|she|that (my|he|she))\b)|\b(should|shouldnt)\b"
        + @"|\b(i|we|you|they|kids|people|children) (would|could|might) (be|feel|want|hate|like|not|get)\b"
        + @"|\b(kids|children|people|young people|a child|a kid|someone|anyone|somebody|families|victims) (who|that|might|can|could|would|should|are|get|in)\b"
        + @"|\b(lol|haha|lmao|jk|rofl)\b|\b(nobody|no one|anyone|someone|they|people) (can|could|would|will|cant) (\w+ )?(hurt|harm|hit|find|get|hack) you\b|\bis (that|it) true\b|^(if|what if|would|say|imagine|suppose|whether|how|what|why|who|can|could|does|do|is|are)\b"
        + @"|\b(playing|by a (car|ball|bike|bus)|fell off|trampoline|accident|kicked out of (class|school|lessons?))\b", Options)]
    private static partial Regex OpinionOrQuestion();

    // ---- Used by IsMadeUpCase

    [GeneratedRegex(@"(\b(if|imagine|suppose|pretend|lets say|say theres|say there is|say there was)|^( \.)? ?say) (someone|someones|somebody|a|an|people|you|children|kids|strangers?|hackers?|anyone|anybody)\b", Options)]
    private static partial Regex WhatIfAboutNobodyInParticular();

    [GeneratedRegex(@"(?<!\b(ask|asks|asked|say|says|said|tell them|told them|pretend|pretended) (that )?(i |it was |she |he )?)\b(fell|fall|falling|came) off (my|her|his|the|a) (bike|scooter|horse|trampoline|wall|skateboard)\b|\bby (a|the) (car|ball|bus|bike|van|train|dog)\b"
        + @"|\bat (a|the) (football|rugby|cricket) (match|game)\b|\b(boxing|sparring|karate|judo|kickboxing|taekwondo|jiu jitsu|martial arts|dodgeball|paintball|laser tag)\b|\b(playing|at) (football|rugby|hockey|netball|cricket|training|the match)\b(?! (betting|bets|on (tv|the telly)|scores?|results?|on his phone))|\b(by accident|an accident|accidentally|making (tea|toast|dinner)|cooking)\b|\b(got|get|was|were|been) (nicked|stolen|burgled|broken into)\b"
        + @"|\b(dog|cat|puppy|hamster|horse|rabbit|kitten) (bit|bites|scratched|scratches|jumped on|knocked)\b", Options)]
    private static partial Regex Accident();

    /// <summary>The threats a parent or friend makes in jest ("my mum will murder me if i fail haha"): set aside only
    /// when the clause laughs. "He hits me lol" is not set aside: hitting is not a figure of speech.</summary>
    [GeneratedRegex(@"\b(kill|killed|murder|murdered|strangle|ground|end|slaughter)\b", Options)]
    private static partial Regex JokingThreatWords();

    [GeneratedRegex(@"\b(lol|lool|haha\w*|hehe|lmao|lmfao|jk|rofl|xd)\b", Options)]
    private static partial Regex Joking();

    [GeneratedRegex(@"\b(lol|lool|haha\w*|hehe|lmao|lmfao|jk|rofl|xd|is (that|it) true|of boredom|in (pshe|citizenship|assembly|rse|class|lessons?)|on (tv|the news|fifa|fortnite|minecraft|roblox|cod|xbox|playstation|the game))\b", Options)]
    private static partial Regex JokeOrQuestionRightAfter();

    /// <summary>"Would kill me if i wrote her name on here": a threat whose condition is a small thing, not telling.
    /// "Will kill me if i tell" is kept: that is how a child is kept quiet.</summary>
    [GeneratedRegex(@"^ (\w+ ){0,2}(if|because|for) (i|we) (?!((\w+ ){0,2})(tell|told|say|said|speak|spoke|talk|talked|grass|snitch|report|go to|ring|call|show|leave|left|run|ran)\b)", Options)]
    private static partial Regex HyperboleCondition();

    /// <summary>A denial just before the match: "they never hit us", "nobody at home hits me", "im not scared of",
    /// "none of my friends have been hurt", "i have never thought about hurting myself". Only a few filler words may
    /// come between, so "nobody knows he hits me" and "i never told anyone he hits me" are not denials.</summary>
    [GeneratedRegex(@"\b(never|not|nobody|no one|noone|none of|dont|doesnt|didnt|havent|hasnt|wont|wouldnt|isnt|arent|werent|wasnt)"
        + @"( (ever|really|actually|even|once|been|have|has|had|being|got|get|gets|go|anyone|anybody|us|me|at home|in my family|of my friends|of us|"
        + @"at all|thought|think|thinking|of|about|wanted|want|to|felt|feel|like|would|will|do|did|scared of|afraid of|was|were|is|are|gone|went|sad|upset|enough|"
        + @"my friends|my family|my mates))* $", Options)]
    private static partial Regex Denied();

    /// <summary>Someone who belongs to a made-up child: "a kid whose stepdad is violent", "a teenager who took an overdose".</summary>
    [GeneratedRegex(@"\b(a|an|any|some|every|say a|theres a|there is a) (\w+ )?(child|kid|teen|teenager|young person|person|pupil|student|girl|boy|parent|family|baby) "
        + @"(who|that|whose|with|where)( \w+){0,3} $"
        + @"|\b(a case|cases|situations?|times) (where|when) ((a|an|the) \w+|someone|somebody|people)( \w+){0,2} $", Options)]
    private static partial Regex GenericPersonsOwn();

    /// <summary>Harm that is over and dealt with: "i used to get picked on in year 7 but the school sorted it out".
    /// Both a sign it is in the past and a sign it has ended are needed.</summary>
    [GeneratedRegex(@"\b(sorted (it )?(out)?|its (all )?(fine|ok|okay|good|over|stopped) now|been fine|(all )?good now|fine now|dealt with (it)?|"
        + @"it stopped|they stopped|stopped now|over now|moved schools|got excluded|got expelled|left the school|no longer)\b", Options)]
    private static partial Regex OverNow();

    [GeneratedRegex(@"\b(used to|in year ([1-9]|1[0-3]|for|to|one|two|three|five|six|seven|eight|nine|ten)|in primary|when i was (little|younger|small|in)|years ago|last year|ages ago)\b", Options)]
    private static partial Regex LongAgo();

    [GeneratedRegex(@"\bif (my|our|your|her|his) (\w+ ){1,2}(was|were) (ever |being |getting )|\bif i (was|were) (ever )?(being|getting)\b", Options)]
    private static partial Regex WhatIfAboutSomeoneKnown();

    [GeneratedRegex(@"\b" + Known + @"\b", Options)]
    private static partial Regex KnownPersonAnywhere();

    [GeneratedRegex(@"^" + Known + @"\b", Options)]
    private static partial Regex KnownPersonAtStart();

    [GeneratedRegex(@"\b(if|when|whether) (someone|somebody|anyone|anybody|people|a \w+|an \w+|kids|children|strangers?)( \w+){0,2} $", Options)]
    private static partial Regex GenericSubjectJustBefore();
}
