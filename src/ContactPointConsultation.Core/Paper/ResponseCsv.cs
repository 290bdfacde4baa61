using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Submissions;

namespace ContactPointConsultation.Core.Paper;

/// <summary>A published wording version a row may name: its id, number, the UK day it opened and the questions with boxes to tick.</summary>
public sealed record ImportVersion(int Id, int Number, DateOnly OpenedOn, IReadOnlySet<int> WithChoice);

/// <summary>What the person importing chose for the whole file: how its responses arrived, and the day and version of a row that leaves them blank.</summary>
public sealed record ImportChoices(ResponseChannel Channel, DateOnly ReceivedOn, string Batch, int VersionNumber);

/// <summary>A problem in an uploaded file of responses, where a spreadsheet shows it: the line, and the column if it is in one.</summary>
public sealed record ImportProblem(int Line, int? Column, string Message)
{
    /// <summary>The column as a spreadsheet user finds it: "7 (Q3 answer)", or only its number past the last; null for a problem with the whole line.</summary>
    public string? ColumnName => Column is { } column
        ? column <= ResponseExport.Columns.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{column} ({ResponseExport.Columns[column - 1]})")
            : column.ToString(CultureInfo.InvariantCulture)
        : null;

    public override string ToString() => ColumnName is { } column
        ? string.Create(CultureInfo.InvariantCulture, $"Line {Line}, column {column}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"Line {Line}: {Message}");
}

/// <summary>
/// The problems found in a file: how many, and the first <see cref="MaxListed"/> of them, which is as many as
/// anyone reads before fixing the file; a file of 10,000 bad lines is not held in memory to say so.
/// </summary>
public sealed class ImportProblems
{
    public const int MaxListed = 100;

    private readonly List<ImportProblem> _listed = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportProblem> Listed => _listed;

    /// <param name="always">Listed even past <see cref="MaxListed"/>: a problem with the whole file, which the lines' problems must not hide.</param>
    public void Add(ImportProblem problem, bool always = false)
    {
        Count++;
        if (_listed.Count < MaxListed || always)
        {
            _listed.Add(problem);
        }
    }
}

/// <summary>One line of the file as an entered response, checked already.</summary>
public sealed record ImportRow(int Line, EnteredResponse Entry);

/// <summary>What a file's rows are checked against.</summary>
/// <param name="ImportKey">The import's own key: each row's <see cref="EnteredResponse.EntryKey"/> is made from it and the row's line, so importing it twice stores it once.</param>
public sealed record ImportRules(IReadOnlyList<ImportVersion> Versions, DateOnly Today, ImportChoices Choices, Guid ImportKey)
{
    /// <summary>The row's entry key: the same line of the same import always has the same one.</summary>
    public Guid EntryKeyOf(int line)
    {
        Span<byte> text = stackalloc byte[20];
        ImportKey.TryWriteBytes(text);
        BitConverter.TryWriteBytes(text[16..], line);
        return new Guid(SHA256.HashData(text)[..16]);
    }
}

/// <summary>
/// A file of responses collected offline, in the columns of the responses download
/// (<see cref="ResponseExport.Columns"/>): each line a response, read and checked one at a time so a file of any
/// length is read in the memory of one line. The cells a download fills in for the portal (the reference and
/// when it was sent) must be blank; the wording version, the date received, the channel and the batch may be
/// blank, taking what the person importing chose, or must agree with it. Answers and About you are the labels
/// the download writes, in any case. A comment is kept as written: one that looks like a formula is text, and
/// the apostrophe a download puts before one is taken off again.
/// </summary>
public static class ResponseCsv
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    private static readonly int ReferenceColumn = Column("Reference");
    private static readonly int SubmittedColumn = Column("Submitted at");
    private static readonly int VersionColumn = Column("Wording version");
    private static readonly int AgeGroupColumn = Column("Age group");
    private static readonly int AnsweringAsColumn = Column("Answering as");
    private static readonly int ChannelColumn = Column("Channel");
    private static readonly int ReceivedColumn = Column("Date received");
    private static readonly int BatchColumn = Column("Batch");

    /// <summary>
    /// The file's rows, those with no problem; every problem goes to <paramref name="problems"/>. Rows are
    /// given as they are read, so a caller storing them must check <paramref name="problems"/> at the end and
    /// store nothing if it has any.
    /// </summary>
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream file, ImportRules rules, ImportProblems problems, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(problems);
        var reader = new CsvRecordReader(file, maxCells: ResponseExport.Columns.Count + 1);
        var header = await reader.ReadAsync(cancellationToken);
        if (header is null)
        {
            problems.Add(reader.Problem is { } unreadable
                ? new(unreadable.Line, unreadable.Column, unreadable.Message)
                : new(1, null, "the file is empty. The first line must be the column names of the responses download"));
            yield break;
        }

