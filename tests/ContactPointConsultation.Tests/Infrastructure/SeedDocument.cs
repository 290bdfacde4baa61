using System.Text.RegularExpressions;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// Reads the consultation document exactly as it was supplied (Seed/consultation-cyp.txt, a verbatim copy),
/// independently of the app's content file, so the wording tests check the app against the source.
/// </summary>
public static partial class SeedDocument
{
    /// <summary>Paragraphs that are the paper form's answer boxes, not wording: the page shows radios and a textarea instead.</summary>
    private static readonly HashSet<string> FormWidgets = ["Yes", "No", "Not Sure", "Comments:"];

    public static IReadOnlyList<string> Paragraphs { get; } = Load();

    public static string Title => Paragraphs[0];

    /// <summary>Every paragraph from "Introduction" up to the first question's section title.</summary>
    public static IReadOnlyList<string> Introduction => Paragraphs.Skip(1).Take(IndexOfQuestion(2) - 2).ToList();

    public static string SectionTitle(int number) => Paragraphs[IndexOfQuestion(number) - 1];

    public static string Question(int number) => QuestionPrefix().Replace(Paragraphs[IndexOfQuestion(number)], "");

    /// <summary>The help and prompt paragraphs of a question, without the answer boxes.</summary>
    public static IReadOnlyList<string> Wording(int number)
    {
        var start = IndexOfQuestion(number) + 1;
        var end = number == 12 ? Paragraphs.Count : IndexOfQuestion(number + 1) - 1;
        return Paragraphs.Skip(start).Take(end - start)
            .Where(p => !FormWidgets.Contains(p) && !p.Contains("<input", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    private static int IndexOfQuestion(int number) =>
        Paragraphs.Select((p, i) => (p, i)).Single(x => x.p.StartsWith($"Q{number}:", StringComparison.Ordinal)).i;

    private static List<string> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "consultation-cyp.txt"));
        return [.. BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)];
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Q\d+:\s*")]
    private static partial Regex QuestionPrefix();
}
