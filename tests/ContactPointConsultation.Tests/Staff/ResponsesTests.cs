using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

public class ResponsesTests
{
    /// <summary>The database each of the class's portals runs on; "…OnPostgreSql" runs every test again on PostgreSQL.</summary>
    protected virtual string Provider => DatabaseSetup.SqliteProvider;

    [Fact]
    public async Task ResponsePage_ShowsEveryAnswerWithTheWordingAnswered_EvenAfterNewWordingGoesLive()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(5, "not-sure", "About shielding").AboutYou("14-to-16", null));
        await PublishNewWordingAsync(portal, 5, "Do you understand what shielding means?");
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/responses/{reference}");

        Assert.Equal(reference, analyst.Text("h1"));
        var text = SeedDocument.Normalise(analyst.Text("main"));
        Assert.Contains(SeedDocument.Normalise(SeedDocument.Question(5)), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Do you understand what shielding means?", text, StringComparison.Ordinal);
        Assert.Contains("Not sure", text, StringComparison.Ordinal);
        Assert.Contains("About shielding", text, StringComparison.Ordinal);
        Assert.Contains("14 to 16", text, StringComparison.Ordinal);
        Assert.Equal(10, analyst.Page.QuerySelectorAll("dd").Count(d => d.TextContent.Trim() == "Not answered"));
    }

    [Fact]
    public async Task ResponsePage_ShowsCommentsAsTextOnly_AndEachViewIsAudited()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        const string nasty = "<script>alert(1)</script> \u202Egnp.exe <img src=x onerror=alert(2)> مرحبا";
        var reference = await respondent.SendAsync(Journey.Empty().Answer(3, "no", nasty));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/responses/{reference}");

        var comment = analyst.Page.QuerySelector(".app-comment")!;
        Assert.Equal("auto", comment.GetAttribute("dir"));
        Assert.Equal(nasty, comment.QuerySelector("bdi")!.TextContent);
        Assert.Empty(analyst.Page.QuerySelectorAll("main script, main img"));
        var viewed = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponseViewed));
        Assert.Equal(reference, viewed.Target);
        Assert.StartsWith("analyst-", viewed.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponsesList_IsNewestFirstPagedAndSearchesComments()
    {
        await using var portal = new PortalFactory(provider: Provider);
        var references = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            using var respondent = portal.CreateRespondent();
            references.Add(await respondent.SendAsync(Journey.Empty().Answer(2, "yes", i == 3 ? "Needle: 100% clear_ish" : $"Ordinary comment {i}")));
        }

        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff/responses");
        var firstPage = analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(25, firstPage.Count);
        Assert.Equal(references[^1], firstPage[0]);
        await analyst.GetAsync("/staff/responses?page=2");
        Assert.Equal([references[1], references[0]], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));

        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString("100% clear_"));
        Assert.Equal([references[3]], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString("0% c"));
        Assert.Single(analyst.Page.QuerySelectorAll("tbody tr"));
        await analyst.GetAsync("/staff/responses?search=%25");
        Assert.Single(analyst.Page.QuerySelectorAll("tbody tr"));

        var searches = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ResponsesSearched).Select(e => e.Details).ToListAsync());
        Assert.Equal(3, searches.Count);
        Assert.Contains("\"results\":1", searches[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_IgnoresCase_InEnglishAndWelsh()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", "Dylai plant gael gwybod. Schools SHOULD tell us. Ŵyr Â'R ÉLAN"));
        using var analyst = await portal.SignedInStaffAsync();

        // Welsh and other letters beyond A to Z too, which SQLite's own LIKE does not fold.
        foreach (var search in new[] { "dylai", "DYLAI", "should tell", "Schools should", "ŵyr", "ŴYR", "â'r élan", "Élan" })
        {
            await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString(search));
            Assert.Equal([reference], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
        }
    }

    [Fact]
    public async Task Search_WithANulCharacter_IsRefusedWithAFriendlyPage()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/responses?search=nul%00byte");

        Assert.Equal(HttpStatusCode.BadRequest, analyst.Status);
        Assert.Equal("Sorry, we could not use what was sent", analyst.Text("h1"));
        Assert.Equal(0, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ResponsesSearched)));
    }

    [Fact]
    public async Task Search_ForAReference_GoesStraightToThatResponse()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(4, "yes"));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString(" " + reference.ToLowerInvariant()[..4] + "-" + reference[4..] + " "));

        Assert.Equal($"/staff/responses/{reference}", analyst.Path);
    }

    [Fact]
    public async Task Withdraw_AfterConfirming_DeletesTheResponseAndAuditsItWithoutItsContent()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(6, "yes", "Please remove my words"));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync($"/staff/responses/{reference}/withdraw");
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Contains("cannot be undone", analyst.Text("main"), StringComparison.Ordinal);
        await analyst.SubmitAsync();

        Assert.Equal("/staff/responses", analyst.Path);
        Assert.Equal($"Response {reference} has been deleted", analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseAnswers.CountAsync()));
        var withdrawn = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ResponseWithdrawn));
        Assert.Equal(reference, withdrawn.Target);
        Assert.Null(withdrawn.Details);
        Assert.False(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Details!.Contains("remove my words"))));
    }

    [Theory]
    [InlineData("/staff/responses/ZZZZZZZZ")]
    [InlineData("/staff/responses/not-a-reference")]
    [InlineData("/staff/responses/ZZZZZZZZ/withdraw")]
    public async Task UnknownReference_IsNotFound(string url)
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, analyst.Status);
    }

    /// <summary>Makes a new version live with one question reworded, as the admin pages will.</summary>
    private static Task<int> PublishNewWordingAsync(PortalFactory portal, int number, string question) => portal.QueryAsync(async db =>
    {
        var live = await db.ContentVersions.Include(v => v.Questions).SingleAsync(v => v.State == ContentVersionState.Live);
        live.State = ContentVersionState.Archived;
        db.ContentVersions.Add(new ContentVersion
        {
            Number = live.Number + 1,
            State = ContentVersionState.Live,
            ConsultationName = live.ConsultationName,
            Introduction = live.Introduction,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "test",
            Questions = live.Questions.Select(q => new QuestionWording
            {
                Number = q.Number,
                SectionTitle = q.SectionTitle,
                Question = q.Number == number ? question : q.Question,
                HelpText = q.HelpText,
                CommentPrompt = q.CommentPrompt,
                HasChoice = q.HasChoice,
            }).ToList(),
        });
        return await db.SaveChangesAsync();
    });
}

public sealed class ResponsesTestsOnPostgreSql : ResponsesTests
{
    protected override string Provider => DatabaseSetup.PostgreSqlProvider;
}
