using System.Globalization;
using ContactPointConsultation.Core.Exports;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>One theme as a line of a codebook CSV file.</summary>
public sealed record CodebookRow(int Line, int QuestionNumber, ThemeText Text);

/// <summary>A problem in an uploaded codebook, where a spreadsheet would show it: the line, and the column if it is in one.</summary>
public sealed record CodebookFileProblem(int Line, int? Column, string Message)
{
    /// <summary>The column as a spreadsheet user finds it: "2 (theme)"; null for a problem with the whole line.</summary>
    public string? ColumnName => Column is { } column
        ? string.Create(CultureInfo.InvariantCulture, $"{column} ({CodebookCsv.Columns[Math.Min(column, CodebookCsv.Columns.Count) - 1]})")
        : null;

    public override string ToString() => ColumnName is { } column
        ? string.Create(CultureInfo.InvariantCulture, $"Line {Line}, column {column}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"Line {Line}: {Message}");
}

/// <summary>What an uploaded codebook holds: its rows if it has no problems, otherwise its problems and no rows.</summary>
public sealed record CodebookFile(IReadOnlyList<CodebookRow> Rows, IReadOnlyList<CodebookFileProblem> Problems);

/// <summary>
/// The codebook as CSV: one line for each theme, under the column names <see cref="Columns"/>. Reading is
/// strict and all-or-nothing: every problem in the file is reported by line and column, and a file with
/// any problem gives no rows, so nothing from it is stored.
/// </summary>
public static class CodebookCsv
{
    public static readonly IReadOnlyList<string> Columns = ["question", "theme", "description", "include", "exclude", "example"];

    /// <summary>A theme's cells, as written; the file writer escapes any that look like formulas.</summary>
    public static IReadOnlyList<string> Cells(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return [Question(theme.QuestionNumber), theme.Name, theme.Description, theme.IncludeWhen, theme.ExcludeWhen, theme.Example];
    }

    public static string Question(int number) => string.Create(CultureInfo.InvariantCulture, $"Q{number}");

    /// <summary>Reads the whole file (a codebook is small: <see cref="AnalysisLimits.CodebookFileMaxBytes"/>).</summary>
    public static async Task<CodebookFile> ReadAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var reader = new CsvRecordReader(file, maxCells: Columns.Count + 1);
        var records = new List<(int Line, List<string> Cells)>();
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            records.Add(record);
        }

        if (reader.Problem is { } unreadable)
        {
            return new([], [new(unreadable.Line, Math.Min(unreadable.Column, Columns.Count), unreadable.Message)]);
        }

        var problems = new List<CodebookFileProblem>();
        if (records.Count == 0 || !IsHeader(records[0].Cells, problems))
        {
            if (records.Count == 0)
            {
                problems.Add(new(1, null, "the file is empty. The first line must be the column names: " + string.Join(", ", Columns)));
            }

            return new([], problems);
        }

        var rows = new List<CodebookRow>();
        var seen = new Dictionary<(int, string), int>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (Row(line, cells, problems) is not { } row)
            {
                continue;
            }

            if (seen.TryGetValue((row.QuestionNumber, Theme.Normalize(row.Text.Name)), out var earlier))
            {
                problems.Add(new(line, 2, string.Create(CultureInfo.InvariantCulture, $"{Question(row.QuestionNumber)} already has the theme “{Theme.Tidy(row.Text.Name)}” on line {earlier}. Each theme can only be in the file once")));
                continue;
            }

            seen.Add((row.QuestionNumber, Theme.Normalize(row.Text.Name)), line);
            rows.Add(row);
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new(2, null, "the file has no themes in it. Add a line for each theme under the column names"));
        }

        return problems.Count > 0 ? new([], problems) : new(rows, []);
    }

    private static bool IsHeader(List<string> cells, List<CodebookFileProblem> problems)
    {
        for (var i = 0; i < Math.Max(cells.Count, Columns.Count); i++)
        {
            var cell = i < cells.Count ? cells[i].Trim() : null;
            if (i >= Columns.Count || !string.Equals(cell, Columns[i], StringComparison.OrdinalIgnoreCase))
            {
                var found = cell is null ? "is missing" : cell.Length == 0 ? "is empty" : $"is “{Shorten(cell)}”";
                problems.Add(new(1, i + 1, $"the first line must be the column names {string.Join(", ", Columns)}, in that order, but column {i + 1} {found}"));
                return false;
            }
        }

        return true;
    }

    private static CodebookRow? Row(int line, List<string> cells, List<CodebookFileProblem> problems)
    {
        var before = problems.Count;
        if (cells.Count != Columns.Count)
        {
            problems.Add(cells.Count < Columns.Count
                ? new(line, cells.Count + 1, $"this line has {cells.Count} cells but needs {Columns.Count}: {string.Join(", ", Columns)}")
                : new(line, Columns.Count, $"this line has more cells than the {Columns.Count} columns. Put any commas inside a cell in quotes"));
            return null;
        }

        var text = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (SpreadsheetText.LooksLikeFormula(cells[i]))
            {
                problems.Add(new(line, i + 1, "the cell starts with a character a spreadsheet could run as a formula (= + - @, a tab or a new line). Remove it, or put an apostrophe (') before it"));
            }

            text[i] = SpreadsheetText.UnescapeFormula(cells[i]);
        }

        var question = QuestionNumber(text[0]);
        if (question is null)
        {
            problems.Add(new(line, 1, $"“{Shorten(text[0])}” is not a question of this consultation. Use Q{ConsultationLimits.FirstQuestionNumber} to Q{ConsultationLimits.LastQuestionNumber}"));
        }

        if (string.IsNullOrWhiteSpace(text[1]))
        {
            problems.Add(new(line, 2, "enter the theme’s name"));
        }
        else if (text[1].Trim().Length > AnalysisLimits.ThemeNameMaxLength)
        {
            problems.Add(new(line, 2, $"the theme’s name must be {AnalysisLimits.ThemeNameMaxLength} characters or less"));
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (text[i].Trim().Length > AnalysisLimits.ThemeTextMaxLength)
            {
                problems.Add(new(line, i + 1, $"the {Columns[i]} must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less"));
            }
        }

        return problems.Count > before || question is null
            ? null
            : new(line, question.Value, new ThemeText(text[1], text[2], text[3], text[4], text[5]));
    }

    /// <summary>"Q3", "q3" or "3".</summary>
    private static int? QuestionNumber(string cell)
    {
        var trimmed = cell.Trim();
        var digits = trimmed.StartsWith('Q') || trimmed.StartsWith('q') ? trimmed[1..] : trimmed;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= ConsultationLimits.FirstQuestionNumber and <= ConsultationLimits.LastQuestionNumber
            ? number
            : null;
    }

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";
}
