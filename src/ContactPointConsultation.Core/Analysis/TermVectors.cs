using System.Globalization;
using System.Text;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// Words as weighted vectors (TF-IDF): a comment's words, each weighted by how rare it is in the documents
/// the weights were learned from. Used to match comments with theme texts, and to name a group of comments by
/// its keywords. Words are lower-cased, stripped of the commonest suffixes and of words that say nothing.
/// </summary>
public sealed class TermVectors
{
    private readonly Dictionary<string, double> _idf;
    private readonly double _unseen;

    /// <param name="documents">The texts whose word counts set the weights: a word in few of them weighs more.</param>
    public TermVectors(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var document in documents)
        {
            total++;
            foreach (var word in Words(document).Distinct(StringComparer.Ordinal))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        // Smoothed, as scikit-learn does: a word in every document still weighs 1, and an unseen one the most.
        _idf = counts.ToDictionary(c => c.Key, c => Math.Log((1.0 + total) / (1 + c.Value)) + 1, StringComparer.Ordinal);
        _unseen = Math.Log(1.0 + total) + 1;
    }

    /// <summary>The text's vector, of unit length: each word's sublinear count times its weight.</summary>
    public Dictionary<string, double> Vector(string text)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            vector[word] = vector.GetValueOrDefault(word) + 1;
        }

        foreach (var word in vector.Keys.ToList())
        {
            vector[word] = (1 + Math.Log(vector[word])) * _idf.GetValueOrDefault(word, _unseen);
        }

        var length = Math.Sqrt(vector.Values.Sum(v => v * v));
        foreach (var word in vector.Keys.ToList())
        {
            vector[word] /= length;
        }

        return vector;
    }

    /// <summary>The cosine of two unit vectors: 1 for the same words in the same proportions, 0 for none shared.</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (word, weight) in small)
        {
            if (large.TryGetValue(word, out var other))
            {
                sum += weight * other;
            }
        }

        return sum;
    }

    /// <summary>The words that carry meaning, lower-cased and roughly stemmed, in order.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture).Append(' '))
        {
            if (char.IsLetter(c))
            {
                word.Append(c);
                continue;
            }

            // "don't" is one word: an apostrophe inside a word joins it.
            if (c is '\'' or '’' && word.Length > 0)
            {
                continue;
            }

            if (word.Length > 1 && !StopWords.Contains(word.ToString()))
            {
                yield return Stem(word.ToString());
            }

            word.Clear();
        }
    }

    /// <summary>Just enough stemming for "hacking", "hackers" and "hacked" to meet "hack".</summary>
    private static string Stem(string word) =>
        word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 4 && word.EndsWith("ers", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) ? word[..^2]
        : word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) ? word[..^2]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "it", "to", "of", "is", "in", "that", "for", "on", "be", "are", "this", "they", "if", "or", "but",
        "was", "with", "as", "at", "by", "an", "so", "do", "not", "no", "yes", "im", "its", "you", "we", "my", "me", "our",
        "your", "their", "them", "what", "who", "how", "can", "will", "would", "should", "about", "when", "does", "did",
        "has", "have", "from", "there", "which", "just", "all", "any", "some", "more", "than", "too", "very", "really",
        "dont", "like", "get", "got", "one", "also", "only", "then", "whats", "been", "were", "because",
        "these", "those", "into", "out", "up", "he", "she", "his", "her", "us", "am", "ive", "id", "youre", "thats",
    };
}
