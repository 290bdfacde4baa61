using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// On SQLite the plain reads' statements are prepared once on connections kept open for them
/// (docs/adr/0032-sqlite-statements-kept.md). A kept connection must never hold a read open, outlive a fault, or
/// outlive the portal.
/// </summary>
public sealed class KeptStatementsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_WhenItsTableIsGoneAndBack_FailsThenFindsAgain()
    {
        await using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        var (drafts, _, token) = await DraftReadOnceAsync(portal, scope, 3, "Before the table went");

        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"DraftAnswers\" RENAME TO \"DraftAnswersGone\"", Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => drafts.FindAsync(token, 3, Cancel));
        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"DraftAnswersGone\" RENAME TO \"DraftAnswers\"", Cancel));

        Assert.Equal("Before the table went", await CommentsFoundAsync(drafts, token, 3));
    }

    [Fact]
    public async Task Find_AfterTheSchemaChanges_RunsItsKeptStatementAgain_AndFindsTheSame()
    {
        await using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        var (drafts, _, token) = await DraftReadOnceAsync(portal, scope, 5, "Before the index");

        await portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_Kept_Test\" ON \"DraftAnswers\" (\"Comments\")", Cancel));

        Assert.Equal("Before the index", await CommentsFoundAsync(drafts, token, 5));
    }

    [Fact]
    public async Task KeptConnections_BetweenReads_HoldNoReadOpen_SoTheLogCanBeCheckpointedWhole()
    {
        await using var portal = new PortalFactory();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var (drafts, started, token) = await DraftReadOnceAsync(portal, scope, 7, "Read while the log fills");
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                await using var own = portal.Services.CreateAsyncScope();
                return await own.ServiceProvider.GetRequiredService<DraftStore>().FindAsync(token, 7, Cancel);
            }));
            await drafts.SaveAnswerAsync(started, 7, Choice.No, "Written after the reads", Cancel);
        }

        var busy = await portal.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Cancel);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var result = await checkpoint.ExecuteReaderAsync(Cancel);
            Assert.True(await result.ReadAsync(Cancel));
            return result.GetInt32(0);
        });

        Assert.Equal(0, busy);
    }

    [Fact]
    public async Task Stopping_ThePortal_ClosesEveryConnectionItKept()
    {
        var portal = new PortalFactory();
        var path = Path.GetFullPath(portal.DatabasePath);
        try
        {
            using var person = portal.CreateRespondent();
            await person.GetAsync("/questions/2");
            await person.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => person.Client.GetAsync(new Uri("/questions/2", UriKind.Relative), Cancel)));
            Assert.NotEmpty(OpenFiles(path));

            await portal.DisposeAsync();

            Assert.Empty(OpenFiles(path));
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    /// <summary>This process's open files that are the database, its write-ahead log or its shared memory.</summary>
    private static string[] OpenFiles(string databasePath) =>
        [.. new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => fd.LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith(databasePath, StringComparison.Ordinal))];

    /// <summary>A new draft with an answer to <paramref name="question"/>, read back once, so its statement is kept.</summary>
    private static async Task<(DraftStore Drafts, Draft Started, string Token)> DraftReadOnceAsync(
        PortalFactory portal, AsyncServiceScope scope, int question, string comments)
    {
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var (started, token) = await drafts.StartAsync(await LiveVersionAsync(portal), Cancel);
        await drafts.SaveAnswerAsync(started, question, Choice.Yes, comments, Cancel);
        Assert.Equal(comments, await CommentsFoundAsync(drafts, token, question));
        return (drafts, started, token);
    }

    private static async Task<string?> CommentsFoundAsync(DraftStore drafts, string token, int question) =>
        (await drafts.FindAsync(token, question, Cancel))?.Answer?.Comments;

    private static Task<int> LiveVersionAsync(PortalFactory portal) => portal.QueryAsync(db =>
        db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Id).SingleAsync(Cancel));
}