        if (!IsHeader(header.Value.Cells, problems))
        {
            yield break;
        }

        var rows = 0;
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            var (line, cells) = record;
            if (cells.TrueForAll(string.IsNullOrWhiteSpace))
            {
                // A spreadsheet saves the empty rows below a table as lines of commas.
                continue;
            }

            if (++rows > PaperLimits.ImportMaxRows)
            {
                problems.Add(new(line, null, $"the file has more than {PaperLimits.ImportMaxRows.ToString("N0", EnglishUk)} responses. Split it into files of {PaperLimits.ImportMaxRows.ToString("N0", EnglishUk)} or fewer"), always: true);
                yield break;
            }

            if (Row(line, cells, rules, problems) is { } row)
            {
                yield return row;
            }
        }

        if (reader.Problem is { } problem)
        {
            problems.Add(new(problem.Line, problem.Column, problem.Message), always: true);
        }
        else if (rows == 0)
        {
            problems.Add(new(2, null, "the file has no responses in it. Add a line for each response under the column names"));
        }
    }

    private static bool IsHeader(List<string> cells, ImportProblems problems)
    {
        var columns = ResponseExport.Columns;
        for (var i = 0; i < Math.Max(cells.Count, columns.Count); i++)
        {
            var cell = i < cells.Count ? cells[i].Trim() : null;
            if (i >= columns.Count || !string.Equals(cell, columns[i], StringComparison.OrdinalIgnoreCase))
            {
                var found = cell is null ? "is missing" : cell.Length == 0 ? "is empty" : $"is “{Shorten(cell)}”";
                var expected = i < columns.Count ? $"should be “{columns[i]}”" : "should not be there";
                problems.Add(new(1, null, $"the first line must be the column names of the responses download, in the same order, but column {i + 1} {found} and {expected}. Start from the blank spreadsheet on this page"));
                return false;
            }
        }

        return true;
    }

    private static ImportRow? Row(int line, List<string> cells, ImportRules rules, ImportProblems problems)
    {
        var columns = ResponseExport.Columns;
        if (cells.Count != columns.Count)
        {
            problems.Add(cells.Count < columns.Count
                ? new(line, null, $"this line has {cells.Count} cells but needs {columns.Count}, one for each column")
                : new(line, null, $"this line has more cells than the {columns.Count} columns. Put any commas inside a cell in quotes"));
            return null;
        }

        var before = problems.Count;
        var choices = rules.Choices;
        MustBeBlank(line, cells, ReferenceColumn, "leave the reference blank: the portal gives each imported response its own", problems);
        MustBeBlank(line, cells, SubmittedColumn, "leave “Submitted at” blank: the portal records when each response is imported", problems);

        var version = Version(line, cells[VersionColumn - 1], rules, problems);
        var ageGroup = Option(line, cells, AgeGroupColumn, AnswerOptions.AgeGroups, "an age group", problems);
        var answeringAs = Option(line, cells, AnsweringAsColumn, AnswerOptions.AnsweringAs, "who it was answered as", problems);

        var answers = new List<EnteredAnswer>(ConsultationLimits.QuestionCount);
        var column = AnsweringAsColumn + 1;
        for (var question = ConsultationLimits.FirstQuestionNumber; question <= ConsultationLimits.LastQuestionNumber; question++)
        {
            Choice? choice = null;
            if (ResponseExport.HasChoiceColumn(question))
            {
                choice = Option(line, cells, column, AnswerOptions.Choices, "an answer", problems);
                if (choice is not null && version is not null && !version.WithChoice.Contains(question))
                {
                    problems.Add(new(line, column, $"question {question} has no Yes, No or Not sure in wording version {version.Number}. Leave it blank"));
                }

                column++;
            }

            var comments = TypedComment.Clean(SpreadsheetText.UnescapeFormula(cells[column - 1]));
            if (comments is { Length: > ConsultationLimits.CommentMaxLength })
            {
                problems.Add(new(line, column, $"the comments must be {ConsultationLimits.CommentMaxLength.ToString("N0", EnglishUk)} characters or less. These have {comments.Length.ToString("N0", EnglishUk)}"));
            }

            answers.Add(new EnteredAnswer(question, choice, string.IsNullOrWhiteSpace(comments) ? null : comments));
            column++;
        }

        var channel = cells[ChannelColumn - 1];
        if (!string.IsNullOrWhiteSpace(channel) && AnswerOptions.Channels.FromCell(channel) != choices.Channel)
        {
            var label = AnswerOptions.Channels.LabelOf(choices.Channel);
            problems.Add(new(line, ChannelColumn, $"this file is being imported as {label} responses, but this line says “{Shorten(channel.Trim())}”. Leave it blank, or make it {label}"));
        }

        var receivedOn = ReceivedOn(line, cells[ReceivedColumn - 1], version, rules, problems);
        var batch = cells[BatchColumn - 1];
        if (!string.IsNullOrWhiteSpace(batch) && !string.Equals(EntryDigest.Squash(batch), EntryDigest.Squash(choices.Batch), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(line, BatchColumn, $"this file is being imported in the batch “{choices.Batch}”, but this line says “{Shorten(batch.Trim())}”. Leave it blank, or import that batch as a file of its own"));
        }

        // A line whose answer is misspelt says so already; this is for one with nothing in its answers and comments.
        var blank = !Enumerable.Range(AnsweringAsColumn, ChannelColumn - AnsweringAsColumn - 1).Any(i => !string.IsNullOrWhiteSpace(cells[i]));
        if (blank || (problems.Count == before && !answers.Exists(a => a.Choice is not null || a.Comments is not null)))
        {
            problems.Add(new(line, null, "this line has no answers or comments. Delete the line, or fill it in"));
        }

        return problems.Count > before || version is null || receivedOn is null
            ? null
            : new ImportRow(line, new EnteredResponse(rules.EntryKeyOf(line), choices.Channel, receivedOn.Value, choices.Batch, version.Id, ageGroup, answeringAs, answers));
    }

    private static void MustBeBlank(int line, List<string> cells, int column, string message, ImportProblems problems)
    {
        if (!string.IsNullOrWhiteSpace(cells[column - 1]))
        {
            problems.Add(new(line, column, message));
        }
    }

    private static ImportVersion? Version(int line, string cell, ImportRules rules, ImportProblems problems)
    {
        var number = string.IsNullOrWhiteSpace(cell)
            ? rules.Choices.VersionNumber
            : int.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var typed) ? typed : (int?)null;
        var version = rules.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null)
        {
            problems.Add(new(line, VersionColumn, $"“{Shorten(cell.Trim())}” is not a published wording version. Use {string.Join(", ", rules.Versions.Select(v => v.Number))}, or leave it blank for version {rules.Choices.VersionNumber}"));
        }

        return version;
    }

    private static T? Option<T>(int line, List<string> cells, int column, OptionList<T> options, string what, ImportProblems problems)
        where T : struct, Enum
    {
        var cell = cells[column - 1];
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var item = options.FromCell(cell);
        if (item is null)
        {
            problems.Add(new(line, column, $"“{Shorten(cell.Trim())}” is not {what}. Use {string.Join(", ", options.Options.Select(o => o.Label))}, or leave it blank"));
        }

        return item;
    }

    private static DateOnly? ReceivedOn(int line, string cell, ImportVersion? version, ImportRules rules, ImportProblems problems)
    {
        var day = rules.Choices.ReceivedOn;
        if (!string.IsNullOrWhiteSpace(cell) && !DateOnly.TryParseExact(cell.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            problems.Add(new(line, ReceivedColumn, $"“{Shorten(cell.Trim())}” is not a real date. Write it like 2026-12-01 or 1/12/2026, or leave it blank for {Day(rules.Choices.ReceivedOn)}"));
            return null;
        }

        if (day > rules.Today)
        {
            problems.Add(new(line, ReceivedColumn, "the date received must be today or in the past"));
            return null;
        }

        if (version is not null && day < version.OpenedOn)
        {
            problems.Add(new(line, ReceivedColumn, $"the date received must be on or after {Day(version.OpenedOn)}, when the consultation opened"));
            return null;
        }

        return day;
    }

    /// <summary>A column's number, counted from 1 as a spreadsheet does.</summary>
    private static int Column(string name)
    {
        for (var i = 0; i < ResponseExport.Columns.Count; i++)
        {
            if (ResponseExport.Columns[i] == name)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"The responses download has no column “{name}”.");
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", EnglishUk);

    private static string Shorten(string cell)
    {
        var flat = new StringBuilder(Math.Min(cell.Length, 41));
        foreach (var c in cell.Length <= 40 ? cell : cell[..40])
        {
            flat.Append(char.IsControl(c) ? ' ' : c);
        }

        return cell.Length <= 40 ? flat.ToString() : flat.Append('…').ToString();
    }
}
