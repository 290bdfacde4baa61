using System.Globalization;
using System.Text;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Trains the screen's <see cref="ScreenModel"/> from labelled comments, the same way every time: plain
/// stochastic gradient descent on the log loss with a little L2, a fixed number of passes over the comments in an
/// order drawn from a fixed seed. A test retrains it from the labelled sets and fails if the shipped
/// <c>screen-model.tsv</c> differs, so the file is always what the sets and this code make.
/// </summary>
internal static class ScreenModelTraining
{
    public const string BiasName = "(bias)";

    private const int Passes = 15;
    private const double LearningRate = 0.2;
    private const double L2 = 1e-4;
    private const int Seed = 7;

    /// <summary>Weights nearer zero than this are left out of the file: they never move a score by a visible amount.</summary>
    private const double Smallest = 0.005;

    public static string Word(string word) => "w:" + word;

    public static string Pair(string word, string next) => "b:" + word + " " + next;

    /// <summary>The features of a comment: each word, and each pair of neighbouring words, of its plain form, once
    /// however often they occur. <see cref="ScreenModel.Score"/> reads the same ones without making strings.</summary>
    public static List<string> Features(string comment)
    {
        var words = DisclosureText.Normalise(comment).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var features = new List<string>(words.Length * 2);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length > DisclosureText.LongestWord)
            {
                continue;
            }

            features.Add(Word(words[i]));
            if (i + 1 < words.Length && words[i + 1].Length <= DisclosureText.LongestWord)
            {
                features.Add(Pair(words[i], words[i + 1]));
            }
        }

        return [.. features.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Trains on the comments and returns the model's file.</summary>
    public static string Train(IReadOnlyList<(string Comment, bool Disclosure)> comments, string source)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var examples = comments.Select(c => (Features: Features(c.Comment), c.Disclosure)).ToList();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var bias = 0.0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(Seed);
        for (var pass = 0; pass < Passes; pass++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (pass * 0.1));
            foreach (var index in order)
            {
                var (features, disclosure) = examples[index];
                var score = bias;
                foreach (var feature in features)
                {
                    score += weights.GetValueOrDefault(feature);
                }

                var error = (disclosure ? 1.0 : 0.0) - (1 / (1 + Math.Exp(-score)));
                bias += rate * error;
                foreach (var feature in features)
                {
                    var weight = weights.GetValueOrDefault(feature);
                    weights[feature] = weight + (rate * (error - (L2 * weight)));
                }
            }
        }

        return Write(bias, weights, source, comments.Count);
    }

    /// <summary>The model's file: a header saying where it came from, the bias, then one "feature TAB weight" a line,
    /// in ordinal order so a retrained model's diff is readable.</summary>
    public static string Write(double bias, IReadOnlyDictionary<string, double> weights, string source, int comments)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var text = new StringBuilder()
            .Append("# The safeguarding screen's learned model (ScreenModel): logistic regression over the words and word pairs\n")
            .Append("# of a comment's plain form. Trained by ScreenModelTraining on ").Append(comments.ToString(CultureInfo.InvariantCulture))
            .Append(" labelled comments from ").Append(source).Append(".\n")
            .Append("# Do not edit: ScreenModelTests.ShippedModel_IsTheOneTheLabelledSetsTrain rewrites it when run with SCREEN_MODEL_WRITE=1.\n")
            .Append(BiasName).Append('\t').Append(Format(bias)).Append('\n');
        foreach (var (feature, weight) in weights.Where(w => Math.Abs(w.Value) >= Smallest).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            text.Append(feature).Append('\t').Append(Format(weight)).Append('\n');
        }

        return text.ToString();
    }

    private static string Format(double weight) => Math.Round(weight, 4).ToString("0.0###", CultureInfo.InvariantCulture);
}
