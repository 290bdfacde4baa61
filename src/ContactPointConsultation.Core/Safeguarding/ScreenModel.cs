using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// The screen's second opinion: a logistic regression over the words and word pairs of a comment's plain form
/// (<see cref="DisclosureText"/>), trained by <see cref="ScreenModelTraining"/> on the labelled comments and shipped
/// as <c>screen-model.tsv</c>. The rules are precise but only know the phrasings someone wrote down; on comments
/// nobody had read they missed one disclosure in eight. The model has learnt which words go with a disclosure, so it
/// catches phrasings no rule names, and it is confident enough about ordinary talk of the guidance to set aside a
/// rule's match that reads nothing like a disclosure. Every weight is a readable word, so the lead is shown which
/// words made the model flag (docs/safeguarding-screen.md, docs/adr/0016-learned-second-opinion.md).
/// </summary>
internal sealed class ScreenModel
{
    /// <summary>A comment no rule matched is flagged when its score (log-odds) is above this: the model is about 82%
    /// sure it is a disclosure. This and <see cref="SetAsideAtOrBelow"/> were chosen by cross-validation, never on a
    /// held-out set: trained without each of the four sets written blind for versions 2 and 3 and measured on it, they
    /// gave at least 95% recall on every one of them (96.8% pooled) with at most 9.5% of ordinary comments flagged on
    /// any (6.3% pooled); a score above 2, as in version 3, missed 6.1% and 5.6% of two of them
    /// (docs/safeguarding-screen.md).</summary>
    public const double FlagAbove = 1.5;

    /// <summary>A rule's match is set aside when the model's score for the whole comment is at or below this: the
    /// model is then more than 98% sure the comment is ordinary. Only a comment short enough to be scored whole can be
    /// set aside (see <see cref="WindowWords"/>).</summary>
    public const double SetAsideAtOrBelow = -4.0;

    /// <summary>The model was trained on comments of a few sentences (half of them 22 words or fewer). A comment longer
    /// than <see cref="WholeWords"/> is scored in windows of this many words, <see cref="WindowStep"/> words apart, and
    /// its score is the highest window's, so a disclosure inside a long opinion about the guidance is not drowned out by it. A
    /// long comment is never set aside: its ordinary windows say nothing about the one that worried a rule.</summary>
    public const int WindowWords = 24;

    /// <summary>How far apart windows start: a disclosure of up to 17 words is always wholly inside one. (Windows 4 words
    /// apart did no better: more of them overlap ordinary words that weigh against a disclosure.)</summary>
    public const int WindowStep = 8;

    /// <summary>A long comment's best window must score above this to flag it: above <see cref="FlagAbove"/>, because
    /// the more windows are scored, the likelier one of them reads like a disclosure by chance. It is a balance between
    /// two figures: long opinions about the guidance flagged (the send benchmark's 1,010 synthetic comments over 200
    /// characters), and disclosures the screen flags on their own but not inside a long comment (1,043 from the
    /// development sets). At 3.5: 0.2% and 1.0%; at 4.25: none and 1.8% (docs/safeguarding-screen.md).</summary>
    public const double WindowFlagAbove = 3.5;

    /// <summary>Comments of up to this many words are scored whole.</summary>
    public const int WholeWords = 36;

