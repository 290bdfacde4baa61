using ContactPointConsultation.Tests.Analysis;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Staff;

namespace ContactPointConsultation.Tests.Exports;

/// <summary>
/// The Excel download as a real spreadsheet application reads it: Debian's LibreOffice Calc opens the file the
/// portal sends and saves what its cells hold as CSV. A comment that looks like a formula must come out exactly
/// as typed, not evaluated (so "=1+1" is never "2") and with no apostrophe added.
/// </summary>
public sealed class LibreOfficeTests
{
    [Fact]
    public async Task LibreOfficeCalc_OpeningTheExcelDownload_ShowsEachFormulaLikeCommentAndThemeExactlyAsTyped_AndEvaluatesNothing()
    {
        await using var portal = new PortalFactory();
        var (reference, questions) = await ExportTests.SendFormulaLikeCommentsAsync(portal);
        string[] themes = [.. ExportTests.FormulaLikeComments.Take(4).Select(c => c.Kept)];
        foreach (var theme in themes)
        {
            await portal.TagAsync(reference, 3, await portal.AddThemeAsync(3, theme));
        }

        using var analyst = await portal.SignedInStaffAsync();
        var folder = Directory.CreateTempSubdirectory("contactpoint-soffice.").FullName;
        try
        {
            var workbook = Path.Combine(folder, "responses.xlsx");
            await File.WriteAllBytesAsync(
                workbook,
                await analyst.Client.GetByteArrayAsync(new Uri(ExportTests.XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken),
                TestContext.Current.CancellationToken);

            var sheets = await LibreOffice.SheetsAsCsvAsync(workbook, ["Responses", "Themes", "Themes codebook"]);

            var responses = ExportTests.ParseCsv(sheets["Responses"]);
            var row = Assert.Single(responses, r => r[0] == reference);
            var shown = questions.Select(q => row[Array.IndexOf(responses[0], $"Q{q} comments")]).ToList();
            TestContext.Current.SendDiagnosticMessage("LibreOffice Calc read the comments as: " + string.Join(" | ", shown.Select(Visible)));
            Assert.Equal(ExportTests.FormulaLikeComments.Select(c => c.Kept), shown);
            Assert.DoesNotContain("2", shown);
            Assert.Equal("Plain words", row[Array.IndexOf(responses[0], "Q12 comments")]);

            var tagged = ExportTests.ParseCsv(sheets["Themes"]).Where(r => r[0] == reference).Select(r => r[3]).ToList();
            var codebook = ExportTests.ParseCsv(sheets["Themes codebook"]).Select(r => r[1]).Where(themes.Contains).ToList();
            TestContext.Current.SendDiagnosticMessage("LibreOffice Calc read the themes as: " + string.Join(" | ", tagged.Select(Visible)));
            Assert.Equal(themes.Order(StringComparer.Ordinal), tagged.Order(StringComparer.Ordinal));
            Assert.Equal(themes.Order(StringComparer.Ordinal), codebook.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Visible(string cell) => cell.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
