using System.Text;
using ContactPointConsultation.Core.Analysis;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>Reading an uploaded codebook: strict, all or nothing, and every problem named by line and column.</summary>
public sealed class CodebookCsvTests
{
    private const string Header = "question,theme,description,include,exclude,example\r\n";

    [Fact]
    public async Task Read_AFileAsASpreadsheetSavesIt_GivesEveryRow_NumberedAsItsRows()
    {
        var file = await Read("\uFEFF" + Header
            + "Q3,Worried about privacy,\"Who can see it, and why\",,,\r\n"
            + "4,\"Says \"\"no\"\" to it\",\"Two\r\nlines\",,,'=looks like a formula\r\n"
            + "\r\n"
            + "q12,Other ideas,,,,\r\n");

        Assert.Empty(file.Problems);
        Assert.Equal(
            [
                new CodebookRow(2, 3, new ThemeText("Worried about privacy", "Who can see it, and why", "", "", "")),
                new CodebookRow(3, 4, new ThemeText("Says \"no\" to it", "Two\r\nlines", "", "", "=looks like a formula")),
                new CodebookRow(5, 12, new ThemeText("Other ideas", "", "", "", "")),
            ],
            file.Rows);
    }

    [Fact]
    public async Task Read_AWrongHeader_NamesTheColumn_AndGivesNoRows()
    {
        var file = await Read("question,theme,descr,include,exclude,example\r\nQ3,Privacy,,,,\r\n");

        Assert.Empty(file.Rows);
        Assert.Equal(["Line 1, column 3 (description): the first line must be the column names question, theme, description, include, exclude, example, in that order, but column 3 is “descr”"], Messages(file));
    }

    [Fact]
    public async Task Read_EveryProblemInTheRows_IsListedByLineAndColumn_AndNoRowIsGiven()
    {
        var file = await Read(Header
            + "Q3,Privacy,,,,\r\n"
            + "Q13,Too far,,,,\r\n"
            + "Q3, privacy ,,,,\r\n"
            + "Q4,=HYPERLINK(\"http://x\"),,,,\r\n"
            + "Q4,,,,,\r\n"
            + "Q4,Short line\r\n"
            + $"Q5,Long,{new string('d', AnalysisLimits.ThemeTextMaxLength + 1)},,,\r\n");

        Assert.Empty(file.Rows);
        Assert.Equal(
            [
                "Line 3, column 1 (question): “Q13” is not a question of this consultation. Use Q2 to Q12",
                "Line 4, column 2 (theme): Q3 already has the theme “privacy” on line 2. Each theme can only be in the file once",
                "Line 5, column 2 (theme): the cell starts with a character a spreadsheet could run as a formula (= + - @, a tab or a new line). Remove it, or put an apostrophe (') before it",
                "Line 6, column 2 (theme): enter the theme’s name",
                "Line 7, column 3 (description): this line has 2 cells but needs 6: question, theme, description, include, exclude, example",
                "Line 8, column 3 (description): the description must be 1,000 characters or less",
            ],
            Messages(file));
    }

    [Fact]
    public async Task Read_BytesThatAreNotUtf8_AreNamedByLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "Q3,Privacy,fine,,,\r\nQ4,\"Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\",bad,,,\r\n")).ToArray();

        var file = await CodebookCsv.ReadAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

        Assert.Empty(file.Rows);
        Assert.Equal(["Line 3, column 2 (theme): the file is not saved as UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again"], Messages(file));
    }

    [Fact]
    public async Task Read_AQuoteThatNeverCloses_IsAProblem()
    {
        var file = await Read(Header + "Q3,\"Privacy,,,,\r\n");

        Assert.Equal(["Line 2, column 2 (theme): a quote (\") opens this cell but nothing closes it"], Messages(file));
    }

    [Fact]
    public async Task Read_AnEmptyFile_OrOnlyTheHeader_SaysWhatIsMissing()
    {
        Assert.Equal(["Line 1: the file is empty. The first line must be the column names: question, theme, description, include, exclude, example"], Messages(await Read("")));
        Assert.Equal(["Line 2: the file has no themes in it. Add a line for each theme under the column names"], Messages(await Read(Header)));
    }

    [Fact]
    public async Task Cells_OfATheme_ReadBackAsTheSameTheme()
    {
        var theme = new Theme { QuestionNumber = 7, Name = "-minus first", Description = "a, b and \"c\"", IncludeWhen = "@mention", ExcludeWhen = "", Example = "line one\nline two" };
        var csv = new StringBuilder(Header);
        csv.AppendJoin(',', CodebookCsv.Cells(theme).Select(c => "\"" + Core.Exports.SpreadsheetText.EscapeFormula(c).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append("\r\n");

        var file = await Read(csv.ToString());

        Assert.Empty(file.Problems);
        Assert.Equal(new ThemeText(theme.Name, theme.Description, theme.IncludeWhen, theme.ExcludeWhen, theme.Example), Assert.Single(file.Rows).Text);
    }

    private static async Task<CodebookFile> Read(string text) => await CodebookCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken);

    private static List<string> Messages(CodebookFile file) => [.. file.Problems.Select(p => p.ToString())];
}