    /// <summary>Words never named as a reason (see <see cref="Reasons"/>), as features ("w:and").</summary>
    private static readonly FrozenSet<string> EverydayWords = new[]
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "are", "as", "at", "be", "because", "been", "but", "by",
        "can", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "he", "her", "him", "his", "i",
        "if", "im", "in", "is", "it", "its", "just", "me", "my", "myself", "not", "of", "on", "or", "our", "out", "she",
        "so", "that", "the", "their", "them", "then", "there", "they", "this", "to", "up", "us", "was", "we", "were",
        "what", "when", "where", "who", "will", "with", "would", "you", "your",
    }.Select(ScreenModelTraining.Word).ToFrozenSet(StringComparer.Ordinal);

    private const string ResourceName = "ContactPointConsultation.Safeguarding.screen-model.tsv";

    /// <summary>Each word in any feature, to a number; a comment's words are looked up once each, and its pairs by
    /// their two numbers, which is cheaper than looking up the pair's text.</summary>
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _numberOf;

    /// <summary>The weight of each numbered word on its own (zero if it only appears in pairs).</summary>
    private readonly double[] _wordWeight;

    /// <summary>The weight of each pair, by (first word's number &lt;&lt; 32) | second's.</summary>
    private readonly FrozenDictionary<ulong, double> _pairWeight;

    private ScreenModel(double bias, FrozenDictionary<string, double> weights)
    {
        Bias = bias;
        Weights = weights;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<ulong, double>();
        var wordWeights = new List<double>();
        foreach (var (feature, weight) in weights)
        {
            if (feature.StartsWith("w:", StringComparison.Ordinal))
            {
                wordWeights[Number(feature[2..])] = weight;
            }
            else if (feature.StartsWith("b:", StringComparison.Ordinal) && feature.IndexOf(' ', 2) is var space and > 2)
            {
                pairs[((ulong)(uint)Number(feature[2..space]) << 32) | (uint)Number(feature[(space + 1)..])] = weight;
            }
            else
            {
                throw new InvalidOperationException($"The screen's model has a feature that is neither 'w:word' nor 'b:word word': '{feature}'.");
            }
        }

        _numberOf = numbers.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _wordWeight = [.. wordWeights];
        _pairWeight = pairs.ToFrozenDictionary();

        int Number(string word)
        {
            if (!numbers.TryGetValue(word, out var number))
            {
                number = numbers.Count;
                numbers.Add(word, number);
                wordWeights.Add(0);
            }

            return number;
        }
    }

    /// <summary>The model shipped with the portal.</summary>
    public static ScreenModel Shipped { get; } = Read(ShippedText());

    public double Bias { get; }

    /// <summary>Feature ("w:word" or "b:word word") to weight.</summary>
    public FrozenDictionary<string, double> Weights { get; }

    /// <summary>The text of the shipped model, as embedded in the assembly.</summary>
    public static string ShippedText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The screen's model {ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a model written by <see cref="ScreenModelTraining.Write"/>.</summary>
    public static ScreenModel Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double? bias = null;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new InvalidOperationException($"The screen's model has a line that is not 'feature<TAB>weight': '{line}'.");
            }

            var feature = line[..tab];
            if (feature == ScreenModelTraining.BiasName)
            {
                bias = weight;
            }
            else
            {
                weights.Add(feature, weight);
            }
        }

        return new ScreenModel(bias ?? throw new InvalidOperationException("The screen's model has no bias line."), weights.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The model's score for a comment's plain form, and the window that scored it.</summary>
    public Scored Score(ReadOnlySpan<char> plain)
    {
        // Each word, and each pair of neighbours, is looked up once; the windows then only add up their weights.
        var size = Math.Max(16, (plain.Length / 2) + 1);
        var words = ArrayPool<Feature>.Shared.Rent(size);
        var pairs = ArrayPool<Feature>.Shared.Rent(size);
        try
        {
            var count = Weigh(plain, words, pairs);
            if (count <= WholeWords)
            {
                return new Scored(Window(words, pairs, 0, count), 0, count, Whole: true);
            }

            var best = new Scored(double.NegativeInfinity, 0, 0, Whole: false);
            for (var start = 0; start < count; start += WindowStep)
            {
                var end = Math.Min(count, start + WindowWords);
                var score = Window(words, pairs, start, end);
                if (score > best.Score)
                {
                    best = new Scored(score, start, end, Whole: false);
                }

                if (end == count)
                {
                    break;
                }
            }

            return best;
        }
        finally
        {
            ArrayPool<Feature>.Shared.Return(words);
            ArrayPool<Feature>.Shared.Return(pairs);
        }
    }

    /// <summary>The words that weighed most towards a disclosure in the scored window, for the lead to read.</summary>
    public IReadOnlyList<string> Reasons(ReadOnlySpan<char> plain, Scored scored, int howMany)
    {
        var words = new List<string>();
        foreach (var word in plain.Split(' '))
        {
            if (word.Start.Value != word.End.Value)
            {
                words.Add(plain[word].ToString());
            }
        }

        // Everyday words ("i", "and", "me") weigh towards a disclosure too, because children who disclose write about
        // themselves and opinions about the guidance do not, and a sentence's end (".") is a feature; they are counted
        // in the score but not named, as they would tell the lead nothing.
        var weighed = new Dictionary<string, double>(StringComparer.Ordinal);
        var end = Math.Min(scored.End, words.Count);
        for (var i = scored.Start; i < end; i++)
        {
            Weigh(ScreenModelTraining.Word(words[i]));
            if (i + 1 < end)
            {
                Weigh(ScreenModelTraining.Pair(words[i], words[i + 1]));
            }
        }

        return weighed.Where(w => w.Value > 0)
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(howMany)
            .Select(w => w.Key[2..])
            .ToList();

        void Weigh(string feature)
        {
            if (!feature.Contains('.', StringComparison.Ordinal) && !EverydayWords.Contains(feature) && Weights.TryGetValue(feature, out var weight))
            {
                weighed[feature] = weight;
            }
        }
    }

    /// <summary>The score of words <paramref name="start"/> to <paramref name="end"/> (exclusive), counting the pairs
    /// that lie wholly inside. A word or pair counts once however often it is written, as in training, so a child who
    /// repeats themselves does not look more worrying for it.</summary>
    private double Window(Feature[] words, Feature[] pairs, int start, int end)
    {
        var score = Bias;
        for (var i = start; i < end; i++)
        {
            if (words[i].Weight != 0 && !Seen(words, start, i))
            {
                score += words[i].Weight;
            }

            if (i + 1 < end && pairs[i].Weight != 0 && !Seen(pairs, start, i))
            {
                score += pairs[i].Weight;
            }
        }

        return score;

        static bool Seen(Feature[] features, int start, int index)
        {
            var key = features[index].Key;
            for (var j = start; j < index; j++)
            {
                if (features[j].Key == key)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Looks up each word, and each word with the next, without making strings; returns the number of words.
    /// A word in no feature weighs nothing, nor do the pairs it is in.</summary>
    private int Weigh(ReadOnlySpan<char> plain, Feature[] words, Feature[] pairs)
    {
        var count = 0;
        var previous = -1;
        foreach (var range in plain.Split(' '))
        {
            var word = plain[range];
            if (word.IsEmpty)
            {
                continue;
            }

            var number = _numberOf.TryGetValue(word, out var found) ? found : -1;
            words[count] = number >= 0 ? new Feature((ulong)number + 1, _wordWeight[number]) : default;
            pairs[count] = default;
            if (previous >= 0 && number >= 0)
            {
                var key = ((ulong)(uint)previous << 32) | (uint)number;
                if (_pairWeight.TryGetValue(key, out var pair))
                {
                    pairs[count - 1] = new Feature(key + 1, pair);
                }
            }

            previous = number;
            count++;
        }

        return count;
    }

    /// <summary>A word's number, or a pair's two numbers, plus one (so zero is never a known feature), with its weight;
    /// zero for one the model does not know.</summary>
    private readonly record struct Feature(ulong Key, double Weight);

    /// <summary>A score (log-odds of a disclosure); the words, start inclusive and end exclusive, of the window scored;
    /// and whether that window was the whole comment.</summary>
    internal readonly record struct Scored(double Score, int Start, int End, bool Whole);
}
