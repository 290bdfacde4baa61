using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactPointConsultation.Core.Content;

/// <summary>One hard word in the Government's text, and what it means in words an 8 year old knows.</summary>
public sealed record GlossaryEntry(string Word, string Explanation)
{
    /// <summary>The word as the page might use it: any case, and a plural or past tense (practitioners, local authorities, misused).</summary>
    public Regex Pattern { get; } = Glossary.PatternFor(Word);
}

/// <summary>
/// The glossary: hard words in the consultation's own text, each explained nearby on the page that uses it, so the
/// Government's words stay exactly as they are. It is part of a wording version, as one text of lines
/// "word: explanation", so an admin edits, previews and publishes it with the rest, and each response stays pinned
/// to the explanations its pages showed.
/// </summary>
public static class Glossary
{
    /// <summary>What the reader opens to see the explanations.</summary>
    public const string Heading = "What do these words mean?";

    /// <summary>What an explanation should read at: the youngest respondents are about 8.</summary>
    public const int TargetReadingAge = ReadabilityScore.EasyReadTargetReadingAge;

    public const int WordMaxLength = 60;
    public const int ExplanationMaxLength = 300;
    public const char Separator = ':';

    /// <summary>The entries, in the order written; a line that is not "word: explanation" is left out (the editor refuses it).</summary>
    public static IReadOnlyList<GlossaryEntry> Parse(string? text)
    {
        List<GlossaryEntry> entries = [];
        foreach (var line in Lines(text))
        {
            if (Split(line) is { } entry && !entries.Exists(e => SameWord(e.Word, entry.Word)))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>What is wrong with a glossary as typed, line by line, in words an admin can act on. Empty if nothing.</summary>
    public static IReadOnlyList<string> Problems(string? text)
    {
        List<string> problems = [];
        List<string> words = [];
        var number = 0;
        foreach (var line in TidyLines(text))
        {
            // Numbered as the admin sees them in the box, blank lines and all.
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var at = $"Line {number.ToString(CultureInfo.InvariantCulture)} of the glossary";
            if (Split(line) is not { } entry)
            {
                problems.Add($"{at} must be a word, a colon, then what it means, like “draft: a first try”");
                continue;
            }

            if (entry.Word.Length > WordMaxLength)
            {
                problems.Add($"{at}: the word must be {WordMaxLength} characters or less");
            }

            if (entry.Explanation.Length > ExplanationMaxLength)
            {
                problems.Add($"{at}: what “{entry.Word}” means must be {ExplanationMaxLength} characters or less");
            }

            if (words.Exists(w => SameWord(w, entry.Word)))
            {
                problems.Add($"{at}: “{entry.Word}” is in the glossary already");
            }

            words.Add(entry.Word);
        }

        return problems;
    }

    /// <summary>Each line with its spaces tidied, as it is saved; blank lines stay, to group words as the admin chose.</summary>
    public static string Tidy(string? text) => string.Join('\n', TidyLines(text)).Trim('\n');

    /// <summary>The entries whose word appears in any of the texts, in glossary order.</summary>
    public static IReadOnlyList<GlossaryEntry> UsedIn(IReadOnlyList<GlossaryEntry> entries, params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(texts);
        return [.. entries.Where(entry => texts.Any(text => entry.Pattern.IsMatch(text)))];
    }

    /// <summary>The entries whose explanation reads above <see cref="TargetReadingAge"/>, with their estimate: a prompt for the admin, never a block.</summary>
    public static IReadOnlyList<(GlossaryEntry Entry, int ReadingAge)> HardExplanations(IReadOnlyList<GlossaryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries
            .Select(e => (Entry: e, Score: Readability.Estimate(e.Explanation)))
            .Where(e => e.Score is { ReadingAge: > TargetReadingAge })
            .Select(e => (e.Entry, e.Score!.ReadingAge))];
    }

    internal static Regex PatternFor(string word)
    {
        var parts = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pattern = new StringBuilder(@"(?<![\p{L}\p{N}])");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i > 0)
            {
                pattern.Append(@"\s+");
            }

            if (i < parts.Length - 1)
            {
                pattern.Append(Regex.Escape(part));
            }
            else if (part.Length > 2 && part.EndsWith('y') && !"aeiou".Contains(part[^2], StringComparison.OrdinalIgnoreCase))
            {
                // authority, authorities
                pattern.Append(Regex.Escape(part[..^1])).Append("(?:y|ies)");
            }
            else
            {
                // practitioner, practitioners; misuse, misused; draft, drafted
                pattern.Append(Regex.Escape(part)).Append("(?:s|es|d|ed)?");
            }
        }

        pattern.Append(@"(?![\p{L}\p{N}])");
        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool SameWord(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static GlossaryEntry? Split(string line)
    {
        var colon = line.IndexOf(Separator, StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var word = line[..colon].Trim();
        var explanation = line[(colon + 1)..].Trim();
        return word.Length == 0 || explanation.Length == 0 ? null : new GlossaryEntry(word, explanation);
    }

    private static IEnumerable<string> Lines(string? text) => TidyLines(text).Where(line => line.Length > 0);

    private static IEnumerable<string> TidyLines(string? text) =>
        (text ?? "").Split('\n').Select(line => string.Join(' ', line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)));
}
