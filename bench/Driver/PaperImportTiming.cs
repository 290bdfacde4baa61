using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Exports;

namespace Driver;

/// <summary>
/// One member of staff importing a spreadsheet of ROWS paper responses: the file is written to disk in the
/// download's columns (answers as labels, comments like young people's, every line different), uploaded and checked,
/// then imported. Prints the file's size, the time of the upload and check (post, redirect and the check page) and
/// of the import (post, redirect and the result page).
/// </summary>
public static class PaperImportTiming
{
    public static async Task<int> RunAsync(Uri baseUrl, string email, string password, int rows, string file)
    {
        Write(file, rows);
        using var browser = Browser.Create(baseUrl);
        await browser.SignInSettingUpAuthenticatorAsync(email, password);
        await browser.GetAsync("/staff/paper/import");

        using var upload = new MultipartFormDataContent();
        var form = browser.Page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        foreach (var (name, value) in Browser.HiddenFields(form).Concat([
            new("Channel", "paper"), new("ReceivedDay", "14"), new("ReceivedMonth", "11"), new("ReceivedYear", "2026"), new("Batch", "Bench youth network"), new("Version", "1")]))
        {
            upload.Add(new StringContent(value), name);
        }

        await using var content = File.OpenRead(file);
        upload.Add(new StreamContent(content), "File", Path.GetFileName(file));
        var check = Stopwatch.StartNew();
        await browser.PostAsync("/staff/paper/import", upload);
        check.Stop();
        var button = browser.Page.QuerySelector("main form button")?.TextContent.Trim();
        if (button != string.Create(CultureInfo.GetCultureInfo("en-GB"), $"Import {rows:N0} responses"))
        {
            throw new InvalidOperationException($"The file was not checked clean: {browser.Path}, {browser.Page.QuerySelector(".govuk-error-summary")?.TextContent.Trim()}");
        }

        var import = Stopwatch.StartNew();
        await browser.SubmitAsync();
        import.Stop();
        if (browser.Page.QuerySelector(".govuk-panel__title")?.TextContent.Contains("imported", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"The file was not imported: {browser.Path}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {rows}, file {new FileInfo(file).Length / 1e6:0.0} MB: upload and check {check.Elapsed.TotalSeconds:0.00} s, import {import.Elapsed.TotalSeconds:0.00} s ({rows / import.Elapsed.TotalSeconds:0} rows a second)"));
        return 0;
    }

    /// <summary>The spreadsheet, written a line at a time as a group's would be typed up.</summary>
    private static void Write(string file, int rows)
    {
        var random = new Random(14);
        using var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write(string.Join(',', ResponseExport.Columns.Select(Quote)) + "\r\n");
        var ageGroups = AnswerOptions.AgeGroups.Options.Select(o => o.Label).ToArray();
        var choices = AnswerOptions.Choices.Options.Select(o => o.Label).ToArray();
        for (var row = 0; row < rows; row++)
        {
            var cells = new List<string> { "", "", "", random.Next(4) == 0 ? "" : ageGroups[random.Next(ageGroups.Length)], "" };
            for (var q = 2; q <= 12; q++)
            {
                if (ResponseExport.HasChoiceColumn(q))
                {
                    cells.Add(random.Next(5) == 0 ? "" : choices[random.Next(choices.Length)]);
                }

                // Every line's last comment is its own, so none is held back as a lookalike; none over the limit.
                var comment = q == 12 ? $"Form {row}. {SyntheticText.Comment(random)}" : SyntheticText.Comment(random) ?? "";
                cells.Add(comment.Length <= ConsultationLimits.CommentMaxLength ? comment : comment[..ConsultationLimits.CommentMaxLength]);
            }

            cells.AddRange(["", "", ""]);
            writer.Write(string.Join(',', cells.Select(c => Quote(SpreadsheetText.EscapeFormula(c)))) + "\r\n");
        }
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
