using System.Text;
using ContactPointConsultation.Core.Exports;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// A spreadsheet of responses a group filled in offline, in the responses download's columns, and what the
/// person importing it chooses on the upload page. Each line is the cells given by column name, the rest blank.
/// </summary>
public sealed record ResponseSheet
{
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Lines { get; init; } = [];
    public string? Channel { get; init; } = "paper";
    public (string? Day, string? Month, string? Year) Received { get; init; } = ("14", "10", "2026");
    public string? Batch { get; init; } = "Riverside Youth Council";
    public string? Version { get; init; } = "1";
    public string FileName { get; init; } = "riverside.csv";

    /// <summary>This sheet with one more line, of these cells.</summary>
    public ResponseSheet With(params (string Column, string Value)[] cells) =>
        this with { Lines = [.. Lines, cells.ToDictionary(c => c.Column, c => c.Value)] };

    /// <summary>This sheet with <paramref name="count"/> more lines, each made from its number counted from 1.</summary>
    public ResponseSheet WithMany(int count, Func<int, (string Column, string Value)[]> line) =>
        this with { Lines = [.. Lines, .. Enumerable.Range(1, count).Select(n => line(n).ToDictionary(c => c.Column, c => c.Value))] };

    /// <summary>The file as a spreadsheet saves it as CSV UTF-8: every cell quoted, lines ended CRLF.</summary>
    public byte[] Bytes()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', ResponseExport.Columns.Select(Quote)).Append("\r\n");
        foreach (var line in Lines)
        {
            text.AppendJoin(',', ResponseExport.Columns.Select(c => Quote(line.GetValueOrDefault(c, "")))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public Dictionary<string, string?> Fields() => new()
    {
        ["Channel"] = Channel,
        ["ReceivedDay"] = Received.Day,
        ["ReceivedMonth"] = Received.Month,
        ["ReceivedYear"] = Received.Year,
        ["Batch"] = Batch,
        ["Version"] = Version,
    };

    /// <summary>Opens the upload page and uploads this, as these bytes if given, to be checked.</summary>
    public async Task UploadAsync(Respondent staff, byte[]? bytes = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await staff.GetAsync("/staff/paper/import");
        await staff.UploadAsync("File", FileName, bytes ?? Bytes(), Fields());
    }

    /// <summary>Uploads this, then imports it from the check page, with a reason for any lookalikes if given.</summary>
    public async Task ImportAsync(Respondent staff, string? reason = null)
    {
        await UploadAsync(staff);
        await staff.SubmitAsync(reason is null ? null : new Dictionary<string, string?> { ["DuplicateReason"] = reason });
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
