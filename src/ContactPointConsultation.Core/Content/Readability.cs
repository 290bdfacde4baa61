using System.Globalization;

namespace ContactPointConsultation.Core.Content;

/// <summary>The counts behind a reading-age estimate, and the estimate itself.</summary>
/// <param name="Grade">Flesch–Kincaid grade level (US school grade). Can be negative for very easy text.</param>
/// <param name="ReadingAge">UK reading age in whole years: <paramref name="Grade"/> + 5, rounded, at least 5.</param>
public sealed record ReadabilityScore(int Words, int Sentences, int Syllables, double Grade, int ReadingAge)
{
    /// <summary>
    /// The end of primary school (Key Stage 2). The youngest respondents are about 8, so wording above
    /// this is worth a second look. See docs/readability.md.
    /// </summary>
    public const int TargetReadingAge = 11;

    /// <summary>
    /// What a text written for the youngest readers should read at: easy read and the glossary's meanings. The
    /// youngest respondents are about 8.
    /// </summary>
    public const int EasyReadTargetReadingAge = 9;

    /// <summary>
    /// The reading age this text should be at or under: <see cref="TargetReadingAge"/> unless the text has its own
    /// (<see cref="EasyReadTargetReadingAge"/> for an easy-read text or a glossary's meanings).
    /// </summary>
    public int Target { get; init; } = TargetReadingAge;

    public bool IsAboveTarget => ReadingAge > Target;
}

/// <summary>
/// Estimates how hard a short text is to read, so admins editing the wording can be prompted to
/// simplify it. It is a prompt for a person, never a block: the counts are heuristics, and short
/// texts give noisy scores. See docs/readability.md.
/// </summary>
public static class Readability
{
    // A US grade 1 pupil is about 6 to 7 years old, so UK readability tools add 5 to the grade.
    private const int GradeToAge = 5;
    private const int YoungestReadingAge = 5;

    /// <summary>Estimates the reading age of plain text (Markdown already stripped by the caller).</summary>
    /// <returns><see langword="null"/> when the text has no words.</returns>
    public static ReadabilityScore? Estimate(string? plainText)
    {
        if (string.IsNullOrWhiteSpace(plainText))
        {
            return null;
        }

        var text = plainText.AsSpan();
        int words = 0, sentences = 0, syllables = 0;
        var sentenceHasWords = false;

        var i = 0;
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                var length = WordLength(text[i..]);
                words++;
                syllables += CountSyllables(text.Slice(i, length));
                sentenceHasWords = true;
                i += length;
                continue;
            }

            // Help text has bullet lists with no full stops, so a line counts as a sentence too.
            // Checking sentenceHasWords makes "?!", "..." and a full stop before a line break count once.
            if (sentenceHasWords && (IsLineBreak(text[i]) || IsSentenceEnd(text, i)))
            {
                sentences++;
                sentenceHasWords = false;
            }

