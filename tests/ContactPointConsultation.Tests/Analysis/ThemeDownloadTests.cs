using System.Text;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using ContactPointConsultation.Tests.Staff;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>The themes in the downloads: a CSV and an Excel sheet with one row per comment and theme, and the codebook as a sheet.</summary>
public sealed class ThemeDownloadTests
{
    private static readonly string[] Header = ["Reference", "Question", "Answer", "Theme"];

    [Fact]
    public async Task ThemesCsvAndSheet_HaveOneRowPerCommentAndTheme_NeverAWithheldComment_AndTheWorkbookHasTheCodebook()
    {
        await using var portal = new PortalFactory();
        var first = await portal.SendAsync(Journey.Empty().Answer(3, "no", "=cmd|' /C calc'!A0").Answer(12, null, "Thanks"));
        var withheld = await portal.SendAsync(Journey.Empty().Answer(3, "no", SafeguardingReviewTests.Disclosure));
        var privacy = await portal.AddThemeAsync(3, "Privacy");
        var other3 = await portal.FixedThemeAsync(3, ThemeKind.Other);
        var other12 = await portal.FixedThemeAsync(12, ThemeKind.Other);
        await portal.TagAsync(first, 3, privacy);
        await portal.TagAsync(first, 3, other3);
        await portal.TagAsync(first, 12, other12);
        await portal.TagAsync(withheld, 3, privacy);
        using var analyst = await portal.SignedInStaffAsync();

        var csv = await analyst.Client.GetByteArrayAsync(new Uri("/staff/downloads/themes.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await analyst.Client.GetByteArrayAsync(new Uri("/staff/downloads/responses.xlsx", UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        string[][] expected = [Header, [first, "Q3", "No", "Other"], [first, "Q3", "No", "Privacy"], [first, "Q12", "", "Other"]];
        Assert.Equal(expected, ExportTests.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3))));
        Assert.Equal(expected, ExportTests.TextRows(ExportTests.Worksheet(workbook, "Themes")));
        var codebook = ExportTests.TextRows(ExportTests.Worksheet(workbook, "Themes codebook"));
        Assert.Equal(CodebookCsv.Columns, codebook[0]);
        Assert.Equal(1 + 22 + 1, codebook.Count);
        Assert.Contains(codebook, row => row[0] == "Q3" && row[1] == "Privacy");
        var audit = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ResponsesDownloaded).OrderBy(e => e.Id).Select(e => e.Details).FirstAsync());
        Assert.Equal("{\"file\":\"themes\",\"format\":\"csv\",\"rows\":3,\"completed\":true,\"filters\":null}", audit);
    }

    [Fact]
    public async Task ThemesSheets_ThemeNameStartingWithAFormulaCharacter_IsTheExactTextInAStringCell_AndTheCsvStillEscapesIt()
    {
        await using var portal = new PortalFactory();
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no", "Just words"));
        string[] names = [.. ExportTests.FormulaLikeComments.Take(4).Select(c => c.Kept)];
        foreach (var name in names)
        {
            await portal.TagAsync(reference, 3, await portal.AddThemeAsync(3, name));
        }

        using var analyst = await portal.SignedInStaffAsync();

        var csv = await analyst.Client.GetByteArrayAsync(new Uri("/staff/downloads/themes.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await analyst.Client.GetByteArrayAsync(new Uri("/staff/downloads/responses.xlsx", UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.Equal(
            names.Select(n => "'" + n).Order(StringComparer.Ordinal),
            ExportTests.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3))).Skip(1).Select(r => r[3]).Order(StringComparer.Ordinal));
        var themes = ExportTests.Worksheet(workbook, "Themes").Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().ElementAt(3)).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), themes.Select(c => ExportTests.CellText(workbook, c)).Order(StringComparer.Ordinal));
        var codebook = ExportTests.Worksheet(workbook, "Themes codebook").Descendants<Row>().Select(r => r.Elements<Cell>().ElementAt(1))
            .Where(c => names.Contains(ExportTests.CellText(workbook, c))).ToList();
        Assert.Equal(names.Length, codebook.Count);
        Assert.All(themes.Concat(codebook), cell => ExportTests.AssertExactTextCell(workbook, cell, ExportTests.CellText(workbook, cell), formattedAsText: true));
    }

    [Fact]
    public async Task ThemesCsv_TakesTheResultsFilters()
    {
        await using var portal = new PortalFactory();
        var younger = await portal.SendAsync(Journey.Empty().Answer(3, "no", "one").AboutYou("11-to-13", "young-person"));
        var older = await portal.SendAsync(Journey.Empty().Answer(3, "yes", "two").AboutYou("14-to-16", "young-person"));
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await portal.TagAsync(younger, 3, other);
        await portal.TagAsync(older, 3, other);
        using var analyst = await portal.SignedInStaffAsync();

        var csv = await analyst.Client.GetByteArrayAsync(new Uri("/staff/downloads/themes.csv?Age=14-to-16", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([Header, [older, "Q3", "Yes", "Other"]], ExportTests.ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3))));
        using var bad = await analyst.Client.GetAsync(new Uri("/staff/downloads/themes.csv?Age=nobody", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
