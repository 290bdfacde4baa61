using System.Net;
using System.Text.Json;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>Correcting a response typed in from paper: by whom, until when, what is kept of what it said before, and what it changes in the counts.</summary>
public sealed class PaperCorrectionTests
{
    private const string Disclosure = "my step dad hits me when mum is out";

    private static readonly PaperForm Typed = new(Journey.Empty().Answer(2, "yes", "i dont no what it is for").Answer(7, "no", "Too long").AboutYou("11-to-13", "none"));

    [Fact]
    public async Task Correct_ByThePersonWhoEnteredIt_ChangesTheResponse_KeepsWhatItSaidBefore_AndAuditsTheFieldsButNotTheWords()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, analyst, Typed);

        await analyst.GetAsync(StaffLinks(reference));
        await analyst.GetAsync(analyst.Page.QuerySelector("main a[href$='/correct']")!.GetAttribute("href")!);
        Assert.Equal($"Correct response {reference}", analyst.Text("h1"));
        Assert.Equal("i dont no what it is for", analyst.Page.QuerySelector("textarea[name='Comments[2]']")!.TextContent);
        Assert.NotNull(analyst.Page.QuerySelector("input[name='Choice[7]'][value=no][checked]"));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string>
        {
            ["Batch"] = "St Mary’s Primary, Year 5",
            ["Comments[2]"] = "i dont no what it is for really",
            ["Choice[7]"] = "not-sure",
        });

        Assert.Equal(StaffLinks(reference), analyst.Path);
        Assert.Equal("Response corrected", analyst.Text(".govuk-notification-banner__heading"));
        var response = await portal.QueryAsync(db => db.Responses.Include(r => r.Answers).SingleAsync());
        Assert.Equal("St Mary’s Primary, Year 5", response.Batch);
        Assert.Equal(
            [(2, (Choice?)Choice.Yes, "i dont no what it is for really"), (7, Choice.NotSure, "Too long")],
            response.Answers.OrderBy(a => a.QuestionNumber).Select(a => (a.QuestionNumber, a.Choice, a.Comments!)));

        var revision = await portal.QueryAsync(db => db.ResponseRevisions.SingleAsync());
        Assert.Equal("i dont no what it is for", EnteredValues.FromJson(revision.Before).Answer(2)!.Comments);
        Assert.Equal(response.EnteredBy, revision.RevisedBy);
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponseCorrected));
        Assert.Equal((reference, response.EnteredBy), (audit.Target, audit.Actor));
        Assert.DoesNotContain("dont no", audit.Details, StringComparison.Ordinal);
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(
            [("Batch", "St Mary’s Primary, Year 6", "St Mary’s Primary, Year 5"), ("Question 2 comments", null, null), ("Question 7 tick", "No", "Not sure")],
            details.RootElement.GetProperty("Changes").EnumerateArray().Select(c => (c.GetProperty("Field").GetString()!, c.GetProperty("Before").GetString(), c.GetProperty("After").GetString())));

        // The response page shows each change, the words with them, to those who may read the comment.
        await portal.ScreenSentResponsesAsync();
        await analyst.GetAsync(StaffLinks(reference));
        var rows = analyst.Page.QuerySelectorAll("main table.govuk-table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
            ["Batch | St Mary’s Primary, Year 6 | St Mary’s Primary, Year 5", "Question 2 comments | i dont no what it is for | i dont no what it is for really", "Question 7 tick | No | Not sure"],
            rows);
    }

    [Fact]
    public async Task Correct_ByAnotherAnalyst_IsRefusedWithTheReason_AndChangesNothing()
    {
        await using var portal = new PortalFactory();
        using var enterer = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, enterer, Typed);
        using var other = await portal.SignedInStaffAsync();

        await other.GetAsync(StaffLinks(reference));
        Assert.Null(other.Page.QuerySelector("main a[href$='/correct']"));
        await other.GetAsync(Correct(reference));
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("You cannot correct this response", other.Text("h1"));
        Assert.Contains("Only the person who entered it", other.Text("main"), StringComparison.Ordinal);
        await other.GetAsync("/staff/paper");
        await other.PostAsync(Correct(reference), [new("__RequestVerificationToken", other.AntiforgeryToken), .. Fields(Typed with { Batch = "Changed by someone else" })]);

        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("St Mary’s Primary, Year 6", await portal.QueryAsync(db => db.Responses.Select(r => r.Batch).SingleAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Correct_ByAnAdmin_CorrectsAnyonesEntry()
    {
        await using var portal = new PortalFactory();
        using var enterer = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, enterer, Typed);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.GetAsync(Correct(reference));
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Channel"] = "email" });

        Assert.Equal(StaffLinks(reference), admin.Path);
        Assert.Equal(ResponseChannel.Email, await portal.QueryAsync(db => db.Responses.Select(r => r.Channel).SingleAsync()));
        Assert.StartsWith("admin-", await portal.QueryAsync(db => db.ResponseRevisions.Select(r => r.RevisedBy).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_AnOnlineResponse_IsNotFound_AndItStaysAsSent()
    {
        await using var portal = new PortalFactory();
        using var respondent = portal.CreateRespondent();
        var online = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", "As I sent it"));
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.GetAsync(StaffLinks(online));
        Assert.Null(admin.Page.QuerySelector("main a[href$='/correct']"));
        await admin.GetAsync(Correct(online));

        Assert.Equal(HttpStatusCode.NotFound, admin.Status);
    }

    [Fact]
    public async Task Correct_AfterTheConsultationCloses_IsRefusedWithTheReason()
    {
        // Paper posted in time can still be entered after the close; nothing can be corrected after it.
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2021-01-01T00:00:00Z" });
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var reference = await EnterAsync(portal, admin, Typed);
        Assert.Equal($"/staff/paper/entered/{reference}", admin.Path);

        await admin.GetAsync(Correct(reference));

        Assert.Equal(HttpStatusCode.Forbidden, admin.Status);
        Assert.Contains("The consultation has closed", admin.Text("main"), StringComparison.Ordinal);
        await admin.GetAsync(StaffLinks(reference));
        Assert.Null(admin.Page.QuerySelector("main a[href$='/correct']"));
    }

    [Fact]
    public async Task Correct_WithACommentTooLong_ShowsTheErrorAndKeepsWhatWasTyped_AndChangesNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, analyst, Typed);
        var tooLong = new string('a', ConsultationLimits.CommentMaxLength + 1);

        await analyst.GetAsync(Correct(reference));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Comments[7]"] = tooLong, ["Batch"] = "Kept as typed" });

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        Assert.Equal(["The comments on question 7 must be 5,000 characters or less. You have typed 5,001"], analyst.ErrorSummary);
        Assert.Equal(tooLong, analyst.Page.QuerySelector("textarea[name='Comments[7]']")!.TextContent);
        Assert.Equal("Kept as typed", analyst.Page.QuerySelector("input[name=Batch]")!.GetAttribute("value"));
        Assert.Equal("Too long", await portal.QueryAsync(db => db.ResponseAnswers.Where(a => a.QuestionNumber == 7).Select(a => a.Comments).SingleAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseRevisions.CountAsync()));
    }

    [Fact]
    public async Task Correct_ATick_MovesTheResponseInTheResults_OnceItIsScreenedAgain()
    {
        // The screen waits for the test, so the corrected response is seen unscreened before it is screened again.
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Safeguarding:ScreenGatherMilliseconds"] = "600000" });
        using var analyst = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, analyst, Typed);
        Assert.Equal((0, 1), await Q7Async(portal));

        await analyst.GetAsync(Correct(reference));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Choice[7]"] = "yes" });

        Assert.Equal((1, 0), await Q7Async(portal));
        Assert.Null(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        await portal.ScreenSentResponsesAsync();
        Assert.Equal((1, 0), await Q7Async(portal));
        Assert.Equal(
            [("No", 0), ("Yes", 1)],
            (await portal.QueryAsync(db => db.ResultTallies.Where(t => t.QuestionNumber == 7).ToListAsync()))
                .GroupBy(t => t.Choice).Select(g => (g.Key, g.Sum(t => t.Count))).OrderBy(t => t.Key));
    }

    [Fact]
    public async Task Correct_AResponseWithACommentWithheldForReview_NeitherShowsNorChangesThatComment()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var reference = await EnterAsync(portal, analyst, new PaperForm(Journey.Empty().Answer(3, "no", Disclosure).Answer(4, "yes", "Fine")));

        await analyst.GetAsync(Correct(reference));
        Assert.DoesNotContain(Disclosure, analyst.Html, StringComparison.Ordinal);
        Assert.Null(analyst.Page.QuerySelector("textarea[name='Comments[3]']"));
        Assert.Contains("Withheld for safeguarding review", analyst.Text("main"), StringComparison.Ordinal);
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Choice[3]"] = "not-sure", ["Comments[3]"] = "Overwritten" });

        Assert.Equal(StaffLinks(reference), analyst.Path);
        Assert.Equal((Choice.NotSure, Disclosure), await portal.QueryAsync(db => db.ResponseAnswers.Where(a => a.QuestionNumber == 3).Select(a => new ValueTuple<Choice, string>(a.Choice!.Value, a.Comments!)).SingleAsync()));
        Assert.DoesNotContain(Disclosure, analyst.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_ToSayTheSameAsAnotherInItsBatch_WarnsWithItsReference_AndChangesNothing()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var first = await EnterAsync(portal, analyst, Typed);
        var second = await EnterAsync(portal, analyst, Typed with { Answers = Journey.Empty().Answer(2, "yes", "i dont no what it is for").Answer(7, "yes", "Too long").AboutYou("11-to-13", "none") });

        await analyst.GetAsync(Correct(second));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["Choice[7]"] = "no" });

        Assert.Equal([$"This looks like one you have already entered: {first}"], analyst.ErrorSummary);
        Assert.Equal(Choice.Yes, await portal.QueryAsync(db => db.ResponseAnswers.Where(a => a.QuestionNumber == 7 && db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == second)).Select(a => a.Choice!.Value).SingleAsync()));
        await analyst.SubmitKeepingAsync(new Dictionary<string, string> { ["DuplicateReason"] = "Twins in the same class" });
        Assert.Equal(StaffLinks(second), analyst.Path);
        Assert.Equal("Twins in the same class", await portal.QueryAsync(db => db.Responses.Where(r => r.Reference == second).Select(r => r.DuplicateReason).SingleAsync()));
    }

    /// <summary>Enters the form, lets the screen read it, and returns its reference.</summary>
    private static async Task<string> EnterAsync(PortalFactory portal, Respondent staff, PaperForm form)
    {
        await form.SaveAsync(staff);
        await portal.ScreenSentResponsesAsync();
        return staff.Path.Split('/')[^1];
    }

    private static async Task<(int Yes, int No)> Q7Async(PortalFactory portal)
    {
        var results = await portal.QueryAsync(db => new ResultsQuery(db).GetAsync(ResponseFilter.None, [7]));
        return (results.Questions[0].Yes, results.Questions[0].No);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(PaperForm form) =>
        form.Fields().Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!));

    private static string StaffLinks(string reference) => $"/staff/responses/{reference}";

    private static string Correct(string reference) => $"/staff/paper/{reference}/correct";
}
