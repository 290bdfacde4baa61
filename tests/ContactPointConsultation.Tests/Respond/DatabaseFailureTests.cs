using System.Net;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

public sealed class DatabaseFailureTests
{
    [Fact]
    public async Task Send_WhenTheDatabaseFails_ShowsAFriendlyErrorKeepsTheDraftAndStoresNothing()
    {
        await using var portal = new PortalFactory();
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes", "Kept through a failure"));

        // A real fault in the real database: the answers table is gone when the response is written.
        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE ResponseAnswers RENAME TO ResponseAnswersGone"));
        await respondent.SubmitAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, respondent.Status);
        Assert.Equal("Sorry, your answers were not sent", respondent.Text("h1"));
        Assert.Matches("^[0-9a-f]{32}$", respondent.Text("main strong"));
        Assert.DoesNotContain("ResponseAnswers", respondent.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", respondent.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Kept through a failure")));

        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE ResponseAnswersGone RENAME TO ResponseAnswers"));
        await respondent.GetAsync("/check-answers");
        await respondent.SubmitAsync();
        Assert.Equal("/confirmation", respondent.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }
}
