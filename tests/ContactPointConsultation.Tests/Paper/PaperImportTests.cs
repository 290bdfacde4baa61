using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Retention;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>
/// A spreadsheet of responses a group collected offline: checked whole, every problem by line and column and
/// nothing stored if there is any, then imported in one go as entered responses of one batch, once.
/// </summary>
public sealed class PaperImportTests
{
    /// <summary>A body of zeros as long as asked, made as it is read.</summary>
    private sealed class Zeros(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, read);
            Position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static readonly ResponseSheet Sheet = new ResponseSheet()
        .With(("Q2 answer", "Yes"), ("Q2 comments", "we talked about it in class"), ("Age group", "11 to 13"))
        .With(("Q3 answer", "not sure"), ("Q12 comments", "Thank you for asking us"), ("Date received", "2026-10-20"))
        .With(("Q7 answer", "NO"), ("Answering as", "A group of young people, for example a class or youth council"), ("Wording version", "1"), ("Channel", "Paper"), ("Batch", "riverside  youth council"));

    [Fact]
    public async Task Upload_AFileInTheDownloadsColumns_IsCheckedFirst_StoringNoResponse_ThenImportStoresEachLineInTheBatch()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        using var analyst = await portal.SignedInStaffAsync();

        await Sheet.UploadAsync(analyst);

