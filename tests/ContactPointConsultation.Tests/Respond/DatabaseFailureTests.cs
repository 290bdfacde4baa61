using System.Net;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

public class DatabaseFailureTests
{
    /// <summary>The database each of the class's portals runs on; "…OnPostgreSql" runs every test again on PostgreSQL.</summary>
    protected virtual string Provider => DatabaseSetup.SqliteProvider;

    [Fact]
    public async Task Send_WhenTheDatabaseFails_ShowsAFriendlyErrorKeepsTheDraftAndStoresNothing()
    {
        await using var portal = new PortalFactory(provider: Provider);
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes", "Kept through a failure"));

        // A real fault in the real database: the answers table is gone when the response is written.
        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ResponseAnswers\" RENAME TO \"ResponseAnswersGone\""));
        await respondent.SubmitAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, respondent.Status);
        Assert.Equal("Sorry, your answers were not sent", respondent.Text("h1"));
        Assert.Matches("^[0-9a-f]{32}$", respondent.Text("main strong"));
        Assert.DoesNotContain("ResponseAnswers", respondent.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", respondent.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Kept through a failure")));

        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ResponseAnswersGone\" RENAME TO \"ResponseAnswers\""));
        await respondent.GetAsync("/check-answers");
        await respondent.SubmitAsync();
        Assert.Equal("/confirmation", respondent.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }
}

public sealed class DatabaseFailureTestsOnPostgreSql : DatabaseFailureTests
{
    protected override string Provider => DatabaseSetup.PostgreSqlProvider;
}
