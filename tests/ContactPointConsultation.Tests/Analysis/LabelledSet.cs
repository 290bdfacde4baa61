using System.Globalization;
using ContactPointConsultation.Core.Analysis;
using CsvHelper;
using CsvHelper.Configuration;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>One comment of the labelled set, with the themes a person gave it.</summary>
internal sealed record LabelledComment(int Line, int Question, string Comment, IReadOnlySet<string> Themes);

/// <summary>
/// The labelled set (Data/Labelled, see its README): a codebook for Q2 to Q12 and 484 comments in the voice
/// of 8 to 18 year olds, each with the themes one coder gave it. The codebook is read by the portal's own importer.
/// </summary>
internal static class LabelledSet
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Analysis", "Data", "Labelled");

    public static IReadOnlyList<CodebookRow> Codebook()
    {
        using var content = new MemoryStream(File.ReadAllBytes(Path.Combine(Folder, "codebook.csv")));
        // A MemoryStream reads synchronously, so the task is done when it returns.
        var file = CodebookCsv.ReadAsync(content).GetAwaiter().GetResult();
        Assert.Empty(file.Problems);
        return file.Rows;
    }

    public static IReadOnlyList<LabelledComment> Comments()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "comments.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var comments = new List<LabelledComment>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            comments.Add(new(
                csv.Parser.RawRow,
                int.Parse(csv.GetField("question")![1..], CultureInfo.InvariantCulture),
                csv.GetField("comment")!,
                csv.GetField("themes")!.Split('|').ToHashSet(StringComparer.Ordinal)));
        }

        return comments;
    }

    /// <summary>The codebook as themes, with ids, and the two fixed themes on every question, as the portal has them.</summary>
    public static List<Theme> Themes()
    {
        var themes = new List<Theme>();
        foreach (var row in Codebook())
        {
            themes.Add(Theme(themes.Count + 1, row.QuestionNumber, ThemeKind.Coded, row.Text));
        }

        foreach (var question in Core.Analysis.Codebook.Questions)
        {
            themes.Add(Theme(themes.Count + 1, question, ThemeKind.Other, Core.Analysis.Codebook.FixedThemes[0]));
            themes.Add(Theme(themes.Count + 1, question, ThemeKind.NoReasonGiven, Core.Analysis.Codebook.FixedThemes[1]));
        }

        return themes;
    }

    private static Theme Theme(int id, int question, ThemeKind kind, ThemeText text) => new()
    {
        Id = id,
        QuestionNumber = question,
        Kind = kind,
        Name = text.Name,
        Description = text.Description,
        IncludeWhen = text.IncludeWhen,
        ExcludeWhen = text.ExcludeWhen,
        Example = text.Example,
    };
}
