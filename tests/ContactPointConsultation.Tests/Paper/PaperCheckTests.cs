using System.Net;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>A second person keys a share of entered responses again, blind, and decides which is right where the two differ.</summary>
public sealed class PaperCheckTests
{
    /// <summary>Q2 to Q11's ticks, Q2 to Q12's comments, and the two About you answers.</summary>
    private const int FieldsOfAResponse = 10 + 11 + 2;

    private static readonly Dictionary<string, string?> EveryEntryChecked = new() { ["Paper:VerifyPercent"] = "100" };

    private static readonly PaperForm Typed = new(Journey.Empty().Answer(2, "yes", "i dont no what it is for").Answer(7, "no", "Too long").AboutYou("11-to-13", "none"));

    [Theory]
    [InlineData("100", 5)]
    [InlineData("0", 0)]
    public async Task Enter_DrawsTheConfiguredShareForChecking(string percent, int queued)
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Paper:VerifyPercent"] = percent });
        using var analyst = await portal.SignedInStaffAsync();

        for (var i = 0; i < 5; i++)
        {
            await (Typed with { Batch = $"Batch {i}" }).SaveAsync(analyst);
        }

        Assert.Equal(queued, await portal.QueryAsync(db => db.PaperChecks.CountAsync(c => c.Status == PaperCheckStatus.Waiting && c.EnteredBy == db.Responses.Single(r => r.Id == c.ResponseId).EnteredBy)));
    }

    [Fact]
    public async Task Check_OfYourOwnEntry_IsRefused_AndTheQueueSendsYouNowhere()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        var id = await portal.QueryAsync(db => db.PaperChecks.Select(c => c.Id).SingleAsync());

        await enterer.GetAsync("/staff/paper/checks/next");
        Assert.Equal("/staff/paper/checks", enterer.Path);
        Assert.Contains("There are no responses for you to check", enterer.Text(".govuk-inset-text"), StringComparison.Ordinal);
        Assert.Contains("1 you entered are waiting for someone else", enterer.Text("main"), StringComparison.Ordinal);
        await enterer.GetAsync($"/staff/paper/checks/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, enterer.Status);
        Assert.Equal("You cannot check this response", enterer.Text("h1"));
        Assert.Null(enterer.Page.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Check_ShowsTheReferenceAndHowItArrived_ButNoneOfWhatWasEntered()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        var reference = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());
        using var checker = await portal.SignedInStaffAsync();

        await checker.GetAsync("/staff/paper/checks/next");

        Assert.Equal($"Check response {reference}", checker.Text("h1"));
        Assert.Contains("St Mary’s Primary, Year 6", checker.Text(".govuk-summary-list"), StringComparison.Ordinal);
        Assert.DoesNotContain("dont no", checker.Html, StringComparison.Ordinal);
        Assert.Empty(checker.Page.QuerySelectorAll("main input[type=radio][checked]"));
        Assert.Null(checker.Page.QuerySelector("input[name=Batch]"));
        Assert.Null(checker.Page.QuerySelector("input[name=Channel]"));
    }

    [Fact]
    public async Task Check_KeyedTheSame_Matches_AndCountsNoErrorsInTheRates()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        using var checker = await portal.SignedInStaffAsync();

        await checker.GetAsync("/staff/paper/checks/next");
        await checker.SubmitAsync(Typed.Fields());

        Assert.Equal("It matched", checker.Text(".govuk-panel__title"));
        var check = await portal.QueryAsync(db => db.PaperChecks.SingleAsync());
        Assert.Equal((PaperCheckStatus.Matched, FieldsOfAResponse, 0, 0), (check.Status, check.FieldsCompared, check.Differences, check.Errors));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseRevisions.CountAsync()));
        await checker.GetAsync("/staff/paper/checks");
        Assert.Equal([$"{check.EnteredBy} 1 0 23 0 0.0%", "Everyone 1 0 23 0 0.0%"], RateRows(checker));
    }

    [Fact]
    public async Task Check_KeyedDifferently_ShowsBothForEachDifference_AndWhereTheCheckIsRight_CorrectsTheResponse_AndCountsItAgainstTheEnterer()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        var reference = await portal.QueryAsync(db => db.Responses.Select(r => r.Reference).SingleAsync());
        using var checker = await portal.SignedInStaffAsync();
        var keyed = Typed.Fields();
        (keyed["Choice[7]"], keyed["Comments[2]"]) = ("yes", "i dont know what it is for");

        await checker.GetAsync("/staff/paper/checks/next");
        var check = checker.Path;
        await checker.SubmitAsync(keyed);

        Assert.Equal(check, checker.Path);
        Assert.Equal(["Question 2 comments", "Question 7 tick"], checker.Page.QuerySelectorAll("main form legend").Select(l => l.TextContent.Trim()));
        Assert.Equal(
            ["As entered: i dont no what it is for", "As you typed it: i dont know what it is for", "As entered: No", "As you typed it: Yes"],
            checker.Page.QuerySelectorAll("main form .govuk-radios__label").Select(l => l.TextContent.Trim()));
        await checker.SubmitAsync(new Dictionary<string, string?> { ["right[Q2:comments]"] = "entered", ["right[Q7:choice]"] = "checked" });

        Assert.Equal("Checked", checker.Text(".govuk-panel__title"));
        Assert.Equal("1 of 23 fields were entered wrongly, and have been corrected", checker.Text(".govuk-panel__body"));
        var answers = await portal.QueryAsync(db => db.ResponseAnswers.OrderBy(a => a.QuestionNumber).Select(a => new ValueTuple<int, Choice?, string?>(a.QuestionNumber, a.Choice, a.Comments)).ToListAsync());
        Assert.Equal([(2, Choice.Yes, "i dont no what it is for"), (7, Choice.Yes, "Too long")], answers);
        var decided = await portal.QueryAsync(db => db.PaperChecks.SingleAsync());
        Assert.Equal((PaperCheckStatus.Decided, 2, 1), (decided.Status, decided.Differences, decided.Errors));
        Assert.Equal(decided.CheckedBy, await portal.QueryAsync(db => db.ResponseRevisions.Select(r => r.RevisedBy).SingleAsync()));
        var audit = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.PaperCheckDecided));
        Assert.Equal((reference, decided.CheckedBy), (audit.Target, audit.Actor));
        Assert.Contains("\"Field\":\"Question 7 tick\",\"Right\":\"As checked\"", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("dont", audit.Details, StringComparison.Ordinal);
        await checker.GetAsync("/staff/paper/checks");
        Assert.Equal([$"{decided.EnteredBy} 1 1 23 1 4.3%", "Everyone 1 1 23 1 4.3%"], RateRows(checker));
    }

    [Fact]
    public async Task Check_OfACommentWithheldForReview_NeitherShowsNorComparesIt()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        var disclosing = new PaperForm(Journey.Empty().Answer(3, "no", "my step dad hits me when mum is out").Answer(4, "yes"));
        await disclosing.SaveAsync(enterer);
        await portal.ScreenSentResponsesAsync();
        using var checker = await portal.SignedInStaffAsync();

        await checker.GetAsync("/staff/paper/checks/next");
        Assert.Null(checker.Page.QuerySelector("textarea[name='Comments[3]']"));
        Assert.Contains("Withheld for safeguarding review", checker.Text("main"), StringComparison.Ordinal);
        await checker.SubmitAsync(new PaperForm(Journey.Empty().Answer(3, "no", "Something else").Answer(4, "yes")).Fields());

        Assert.Equal("It matched", checker.Text(".govuk-panel__title"));
        Assert.Equal(FieldsOfAResponse - 1, await portal.QueryAsync(db => db.PaperChecks.Select(c => c.FieldsCompared).SingleAsync()));
        Assert.Equal("my step dad hits me when mum is out", await portal.QueryAsync(db => db.ResponseAnswers.Where(a => a.QuestionNumber == 3).Select(a => a.Comments).SingleAsync()));
    }

    [Fact]
    public async Task Decide_WithoutAChoiceForEachDifference_ShowsAnErrorForEach_KeepsTheChoiceMade_AndChangesNothing()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        using var checker = await portal.SignedInStaffAsync();
        var keyed = Typed.Fields();
        (keyed["Choice[7]"], keyed["AgeGroup"]) = ("yes", "14-to-16");
        await checker.GetAsync("/staff/paper/checks/next");
        await checker.SubmitAsync(keyed);

        await checker.SubmitAsync(new Dictionary<string, string?> { ["right[AgeGroup]"] = "checked", ["right[Q7:choice]"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, checker.Status);
        Assert.Equal(["Select which is right for question 7 tick"], checker.ErrorSummary);
        Assert.Equal("#right-q7-choice", checker.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(checker.Page.QuerySelector("input[name='right[AgeGroup]'][value=checked][checked]"));
        Assert.Equal(PaperCheckStatus.Differs, await portal.QueryAsync(db => db.PaperChecks.Select(c => c.Status).SingleAsync()));
        Assert.Equal(AgeGroup.From11To13, await portal.QueryAsync(db => db.Responses.Select(r => r.AgeGroup!.Value).SingleAsync()));
    }

    [Fact]
    public async Task Key_ACheckSomeoneElseKeyedFirst_IsRefused_AndStoresNothingOfIt()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        using var first = await portal.SignedInStaffAsync();
        using var second = await portal.SignedInStaffAsync();
        await first.GetAsync("/staff/paper/checks/next");
        await second.GetAsync("/staff/paper/checks/next");
        var differently = Typed.Fields();
        differently["Choice[7]"] = "yes";

        await first.SubmitAsync(Typed.Fields());
        await second.SubmitAsync(differently);

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("This response has been checked", second.Text("h1"));
        var check = await portal.QueryAsync(db => db.PaperChecks.SingleAsync());
        Assert.Equal((PaperCheckStatus.Matched, 0), (check.Status, check.Differences));
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.PaperChecked)));
    }

    [Fact]
    public async Task Key_WithACommentTooLong_ShowsTheErrorAndKeepsWhatWasTyped_AndStoresNothing()
    {
        await using var portal = new PortalFactory(EveryEntryChecked);
        using var enterer = await portal.SignedInStaffAsync();
        await EnterAsync(portal, enterer);
        using var checker = await portal.SignedInStaffAsync();
        var keyed = Typed.Fields();
        keyed["Comments[7]"] = new string('a', ConsultationLimits.CommentMaxLength + 1);

        await checker.GetAsync("/staff/paper/checks/next");
        await checker.SubmitAsync(keyed);

        Assert.Equal(["The comments on question 7 must be 5,000 characters or less. You have typed 5,001"], checker.ErrorSummary);
        Assert.Equal(keyed["Comments[7]"], checker.Page.QuerySelector("textarea[name='Comments[7]']")!.TextContent);
        Assert.Null(checker.Page.QuerySelector("input[name=Batch]"));
        Assert.Equal(PaperCheckStatus.Waiting, await portal.QueryAsync(db => db.PaperChecks.Select(c => c.Status).SingleAsync()));
    }

    /// <summary>Enters <see cref="Typed"/> and lets the screen read it, as it does within seconds: until then its comments are withheld, and not compared.</summary>
    private static async Task EnterAsync(PortalFactory portal, Respondent enterer)
    {
        await Typed.SaveAsync(enterer);
        await portal.ScreenSentResponsesAsync();
    }

    private static List<string> RateRows(Respondent staff) =>
        [.. staff.Page.QuerySelectorAll("main table tbody tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim())))];
}
