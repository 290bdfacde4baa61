using System.Globalization;
using System.Text;
using ContactPointConsultation.Core.Exports;
using CsvHelper;
using CsvHelper.Configuration;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ContactPointConsultation.Web.Features.Staff;

/// <summary>
/// Writes download rows to a stream as they arrive, CSV or Excel; nothing is built up in memory. A CSV cell
/// that looks like a formula gets an apostrophe in front; an Excel cell is exactly the text, as a string cell.
/// <see cref="SpreadsheetText"/> says why they differ.
/// </summary>
public static class ResponseFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ResponsesSheet = "Responses";
    public const string CodebookSheet = "Codebook";
    public const string ThemesSheet = "Themes";
    public const string ThemesCodebookSheet = "Themes codebook";

    /// <summary>
    /// RFC 4180: CRLF between records, every field quoted, quotes doubled. UTF-8 with a byte-order mark so
    /// Excel shows every character. CsvHelper's own injection escaping is off: it does not look past
    /// leading whitespace or format characters, so the checklist's rule is applied instead.
    /// </summary>
    private static readonly CsvConfiguration CsvFormat = new(CultureInfo.InvariantCulture)
    {
        Mode = CsvMode.RFC4180,
        NewLine = "\r\n",
        ShouldQuote = _ => true,
        InjectionOptions = InjectionOptions.None,
    };

    /// <summary>Leading and trailing spaces in a comment are kept, and every cell says where it is, for stricter readers.</summary>
    private static readonly SpreadCheetahOptions XlsxOptions = new() { PreserveStringWhitespace = true, WriteCellReferenceAttributes = true };

    public static async Task WriteCsvAsync(Stream body, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);

        // Only the asynchronous writes reach the response body: servers refuse synchronous IO.
        await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, CsvFormat, leaveOpen: true);
        await WriteCsvRecordAsync(csv, columns);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await WriteCsvRecordAsync(csv, row);
        }

        await csv.FlushAsync();
    }

    /// <summary>
    /// The sheets in order, each with a bold, frozen header row, each written as its rows arrive. Every value
    /// is a string cell holding exactly the text: never a formula and never a number, so a reference such as
    /// "00001234", the ISO times and a comment such as "=1+1" stay as written. A cell that looks like a formula
    /// also has the Text number format, so it stays text if someone types over it (see <see cref="SpreadsheetText"/>).
    /// </summary>
    public static async Task WriteXlsxAsync(Stream body, IReadOnlyList<XlsxSheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sheets);

        // ZipArchive still closes each entry with a small synchronous write, which the response body refuses.
        await using var output = new DeferredSyncWriteStream(body);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output, XlsxOptions, cancellationToken))
        {
            var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var formulaLike = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
            var frozenHeader = new WorksheetOptions { FrozenRows = 1 };
            foreach (var sheet in sheets)
            {
                await spreadsheet.StartWorksheetAsync(sheet.Name, frozenHeader, cancellationToken);
                await spreadsheet.AddRowAsync(HeaderCells(sheet.Columns, bold), cancellationToken);
                var cells = new Cell[sheet.Columns.Count];
                await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
                {
                    await spreadsheet.AddRowAsync(TextCells(row, cells, formulaLike), cancellationToken);
                }
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteCsvRecordAsync(CsvWriter csv, IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(SpreadsheetText.EscapeFormula(cell));
        }

        await csv.NextRecordAsync();
    }

    private static Cell[] HeaderCells(IReadOnlyList<string> columns, StyleId style) =>
        [.. columns.Select(c => new Cell(SpreadsheetText.ExcelText(c), style))];

    private static Cell[] TextCells(IReadOnlyList<string> row, Cell[] cells, StyleId formulaLike)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var text = new DataCell(SpreadsheetText.ExcelText(row[i]));
            cells[i] = SpreadsheetText.LooksLikeFormula(row[i]) ? new Cell(text, formulaLike) : new Cell(text);
        }

        return cells;
    }
}

/// <summary>One sheet of a workbook: its name, its header row, and its rows as they are read.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<string>> Rows);