            i++;
        }

        if (sentenceHasWords)
        {
            sentences++;
        }

        if (words == 0)
        {
            return null;
        }

        var grade = (0.39 * words / sentences) + (11.8 * syllables / words) - 15.59;
        var readingAge = Math.Max(
            YoungestReadingAge,
            (int)Math.Round(grade + GradeToAge, MidpointRounding.AwayFromZero));

        return new ReadabilityScore(words, sentences, syllables, grade, readingAge);
    }

    /// <summary>Counts the syllables in one word with an English spelling heuristic. At least 1.</summary>
    internal static int Syllables(string word) => CountSyllables(word.AsSpan());

    private static int CountSyllables(ReadOnlySpan<char> word)
    {
        // Letters only, lower case: apostrophes would hide endings ("there's" is "theres").
        Span<char> buffer = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];

        // "information-sharing" is two words said together, so each part is counted on its own.
        var total = 0;
        foreach (var range in word.SplitAny("-\u2010\u2011"))
        {
            var part = word[range];
            var letters = 0;
            foreach (var c in part)
            {
                if (char.IsLetter(c))
                {
                    buffer[letters++] = char.ToLowerInvariant(c);
                }
            }

            total += letters > 0 ? CountLetterSyllables(buffer[..letters]) : 1;
        }

        return Math.Max(1, total);
    }

    private static int CountLetterSyllables(ReadOnlySpan<char> w)
    {
        var count = 0;
        var previousWasVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var isVowel = IsVowel(w[i]);
            if (isVowel && (!previousWasVowel || IsSaidApart(w, i)))
            {
                count++;
            }

            previousWasVowel = isVowel;
        }

        // Each rule below removes a vowel group that is spelt but not said, so it only applies when
        // the word has another group left to carry the syllable ("the", "bed" and "yes" stay at 1).
        if (count > 1 && w.Length >= 3)
        {
            if (w[^1] == 'e' && !IsVowel(w[^2]) && !EndsInSpokenLe(w))
            {
                // Silent e: "made", "give". But "table" and "people" say the "le".
                count--;
            }
            else if (w.EndsWith("es") && !IsVowel(w[^3]) && !IsSibilant(w[..^2]) && !EndsInSpokenLe(w[..^1]))
            {
                // "makes", "rules" are one syllable; "boxes", "places", "wishes", "tables" say the "es".
                count--;
            }
            else if (w.EndsWith("ed") && !IsVowel(w[^3]) && w[^3] is not ('t' or 'd') && !EndsInSpokenLe(w[..^1]))
            {
                // "used", "asked" are one syllable; "wanted", "needed", "settled" say the "ed".
                count--;
            }
        }

        return Math.Max(1, count);
    }

    /// <summary>
    /// Two vowels together are usually one sound, but young people's writing is full of "going",
    /// "being" and "saying", and "actual", "usual" and "individual" are common in guidance.
    /// </summary>
    private static bool IsSaidApart(ReadOnlySpan<char> w, int i) =>
        (w[i] == 'i' && w[(i + 1)..] is "ng" or "ngs")
        || (w[i] == 'a' && w[i - 1] == 'u' && (i < 2 || w[i - 2] is not ('q' or 'g')));

    /// <summary>A consonant then "le", as in "table": the "le" is a syllable of its own.</summary>
    /// <remarks>"ll" and "rl" are excluded so "called" and "hurled" lose their "ed" as usual.</remarks>
    private static bool EndsInSpokenLe(ReadOnlySpan<char> w) =>
        w.Length >= 3 && w.EndsWith("le") && !IsVowel(w[^3]) && w[^3] is not ('l' or 'r');

    /// <summary>Endings after which "-es" is said: "boxes", "buzzes", "places", "pages", "wishes", "matches".</summary>
    private static bool IsSibilant(ReadOnlySpan<char> stem) =>
        stem[^1] is 's' or 'x' or 'z' or 'c' or 'g'
        || stem.EndsWith("ch")
        || stem.EndsWith("sh");

    private static bool IsVowel(char c) =>
        c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y'
        // Accented vowels, including the Welsh circumflex (to bach) on w and y.
        || (c > '\u007f' && "àáâäèéêëìíîïòóôöùúûüýÿŵŷẁẃẅỳ".Contains(c));

    /// <summary>
    /// How many characters the word at the start of <paramref name="text"/> runs to. Apostrophes and
    /// hyphens join letters ("don't", "information-sharing"); a full stop or comma joins digits ("1,000", "2.5").
    /// </summary>
    private static int WordLength(ReadOnlySpan<char> text)
    {
        var i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || IsCombiningMark(c))
            {
                i++;
            }
            else if (i + 1 < text.Length && IsJoiner(c, text[i - 1], text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsJoiner(char c, char before, char after) => c switch
    {
        '\'' or '\u2019' or '-' or '\u2010' or '\u2011' => char.IsLetterOrDigit(after),
        '.' or ',' => char.IsDigit(before) && char.IsDigit(after),
        _ => false,
    };

    // Welsh can be typed as "w" followed by a combining circumflex.
    private static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    // A full stop straight before a letter or digit is inside something like "gov.uk", not the end of a sentence.
    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int i) =>
        text[i] is '.' or '!' or '?' or '\u2026'
        && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]));
}
