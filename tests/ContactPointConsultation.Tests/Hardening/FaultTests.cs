using System.Data.Common;
using System.Net;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>Real faults in the real database, injected at the moment a response is being written.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Send_WhenTheSecondInsertOfTheSubmissionFails_StoresNothingPartial_AndARetryStoresOne()
    {
        var fault = new FailCommands(sql => sql.Contains("INSERT INTO \"ResponseAnswers\"", StringComparison.Ordinal),
            () => new SqliteException("disk I/O error", 10));
        await using var portal = new InterceptedPortal(fault);
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes", "Kept through a failed write").Answer(7, "no"));

        fault.Armed = true;
        await respondent.SubmitAsync();
        fault.Armed = false;

        AssertNotSentPage(respondent);
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResponseAnswers.CountAsync()));
        Assert.Equal(2, await portal.QueryAsync(db => db.DraftAnswers.CountAsync()));

        await respondent.GetAsync("/check-answers");
        await respondent.SubmitAsync();
        Assert.Equal("/confirmation", respondent.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(2, await portal.QueryAsync(db => db.ResponseAnswers.CountAsync()));
    }

    [Fact]
    public async Task Send_WhenTheDiskIsFull_ShowsNotSent_AndStoresNothingPartial()
    {
        // SQLite's own error for a full disk, raised as the response row is written.
        var full = new FailCommands(sql => sql.Contains("INSERT INTO \"Responses\"", StringComparison.Ordinal),
            () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));
        await using var portal = new InterceptedPortal(full);
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes", "Kept although the disk filled").Answer(3, "no"));

        full.Armed = true;
        await respondent.SubmitAsync();
        full.Armed = false;

        AssertNotSentPage(respondent);
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        Assert.Equal(2, await portal.QueryAsync(db => db.DraftAnswers.CountAsync()));
    }

    [Fact]
    public async Task Screen_WhenTheResultsTallyCannotBeWritten_LeavesTheResponseToScreenAgain_AndTheResultsCountItMeanwhile()
    {
        // The send writes no tally; the screen counts the response in the transaction that marks it screened,
        // so it is never marked without being counted, nor counted twice.
        var full = new FailCommands(sql => sql.Contains("INSERT INTO \"ResultTallies\"", StringComparison.Ordinal),
            () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));
        await using var portal = new InterceptedPortal(full);
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes", "Sent although the tally failed").Answer(3, "no"));

        full.Armed = true;
        await respondent.SubmitAsync();
        Assert.Equal("/confirmation", respondent.Path);
        await Assert.ThrowsAnyAsync<DbException>(portal.ScreenSentResponsesAsync);

        Assert.Null(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ResultTallies.CountAsync()));
        Assert.Equal((1, 1), await ResultsAsync(portal));

        full.Armed = false;
        await portal.ScreenSentResponsesAsync();

        Assert.NotNull(await portal.QueryAsync(db => db.Responses.Select(r => r.ScreenedAt).SingleAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.ResultTallies.Where(t => t.QuestionNumber == 0).SumAsync(t => t.Count)));
        Assert.Equal((1, 1), await ResultsAsync(portal));
    }

    [Fact]
    public async Task Answer_WhenTheDatabaseIsReadOnly_ShowsTheQuestionAgainWithWhatWasTyped_AndStoresNothing()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            await using (var writable = new PortalFactory(databasePath: path))
            {
                using var first = writable.CreateRespondent();
                await first.SendAsync(Journey.Empty().Answer(2, "yes"));
            }

            await using var readOnly = new PortalFactory(
                new Dictionary<string, string?> { ["ConnectionStrings:Consultation"] = $"Data Source={path};Mode=ReadOnly", ["Database:MigrateOnStartup"] = "false" },
                path);
            using var respondent = readOnly.CreateRespondent();
            await respondent.GetAsync("/questions/2");
            Assert.Equal(HttpStatusCode.OK, respondent.Status);

            await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no", ["Comments"] = "Written while read-only" });

            respondent.AssertQuestionShownAgain(HttpStatusCode.ServiceUnavailable, 2, "no", "Written while read-only");
            Assert.Equal(0, await readOnly.QueryAsync(db => db.DraftAnswers.CountAsync()));
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    /// <summary>A change to an answer, as the defect was found: a long comment on a full disk.</summary>
    [Fact]
    public async Task Answer_WhenTheDatabaseFileCannotGrow_ShowsTheQuestionAgainWithWhatWasTyped_KeepsTheDraft_AndContinueThenSavesIt()
    {
        // Not an injected error: SQLite itself refuses to allocate another page, exactly as on a full disk.
        var full = new DatabaseCannotGrow();
        await using var portal = new InterceptedPortal(full);
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes", ["Comments"] = "Saved before the disk filled" });
        var longComment = string.Concat(Enumerable.Repeat("Typed as the disk filled up. ", 165));
        Assert.InRange(longComment.Length, 4_700, 5_000);

        await respondent.GetAsync("/questions/3?change=true");
        full.Armed = true;
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no", ["Comments"] = longComment });
        full.Armed = false;

        respondent.AssertQuestionShownAgain(HttpStatusCode.ServiceUnavailable, 3, "no", longComment);
        Assert.Contains(portal.Logs.Events, e => e.Contains("database or disk is full", StringComparison.Ordinal));
        // The failed command is logged in full detail, but without its parameters: never the comment.
        Assert.DoesNotContain(portal.Logs.Events, e => e.Contains("Typed as the disk filled", StringComparison.Ordinal));
        Assert.Equal(["Saved before the disk filled"], await portal.QueryAsync(db => db.DraftAnswers.Select(a => a.Comments).ToListAsync()));

        // Continue on the same page, without typing anything again, once the disk has room.
        await respondent.SubmitKeepingAsync(new Dictionary<string, string>());
        Assert.Equal("/check-answers", respondent.Path);
        Assert.Equal(longComment, await portal.QueryAsync(db => db.DraftAnswers.Where(a => a.QuestionNumber == 3).Select(a => a.Comments).SingleAsync()));
    }

    [Fact]
    public async Task AboutYou_WhenTheDiskIsFull_SaysTheAnswersWereNotSaved_NotThatTheyWereNotSent()
    {
        var full = new FailCommands(sql => sql.Contains("UPDATE \"Drafts\"", StringComparison.Ordinal),
            () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));
        await using var portal = new InterceptedPortal(full);
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes"));
        await respondent.GetAsync("/about-you");

        full.Armed = true;
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["AgeGroup"] = "14-to-16" });
        full.Armed = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, respondent.Status);
        Assert.Equal("Sorry, your answers were not saved", respondent.Text("h1"));
        Assert.Null(await portal.QueryAsync(db => db.Drafts.Select(d => d.AgeGroup).SingleAsync()));
    }

    [Fact]
    public async Task Publish_WhenTheDiskIsFull_SaysNotSaved_NotThatAnotherAdminChangedTheDraft()
    {
        var full = new FailCommands(sql => sql.Contains("UPDATE \"ContentVersions\"", StringComparison.Ordinal),
            () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));
        await using var portal = new InterceptedPortal(full);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = "Written as the disk filled" });

        full.Armed = true;
        await admin.PublishWordingAsync();
        full.Armed = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, admin.Status);
        Assert.Equal("Sorry, your changes were not saved", admin.Text("h1"));
        Assert.Equal("Written as the disk filled", (await portal.WordingAsync(ContentVersionState.Draft, 5)).HelpText);

        await admin.PublishWordingAsync();
        Assert.Equal("Written as the disk filled", (await portal.WordingAsync(ContentVersionState.Live, 5)).HelpText);
    }

    [Fact]
    public async Task Send_WhileAnotherProcessHoldsTheWriteLock_ShowsNotSent_AndARetryAfterwardsStoresOne()
    {
        var path = PortalFactory.NewDatabasePath();
        try
        {
            // Two seconds of SQLite's busy waiting instead of thirty, so the test does not wait long.
            await using var portal = new PortalFactory(new Dictionary<string, string?> { ["ConnectionStrings:Consultation"] = $"Data Source={path};Default Timeout=2" }, path);
            using var respondent = portal.CreateRespondent();
            await respondent.AnswerAllAsync(Journey.Empty().Answer(5, "no", "Sent while the database was busy"));

            await using (var otherProcess = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await otherProcess.OpenAsync(TestContext.Current.CancellationToken);
                await using var hold = otherProcess.CreateCommand();
                hold.CommandText = "BEGIN IMMEDIATE";
                await hold.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

                await respondent.SubmitAsync();

                AssertNotSentPage(respondent);
            }

            Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
            await respondent.GetAsync("/check-answers");
            await respondent.SubmitAsync();
            Assert.Equal("/confirmation", respondent.Path);
            Assert.Equal("Sent while the database was busy", await portal.QueryAsync(db => db.ResponseAnswers.Select(a => a.Comments).SingleAsync()));
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task QuestionPage_WhenTheDatabaseIsLocked_SaysTheServiceIsUnavailable_NotA500()
    {
        var locked = new FailCommands(sql => sql.Contains("\"ContentVersions\"", StringComparison.Ordinal) || sql.Contains("\"Drafts\"", StringComparison.Ordinal),
            () => new SqliteException("database is locked", 5));
        await using var portal = new InterceptedPortal(locked);
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });

        locked.Armed = true;
        await respondent.GetAsync("/questions/3");
        locked.Armed = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, respondent.Status);
        Assert.Equal("Sorry, the service is unavailable", respondent.Text("h1"));
    }

    private static void AssertNotSentPage(Respondent respondent)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, respondent.Status);
        Assert.Equal("Sorry, your answers were not sent", respondent.Text("h1"));
        Assert.Matches("^[0-9a-f]{32}$", respondent.Text("main strong"));
        Assert.DoesNotContain("Sqlite", respondent.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    /// <summary>
    /// While armed, every connection the app opens may not make the database file any bigger than it
    /// is, so SQLite fails the first write that needs a new page with its own SQLITE_FULL.
    /// </summary>
    private sealed class DatabaseCannotGrow : DbConnectionInterceptor
    {
        public volatile bool Armed;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            // Pooled connections keep the setting, so it is put back as well as taken away.
            command.CommandText = Armed ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 4294967294";
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    /// <summary>While armed, fails every command the predicate picks, before it reaches the database.</summary>
    /// <summary>The results page's count of responses, and of Yes to Q2.</summary>
    private static async Task<(int Responses, int YesToQ2)> ResultsAsync(PortalFactory portal)
    {
        var results = await portal.QueryAsync(db => new ResultsQuery(db).GetAsync(ResponseFilter.None, [2]));
        return (results.Responses, results.Questions[0].Yes);
    }

    [Fact]
    public async Task Import_WhenTheDatabaseRefusesALine_AsAnotherWebNodesEntryWould_StoresNothing_SaysSo_AndTheNextPressImportsIt()
    {
        // A unique index refusing the insert, as when another node stored a lookalike a moment before.
        var refused = new FailCommands(sql => sql.Contains("INSERT INTO \"Responses\"", StringComparison.Ordinal),
            () => new SqliteException("UNIQUE constraint failed: Responses.EntryDigest", 19));
        await using var portal = new InterceptedPortal(refused);
        using var analyst = await portal.SignedInStaffAsync();
        var sheet = new ResponseSheet().With(("Q2 answer", "Yes")).With(("Q3 answer", "No"));
        await sheet.UploadAsync(analyst);
        var check = analyst.Path;

        refused.Armed = true;
        await analyst.SubmitAsync();
        refused.Armed = false;

        Assert.Equal((HttpStatusCode.OK, check), (analyst.Status, analyst.Path));
        Assert.Equal("Someone else entered or imported responses at the same moment, so nothing was imported. Check the file and import it again",
            analyst.Text(".govuk-notification-banner__heading"));
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));

        await analyst.SubmitAsync();
        Assert.Equal("2 responses imported", analyst.Text("h1"));
        Assert.Equal(2, await portal.QueryAsync(db => db.Responses.CountAsync()));
    }

    private sealed class FailCommands(Func<string, bool> picks, Func<Exception> failure) : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed && picks(command.CommandText) ? throw failure() : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Armed && picks(command.CommandText) ? throw failure() : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