        Assert.Matches("^/staff/paper/import/[0-9]+$", analyst.Path);
        Assert.Equal("Check the file before you import it", analyst.Text("h1"));
        Assert.Equal("Import 3 responses", analyst.Text("main form button"));
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));

        await analyst.SubmitAsync();

        Assert.Equal("3 responses imported", analyst.Text("h1"));
        var responses = await portal.QueryAsync(db => db.Responses.Include(r => r.Answers).OrderBy(r => r.ImportLine).ToListAsync());
        Assert.Equal([2, 3, 4], responses.Select(r => r.ImportLine));
        Assert.All(responses, r =>
        {
            Assert.Equal(ResponseChannel.Paper, r.Channel);
            Assert.Equal("Riverside Youth Council", r.Batch);
            Assert.StartsWith("analyst-", r.EnteredBy, StringComparison.Ordinal);
            Assert.NotNull(r.PaperImportId);
            Assert.NotNull(r.EntryDigest);
            Assert.Null(r.ScreenedAt);
        });
        Assert.Equal([new DateOnly(2026, 10, 14), new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 14)], responses.Select(r => r.ReceivedOn!.Value));
        Assert.Equal((AgeGroup.From11To13, Choice.Yes, "we talked about it in class"), (responses[0].AgeGroup!.Value, responses[0].Answers.Single().Choice!.Value, responses[0].Answers.Single().Comments!));
        Assert.Equal([(3, Choice.NotSure, null), (12, (Choice?)null, "Thank you for asking us")], responses[1].Answers.OrderBy(a => a.QuestionNumber).Select(a => (a.QuestionNumber, a.Choice, a.Comments)));
        Assert.Equal((AnsweringAs.GroupOfYoungPeople, Choice.No), (responses[2].AnsweringAs!.Value, responses[2].Answers.Single().Choice!.Value));

        // The held file is gone; the import's record stays, with one audit row for the file.
        var import = await portal.QueryAsync(db => db.PaperImports.SingleAsync());
        Assert.Equal((PaperImportStatus.Imported, 3, "riverside.csv"), (import.Status, import.Rows, import.FileName));
        Assert.Equal(0, await portal.QueryAsync(db => db.PaperImportChunks.CountAsync()));
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponsesImported));
        Assert.Equal(("riverside.csv", 3), (audit.Target, JsonDocument.Parse(audit.Details!).RootElement.GetProperty("Responses").GetInt32()));

        // Each response says where it came from.
        await analyst.GetAsync($"/staff/responses/{responses[1].Reference}");
        Assert.Equal("riverside.csv, line 3", analyst.Page.QuerySelectorAll("dt").Single(d => d.TextContent.Trim() == "From the spreadsheet").NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task Import_ScreensEveryResponse_AndALeadSeesTheBatchOfAFlaggedOne()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        using var analyst = await portal.SignedInStaffAsync();

        await Sheet.With(("Q5 answer", "No"), ("Q5 comments", "my step dad hits me when mum is out")).ImportAsync(analyst);
        await portal.ScreenSentResponsesAsync();

        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync(r => r.ScreenedAt == null)));
        var item = await portal.QueryAsync(db => db.SafeguardingItems.Join(db.Responses, i => i.ResponseId, r => r.Id, (i, r) => new { i.QuestionNumber, r.Batch }).SingleAsync());
        Assert.Equal((5, "Riverside Youth Council"), (item.QuestionNumber, item.Batch!));
    }

    [Fact]
    public async Task Upload_WithProblems_ListsEachByLineAndColumn_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var sheet = new ResponseSheet()
            .With(("Q2 answer", "Yes"))
            .With(("Q2 answer", "Maybe"), ("Reference", "FXK29QP"))
            .With(("Q4 comments", new string('a', 5001)), ("Date received", "31/02/2026"))
            .With(("Q6 answer", "No"), ("Channel", "Email"), ("Batch", "Hillside Academy"))
            .With(("Age group", "14"), ("Wording version", "9"))
            .With(("Submitted at", "2026-10-01T10:00:00Z"));

        await sheet.UploadAsync(analyst);

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal("/staff/paper/import", analyst.Path);
        Assert.Equal(["The file has 11 problems, listed below. Nothing was imported. Fix them and upload the file again"], analyst.ErrorSummary);
        Assert.Equal(
            [
                ["3", "1 (Reference)", "Leave the reference blank: the portal gives each imported response its own"],
                ["3", "6 (Q2 answer)", "“Maybe” is not an answer. Use Yes, No, Not sure, or leave it blank"],
                ["4", "11 (Q4 comments)", "The comments must be 5,000 characters or less. These have 5,001"],
                ["4", "28 (Date received)", "“31/02/2026” is not a real date. Write it like 2026-12-01 or 1/12/2026, or leave it blank for 14 October 2026"],
                ["5", "27 (Channel)", "This file is being imported as Paper responses, but this line says “Email”. Leave it blank, or make it Paper"],
                ["5", "29 (Batch)", "This file is being imported in the batch “Riverside Youth Council”, but this line says “Hillside Academy”. Leave it blank, or import that batch as a file of its own"],
                ["6", "3 (Wording version)", "“9” is not a published wording version. Use 1, or leave it blank for version 1"],
                ["6", "4 (Age group)", "“14” is not an age group. Use Under 11, 11 to 13, 14 to 16, 17 or 18, Over 18, Prefer not to say, or leave it blank"],
                ["6", "", "This line has no answers or comments. Delete the line, or fill it in"],
                ["7", "2 (Submitted at)", "Leave “Submitted at” blank: the portal records when each response is imported"],
                ["7", "", "This line has no answers or comments. Delete the line, or fill it in"],
            ],
            analyst.Page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray());
        Assert.Equal("riverside youth council", analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#batch")!.Value.ToLowerInvariant());
        Assert.Equal((0, 0), (await portal.QueryAsync(db => db.Responses.CountAsync()), await portal.QueryAsync(db => db.PaperImports.CountAsync())));
    }

    [Fact]
    public async Task Upload_ALineWithNothingAnswered_OrTheWrongNumberOfCells_IsAProblem_ButAnEmptySpreadsheetRowIsSkipped()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var file = Encoding.UTF8.GetString(new ResponseSheet().With(("Q2 answer", "Yes")).With(("Age group", "11 to 13")).Bytes())
            + new string(',', ResponseExport.Columns.Count - 1) + "\r\n"
            + "only,three,cells\r\n";

        await new ResponseSheet().UploadAsync(analyst, Encoding.UTF8.GetBytes(file));

        Assert.Equal(
            [
                ["3", "", "This line has no answers or comments. Delete the line, or fill it in"],
                ["5", "", $"This line has 3 cells but needs {ResponseExport.Columns.Count}, one for each column"],
            ],
            analyst.Page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray());
    }

    [Theory]
    [InlineData("Reference,Submitted at\r\n", "The first line must be the column names of the responses download, in the same order, but column 3 is missing and should be “Wording version”. Start from the blank spreadsheet on this page")]
    [InlineData("\r\n", "The file is empty. The first line must be the column names of the responses download")]
    public async Task Upload_WithoutTheDownloadsColumnNames_SaysWhatIsWrong(string file, string problem)
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await new ResponseSheet().UploadAsync(analyst, Encoding.UTF8.GetBytes(file));

        Assert.Equal(problem, analyst.Page.QuerySelectorAll("#problems tbody td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task Upload_BytesThatAreNotUtf8_AreNamedByLineAndColumn()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var bytes = new ResponseSheet().With(("Q2 answer", "Yes")).With(("Q2 comments", "caf")).Bytes().ToList();
        bytes.InsertRange(bytes.LastIndexOf((byte)'f') + 1, [0xE9]);

        await new ResponseSheet().UploadAsync(analyst, [.. bytes]);

        Assert.Equal(["3", "7 (Q2 comments)", "The file is not saved as UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again"],
            analyst.Page.QuerySelectorAll("#problems tbody td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Upload_FieldsLeftOutOrWrong_ShowEachError_AndKeepWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/paper/import");
        await analyst.UploadAsync("File", "riverside.xlsx", [1, 2, 3], new Dictionary<string, string?>
        {
            ["ReceivedDay"] = "14",
            ["ReceivedMonth"] = "10",
            ["ReceivedYear"] = "2099",
            ["Batch"] = new string('b', 101),
            ["Version"] = "1",
        });

        Assert.Equal(
            ["The selected file must be a CSV", "Select how the response arrived", "The date received must be today or in the past", "The batch must be 100 characters or less"],
            analyst.ErrorSummary);
        Assert.Equal(new string('b', 101), analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#batch")!.Value);
        Assert.Equal("2099", analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#received-year")!.Value);

        await analyst.UploadAsync("File", "riverside.csv", [], new Dictionary<string, string?> { ["Channel"] = "paper", ["Version"] = "1" });

        Assert.Equal(["The selected file is empty", "Enter the date received", "Enter the batch, such as the school or group the file came from"], analyst.ErrorSummary);
        Assert.Equal(0, await portal.QueryAsync(db => db.PaperImports.CountAsync()));
    }

    [Fact]
    public async Task Upload_MoreThanTheMostLines_OrALargerFile_SaysTheLimit_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await new ResponseSheet().WithMany(PaperLimits.ImportMaxRows + 1, n => [("Q2 answer", "Yes"), ("Q2 comments", $"Line {n}")]).UploadAsync(analyst);

        Assert.Equal(["10002", "", "The file has more than 10,000 responses. Split it into files of 10,000 or fewer"],
            analyst.Page.QuerySelectorAll("#problems tbody td").Select(c => c.TextContent.Trim()));

        var large = new byte[PaperLimits.ImportMaxBytes + 1];
        await new ResponseSheet().UploadAsync(analyst, large);

        Assert.Equal(["The selected file must be smaller than 50 MB"], analyst.ErrorSummary);
        Assert.Equal((0, 0), (await portal.QueryAsync(db => db.Responses.CountAsync()), await portal.QueryAsync(db => db.PaperImports.CountAsync())));
    }

    [Fact]
    public async Task Upload_ABodyTooLargeToRead_IsRefusedBeforeItIsRead_WithTheFilesErrorOnTheUploadPage_AndOtherFormsKeepTheirOwnLimit()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        using var twoMegabytes = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        twoMegabytes.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var paper = await analyst.Client.PostAsync(new Uri("/staff/paper", UriKind.Relative), twoMegabytes, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, paper.StatusCode);

        using var huge = new StreamContent(new Zeros(Web.Infrastructure.MalformedRequests.MaxAnyRequestBodyBytes + 1));
        huge.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var import = await analyst.Client.PostAsync(new Uri("/staff/paper/import", UriKind.Relative), huge, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "/staff/paper/import?too-large=true"), (import.StatusCode, import.RequestMessage!.RequestUri!.PathAndQuery));
        Assert.Contains("The selected file must be smaller than 50 MB", await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ACommentWithLineBreaks_IsOneLine_AsASpreadsheetNumbersItsRows()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await new ResponseSheet().With(("Q2 comments", "one\ntwo\r\nthree")).With(("Q2 answer", "Maybe")).UploadAsync(analyst);

        Assert.Equal("3", analyst.Text("#problems tbody td"));
    }

    [Fact]
    public async Task Upload_ALineOfAMillionCommas_IsOneLinesProblem()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var file = Encoding.UTF8.GetString(new ResponseSheet().With(("Q2 answer", "Yes")).Bytes()) + new string(',', 1_000_000) + "x\r\n";

        await new ResponseSheet().UploadAsync(analyst, Encoding.UTF8.GetBytes(file));

        Assert.Equal(["3", "", $"This line has more cells than the {ResponseExport.Columns.Count} columns. Put any commas inside a cell in quotes"],
            analyst.Page.QuerySelectorAll("#problems tbody td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Import_WhenTheRulesMovedAfterTheCheck_ListsTheProblems_KeepsWhatWasChosen_AndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Sheet.UploadAsync(analyst);

        // The version's opening day moves after the 14th, the day the lines were received.
        await portal.QueryAsync(db => db.ContentVersions.ExecuteUpdateAsync(v => v.SetProperty(x => x.OpensAt, new DateTime(2026, 10, 16, 0, 0, 0, DateTimeKind.Utc))));
        await analyst.SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["The file now has problems, listed below, so nothing was imported. Fix them and upload the file again"], analyst.ErrorSummary);
        Assert.Equal(["2", "4"], analyst.Page.QuerySelectorAll("#problems tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Equal("Riverside Youth Council", analyst.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#batch")!.Value);
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Import_FormulaLookingCells_AreStoredAsText_AndTheDownloadsApostropheIsTakenOff()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        await new ResponseSheet().With(("Q2 comments", "=HYPERLINK(\"http://example.com\",\"click\")"), ("Q3 comments", "'-minus first"), ("Q4 comments", "@everyone")).ImportAsync(analyst);

        Assert.Equal(
            [(2, "=HYPERLINK(\"http://example.com\",\"click\")"), (3, "-minus first"), (4, "@everyone")],
            await portal.QueryAsync(db => db.ResponseAnswers.OrderBy(a => a.QuestionNumber).Select(a => ValueTuple.Create(a.QuestionNumber, a.Comments!)).ToListAsync()));
    }

    [Fact]
    public async Task Upload_TheSameFileAfterItWasImported_SaysWhereItWent_AndStoresNothingMore()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Sheet.ImportAsync(analyst);

        await Sheet.UploadAsync(analyst);

        Assert.Equal("/staff/paper/import", analyst.Path);
        Assert.Matches("^This file was imported on .* by analyst-[0-9a-f]+@example.gov.uk: 3 responses in the batch “Riverside Youth Council”. Nothing was imported again$", Assert.Single(analyst.ErrorSummary));
        Assert.Equal(3, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task Import_PostedTwice_StoresTheFileOnce_AndTheSecondSeesWhatTheFirstStored()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Sheet.UploadAsync(analyst);
        var check = analyst.Path;
        var form = analyst.HiddenFields();

        await Task.WhenAll(analyst.PostAsync(check, form), analyst.PostAsync(check, form));
        await analyst.PostAsync(check, form);

        Assert.Equal("3 responses imported", analyst.Text("h1"));
        Assert.Equal(3, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ResponsesImported)));
    }

    [Fact]
    public async Task Import_TwoAnalystsWithTheSameFileAtTheSameMoment_StoreItOnce()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync();
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await Sheet.UploadAsync(first);
        await Sheet.UploadAsync(second);
        Assert.NotEqual(first.Path, second.Path);

        await Task.WhenAll(first.SubmitAsync(), second.SubmitAsync());

        Assert.Equal(3, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal("3 responses imported", first.Text("h1"));
        Assert.Equal("3 responses imported", second.Text("h1"));
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.PaperImports.CountAsync(i => i.Status == PaperImportStatus.Imported)));
    }

    [Fact]
    public async Task Import_LinesThatLookLikeOnesEntered_AreListed_AndStoredOnlyWithAReason()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await new PaperForm(Journey.Empty().Answer(2, "yes")) { Batch = "Riverside Youth Council" }.SaveAsync(analyst);
        var entered = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());
        var sheet = new ResponseSheet()
            .With(("Q2 answer", "Yes"))
            .With(("Q3 answer", "No"))
            .With(("Q3 answer", "no"));

        await sheet.UploadAsync(analyst);

        Assert.Equal(
            [["2", $"Response {entered} (opens in new tab)"], ["4", "Line 3 of this file"]],
            analyst.Page.QuerySelectorAll("#lookalikes tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray());

        await analyst.SubmitAsync();

        Assert.Equal(["Say why these are different responses, or upload the file again without them"], analyst.ErrorSummary);
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["DuplicateReason"] = "Different children ticked the same box" });

        Assert.Equal("3 responses imported", analyst.Text("h1"));
        Assert.Equal(
            [(2, "Different children ticked the same box"), (3, null), (4, "Different children ticked the same box")],
            await portal.QueryAsync(db => db.Responses.Where(r => r.ImportLine != null).OrderBy(r => r.ImportLine).Select(r => ValueTuple.Create(r.ImportLine!.Value, r.DuplicateReason)).ToListAsync()));
    }

    [Fact]
    public async Task Import_WhenALineCameToLookLikeOneEnteredAfterTheCheck_StoresNothing_AndListsIt()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Sheet.UploadAsync(analyst);
        var check = analyst.Path;

        // Someone types in the first line's form between the check and the import.
        await new PaperForm(Journey.Empty().Answer(2, "yes", "we talked about it in class").AboutYou("11-to-13", null)) { Batch = "Riverside Youth Council" }.SaveAsync(analyst);
        await analyst.GetAsync(check);
        await analyst.SubmitAsync();

        Assert.Equal(check, analyst.Path);
        Assert.Equal(["More lines now look like responses already entered. Check them, and say why they are different responses"], analyst.ErrorSummary);
        Assert.Equal("2", analyst.Page.QuerySelector("#lookalikes tbody td")!.TextContent.Trim());
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task ACheckedFileNotImported_IsDeletedByTheRetentionSweepAfterADay()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        await Sheet.UploadAsync(analyst);
        var check = analyst.Path;
        var old = long.Parse(check.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Sheet.With(("Q4 answer", "Yes")).UploadAsync(analyst);

        // The first was checked a day and an hour ago; the second just now.
        await portal.QueryAsync(db => db.PaperImports.Where(i => i.Id == old).ExecuteUpdateAsync(i => i.SetProperty(x => x.UploadedAt, x => x.UploadedAt.AddHours(-25))));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, result.UnimportedFilesDeleted);
        }

        Assert.Equal((false, false), (await portal.QueryAsync(db => db.PaperImports.AnyAsync(i => i.Id == old)), await portal.QueryAsync(db => db.PaperImportChunks.AnyAsync(c => c.PaperImportId == old))));
        Assert.True(await portal.QueryAsync(db => db.PaperImportChunks.AnyAsync()));
        await analyst.GetAsync(check);
        Assert.Equal((HttpStatusCode.NotFound, "This file is no longer held"), (analyst.Status, analyst.Text("h1")));
    }

    [Fact]
    public async Task Template_HasTheResponsesDownloadsColumns_AndNoRows()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();

        using var response = await analyst.Client.GetAsync(new Uri("/staff/paper/import/responses-template.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(string.Join(",", ResponseExport.Columns.Select(c => $"\"{c}\"")), text.Trim('\uFEFF').TrimEnd());
    }
}
