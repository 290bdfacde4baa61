using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

public sealed class ClosedConsultationTests : IAsyncLifetime
{
    private readonly PortalFactory _closed = new(new Dictionary<string, string?>
    {
        ["Consultation:OpensAt"] = "2020-01-01T00:00:00Z",
        ["Consultation:ClosesAt"] = "2021-01-01T00:00:00Z",
    });

    [Fact]
    public async Task Get_StartPage_WhenClosed_SaysSoWithTheDate()
    {
        using var respondent = _closed.CreateRespondent();

        await respondent.GetAsync("/");

        Assert.Equal("This consultation has closed", respondent.Text("h1"));
        Assert.Contains("1 January 2021", respondent.Text("main"), StringComparison.Ordinal);
        Assert.Empty(respondent.Page.QuerySelectorAll(".govuk-button--start"));
    }

    [Theory]
    [InlineData("/questions/2")]
    [InlineData("/about-you")]
    [InlineData("/check-answers")]
    [InlineData("/resume")]
    public async Task Get_AnsweringPage_WhenClosed_LeadsToTheClosedPage(string url)
    {
        using var respondent = _closed.CreateRespondent();

        await respondent.GetAsync(url);

        Assert.Equal("/closed", respondent.Path);
    }

    [Fact]
    public async Task Post_Answer_AfterClosingWithThePageStillOpen_IsRefusedAndNothingIsStored()
    {
        await using var portal = new PortalFactory(
            new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2027-03-31T23:59:59Z" },
            now: new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.Zero));
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "In time" });
        var openForm = respondent.HiddenFields();

        portal.Clock!.Advance(TimeSpan.FromHours(2));
        openForm.AddRange([new("Answer", "yes"), new("Comments", "Too late")]);
        await respondent.PostAsync("/questions/3", openForm);

        Assert.Equal("/closed", respondent.Path);
        Assert.Equal("This consultation has closed", respondent.Text("h1"));
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Too late")));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _closed.DisposeAsync();
}

public sealed class NotYetOpenTests : IAsyncLifetime
{
    private readonly PortalFactory _early = new(new Dictionary<string, string?>
    {
        ["Consultation:OpensAt"] = "2098-01-01T00:00:00Z",
        ["Consultation:ClosesAt"] = "2099-01-01T00:00:00Z",
    });

    [Fact]
    public async Task Get_StartPage_BeforeOpening_SaysWhenItOpens()
    {
        using var respondent = _early.CreateRespondent();

        await respondent.GetAsync("/questions/2");

        Assert.Equal("This consultation is not open yet", respondent.Text("h1"));
        Assert.Contains("1 January 2098", respondent.Text("main"), StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _early.DisposeAsync();
}
