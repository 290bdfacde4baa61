using System.Net;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// "Print or save a copy of your answers": only in the browser that sent them, for 30 minutes at most, never by the
/// reference alone, and gone when the young person selects Finished.
/// </summary>
public sealed class YourAnswersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2027-03-31T23:59:59Z" }, now: Now);

    [Fact]
    public async Task Confirmation_LinksToTheCopy_ForThisBrowserSession_WhichShowsEveryAnswerCommentAndTheReference()
    {
        using var respondent = _portal.CreateRespondent();
        var journey = Journey.AllAnswered().Answer(7, "no", "Line one\nline two, mine");
        var reference = await respondent.SendAsync(journey);

        Assert.NotNull(respondent.Page.QuerySelector("main a[href='/your-answers']"));

        // A session cookie: closing the browser ends the copy, whatever the time.
        var sent = respondent.Cookies.GetCookies(respondent.Client.BaseAddress!)["cp_sent"];
        Assert.NotNull(sent);
        Assert.Equal(DateTime.MinValue, sent.Expires);
        Assert.True(sent.HttpOnly);

        await respondent.GetAsync("/your-answers");

        Assert.Equal(HttpStatusCode.OK, respondent.Status);
        Assert.Equal("A copy of your answers", respondent.Text("h1"));
        var main = respondent.Text("main");
        Assert.Contains(reference, main, StringComparison.Ordinal);
        Assert.Contains(respondent.Page.QuerySelectorAll(".app-preserve-lines"), e => e.TextContent == "Line one\nline two, mine");
        foreach (var (_, (_, comments)) in journey.Answers)
        {
            Assert.Contains(comments!, main, StringComparison.Ordinal);
        }

        Assert.Equal(journey.Answers.Count(a => a.Value.Answer is not null), respondent.Page.QuerySelectorAll(".govuk-summary-list__key").Count(k => k.TextContent.Trim() == "Your answer"));
        Assert.Contains("11 to 13", main, StringComparison.Ordinal);
        Assert.NotNull(respondent.Page.QuerySelector("main form[action='/your-answers/finished'] button"));
    }

    [Fact]
    public async Task Get_Copy_IsNeverStoredByTheBrowser()
    {
        using var respondent = _portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(3, "yes", "Kept from the cache"));

        using var response = await respondent.Client.GetAsync(new Uri("/your-answers", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the copy must carry Cache-Control: no-store");
    }

    [Fact]
    public async Task Get_Copy_FromAnotherBrowser_EvenWithTheReference_ShowsNothing()
    {
        using var sender = _portal.CreateRespondent();
        var reference = await sender.SendAsync(Journey.Empty().Answer(4, "no", "Only for the sender"));

        using var other = _portal.CreateRespondent();
        await other.GetAsync("/your-answers");
        Assert.Equal("/", other.Path);

        // A cookie made up from the reference alone, as anyone who saw the reference could, is not the portal's own.
        other.Cookies.Add(other.Client.BaseAddress!, new Cookie("cp_sent", reference));
        await other.GetAsync($"/your-answers?reference={reference}");

        Assert.Equal("/", other.Path);
        Assert.DoesNotContain("Only for the sender", other.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Copy_ThirtyMinutesAfterSending_IsGone()
    {
        using var respondent = _portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(5, "yes", "For half an hour"));

        _portal.Clock!.Advance(TimeSpan.FromMinutes(29));
        await respondent.GetAsync("/your-answers");
        Assert.Contains("For half an hour", respondent.Text("main"), StringComparison.Ordinal);

        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await respondent.GetAsync("/your-answers");
        Assert.Equal("/", respondent.Path);
        Assert.DoesNotContain("For half an hour", respondent.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Finished_ClearsTheCopyFromThisBrowser_AndSaysSo()
    {
        using var respondent = _portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(6, "not-sure", "Shared computer words"));
        await respondent.GetAsync("/your-answers");

        await respondent.SubmitAsync();

        Assert.Equal("/", respondent.Path);
        Assert.Equal("Your answers are cleared from this computer", respondent.Text(".govuk-notification-banner__heading"));
        Assert.DoesNotContain(respondent.Cookies.GetCookies(respondent.Client.BaseAddress!), c => c.Name == "cp_sent");

        // Back, or the address typed again: the copy is not there for the next person.
        await respondent.GetAsync("/your-answers");
        Assert.Equal("/", respondent.Path);
        Assert.DoesNotContain("Shared computer words", respondent.Html, StringComparison.Ordinal);
        await respondent.GetAsync("/confirmation");
        Assert.Equal("/", respondent.Path);
    }

    [Fact]
    public async Task Post_Finished_WithoutTheFormToken_IsRefusedAndKeepsTheCopy()
    {
        using var respondent = _portal.CreateRespondent();
        await respondent.SendAsync(Journey.Empty().Answer(8, "yes", "Not cleared by another site"));

        using var forged = await respondent.SendFormAsync("/your-answers/finished", []);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await respondent.GetAsync("/your-answers");
        Assert.Contains("Not cleared by another site", respondent.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Copy_OfAResponseWithdrawnSince_ShowsNothing()
    {
        using var respondent = _portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(9, "no", "Withdrawn words"));
        await _portal.QueryAsync(db => db.Responses.Where(r => r.Reference == reference).ExecuteDeleteAsync());

        await respondent.GetAsync("/your-answers");

        Assert.Equal("/", respondent.Path);
        Assert.DoesNotContain("Withdrawn words", respondent.Html, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();
}
