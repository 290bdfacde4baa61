using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>The codebook in and out: CSV both ways, and out as a REFI-QDA codebook that the standard's schema accepts.</summary>
public sealed class CodebookFileTests
{
    private static readonly XNamespace Qdc = RefiQdaCodebook.Namespace;

    [Fact]
    public async Task Upload_AddsNewThemes_ChangesThoseItNames_AndLeavesTheRest_AllAudited()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy);
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy.With(("Name", "Left alone")));

        await UploadAsync(analyst,
            "question,theme,description,include,exclude,example\r\n"
            + "Q5,worried about PRIVACY,Rewritten,,,\r\n"
            + "Q6,Fair to everyone,New one,,,\r\n"
            + "Q6,No reason given,Short answers,,,\r\n");

        Assert.Equal("/staff/analysis", analyst.Path);
        Assert.Equal("Codebook imported: 1 theme added, 2 changed", analyst.Text(".govuk-notification-banner__heading"));
        var themes = await portal.QueryAsync(db => db.Themes.Where(t => t.QuestionNumber == 5 || t.QuestionNumber == 6).OrderBy(t => t.Id).ToListAsync());
        Assert.Contains(themes, t => (t.QuestionNumber, t.Name, t.Description) == (5, "worried about PRIVACY", "Rewritten"));
        Assert.Contains(themes, t => (t.QuestionNumber, t.Name, t.Description) == (5, "Left alone", "Says who can see their details worries them"));
        Assert.Contains(themes, t => (t.QuestionNumber, t.Name, t.Description, t.Kind) == (6, "Fair to everyone", "New one", ThemeKind.Coded));
        Assert.Contains(themes, t => (t.QuestionNumber, t.Name, t.Description, t.Kind) == (6, "No reason given", "Short answers", ThemeKind.NoReasonGiven));
        Assert.Equal(
            [AuditActions.ThemeEdited, AuditActions.ThemeAdded, AuditActions.ThemeEdited, AuditActions.CodebookImported],
            await portal.QueryAsync(db => db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).Where(a => a.StartsWith("Theme") || a == AuditActions.CodebookImported).Skip(2).ToListAsync()));
    }

    [Fact]
    public async Task Upload_WithProblems_ListsEachByLineAndColumn_OnAnErrorPage_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var before = await portal.QueryAsync(db => db.Themes.CountAsync());

        await UploadAsync(analyst,
            "question,theme,description,include,exclude,example\r\n"
            + "Q6,Fine theme,,,,\r\n"
            + "Q1,Wrong question,,,,\r\n"
            + "Q6,+danger,,,,\r\n");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["The file has 2 problems, listed below. Nothing was imported. Fix them and upload the file again"], analyst.ErrorSummary);
        Assert.Equal("#file", analyst.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(
            [["3", "1 (question)", "“Q1” is not a question of this consultation. Use Q2 to Q12"], ["4", "2 (theme)", "The cell starts with a character a spreadsheet could run as a formula (= + - @, a tab or a new line). Remove it, or put an apostrophe (') before it"]],
            analyst.Page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray());
        Assert.Equal(before, await portal.QueryAsync(db => db.Themes.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.CodebookImported)));
    }

    [Fact]
    public async Task Upload_WithNoFileChosen_AsksForOne()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/analysis/codebook/import");

        await analyst.UploadAsync("File", "empty.csv", []);

        Assert.Equal(["Select a codebook CSV file"], analyst.ErrorSummary);
        Assert.Equal("Error: Select a codebook CSV file", analyst.Text("#file-error"));
    }

    [Fact]
    public async Task AMultipartBody_IsStillRefusedEverywhereButTheUpload()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy);
        await analyst.GetAsync("/staff/analysis/questions/5/themes/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(analyst.AntiforgeryToken), "__RequestVerificationToken" },
            { new StringContent("Sent as multipart"), "Name" },
        };

        using var response = await analyst.Client.PostAsync(new Uri("/staff/analysis/questions/5/themes/new", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await portal.QueryAsync(db => db.Themes.CountAsync(t => t.Kind == ThemeKind.Coded)));
    }

    [Fact]
    public async Task DownloadCsv_ThenUploadItUnchanged_ChangesNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy.With(("Name", "=SUM(1)"), ("Example", "-one\n-two")));

        using var response = await analyst.Client.GetAsync(new Uri("/staff/analysis/codebook.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var csv = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("\"Q5\",\"'=SUM(1)\",", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.Equal(23, (await CodebookCsv.ReadAsync(new MemoryStream(csv), TestContext.Current.CancellationToken)).Rows.Count);

        await UploadAsync(analyst, csv);

        Assert.Equal("Codebook imported: 0 themes added, 0 changed", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(("=SUM(1)", "-one\n-two"), await portal.QueryAsync(db => db.Themes.Where(t => t.Kind == ThemeKind.Coded).Select(t => ValueTuple.Create(t.Name, t.Example)).SingleAsync()));
    }

    [Fact]
    public async Task DownloadQdc_IsAValidRefiQdaCodebook_WithEachQuestionHoldingItsThemesInUse()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy.With(("Name", "Privacy & <safety>")));
        await CodebookTests.AddAsync(analyst, 5, CodebookTests.Privacy.With(("Name", "Retired one")));
        var retired = await portal.QueryAsync(db => db.Themes.SingleAsync(t => t.Name == "Retired one"));
        await analyst.GetAsync($"/staff/analysis/themes/{retired.Id}/retire");
        await analyst.SubmitAsync();

        var first = await DownloadQdcAsync(analyst);
        var second = await DownloadQdcAsync(analyst);

        var questions = first.Root!.Element(Qdc + "Codes")!.Elements(Qdc + "Code").ToList();
        Assert.Equal(11, questions.Count);
        Assert.All(questions, q => Assert.Equal("false", q.Attribute("isCodable")!.Value));
        var q5 = questions.Single(q => q.Attribute("name")!.Value.StartsWith("Q5 ", StringComparison.Ordinal));
        Assert.Equal(["Privacy & <safety>", "Other", "No reason given"], q5.Elements(Qdc + "Code").Select(c => c.Attribute("name")!.Value));
        Assert.StartsWith("Says who can see their details worries them", q5.Elements(Qdc + "Code").First().Element(Qdc + "Description")!.Value, StringComparison.Ordinal);
        Assert.Equal(Guids(first), Guids(second));
        Assert.Equal(AuditActions.CodebookDownloaded, await portal.QueryAsync(db => db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));
    }

    /// <summary>Downloads the .qdc file and checks it against the REFI-QDA codebook schema, failing on any error or warning.</summary>
    private static async Task<XDocument> DownloadQdcAsync(Respondent analyst)
    {
        using var response = await analyst.Client.GetAsync(new Uri("/staff/analysis/codebook.qdc", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("contactpoint-codebook.qdc", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var schemas = new XmlSchemaSet();
        schemas.Add(RefiQdaCodebook.Namespace, Path.Combine(AppContext.BaseDirectory, "Analysis", "Data", "Codebook.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception.LineNumber})");
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var document = XDocument.Load(reader);
        Assert.Empty(problems);
        return document;
    }

    private static List<string> Guids(XDocument document) => [.. document.Descendants(Qdc + "Code").Select(c => c.Attribute("guid")!.Value)];

    private static Task UploadAsync(Respondent analyst, string csv) => UploadAsync(analyst, Encoding.UTF8.GetBytes(csv));

    private static async Task UploadAsync(Respondent analyst, byte[] csv)
    {
        await analyst.GetAsync("/staff/analysis/codebook/import");
        await analyst.UploadAsync("File", "codebook.csv", csv);
    }
}
