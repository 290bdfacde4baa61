using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// Every respondent page reads its draft in plain SQL rather than through EF (docs/adr/0028): what it reads must be
/// exactly what EF reads, column for column, on each database.
/// </summary>
public class DraftReadTests(SharedPortal portal)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindWithAQuestion_ThenEveryAnswer_GiveTheDraftAndItsAnswers_ExactlyAsStored()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var (started, token) = await drafts.StartAsync(await LiveVersionAsync(), Cancel);
        const string comment = "\nA line first, then Welsh: ŵ ŷ, an emoji 🙂, \"quotes\" and 'apostrophes'; DROP TABLE \"Drafts\";";
        await drafts.SaveAnswerAsync(started, 4, Choice.NotSure, comment, Cancel);
        await drafts.SaveAnswerAsync(started, 12, null, new string('x', ConsultationLimits.CommentMaxLength), Cancel);
        await drafts.SaveAboutYouAsync(started, AgeGroup.From11To13, AnsweringAs.YoungPerson, Cancel);

        var found = await drafts.FindAsync(token, 4, Cancel);
        var stored = await portal.QueryAsync(db => db.Drafts.AsNoTracking().SingleAsync(d => d.Id == started.Id, Cancel));

        Assert.NotNull(found);
        var (draft, answer) = found.Value;
        Assert.Equivalent(
            new { stored.Id, stored.TokenHash, stored.ResumeCodeHash, stored.ContentVersionId, stored.SubmissionKey, stored.AgeGroup, stored.AnsweringAs, stored.CreatedAt, stored.UpdatedAt, stored.ExpiresAt },
            new { draft.Id, draft.TokenHash, draft.ResumeCodeHash, draft.ContentVersionId, draft.SubmissionKey, draft.AgeGroup, draft.AnsweringAs, draft.CreatedAt, draft.UpdatedAt, draft.ExpiresAt },
            strict: true);
        Assert.Equal([DateTimeKind.Utc, DateTimeKind.Utc, DateTimeKind.Utc], new[] { draft.CreatedAt.Kind, draft.UpdatedAt.Kind, draft.ExpiresAt.Kind });
        Assert.Empty(draft.Answers);
        Assert.NotNull(answer);
        Assert.Equal((started.Id, 4, Choice.NotSure, comment), (answer.DraftId, answer.QuestionNumber, answer.Choice, answer.Comments));
        Assert.Equal(new string('x', ConsultationLimits.CommentMaxLength), (await drafts.FindAnswerAsync(draft, 12, Cancel))?.Comments);
        Assert.Null((await drafts.FindAnswerAsync(draft, 12, Cancel))?.Choice);

        await drafts.LoadAnswersAsync(draft, Cancel);
        var storedAnswers = await portal.QueryAsync(db =>
            db.DraftAnswers.AsNoTracking().Where(a => a.DraftId == started.Id).OrderBy(a => a.QuestionNumber).ToListAsync(Cancel));
        Assert.Equal([4, 12], draft.Answers.Select(a => a.QuestionNumber));
        Assert.Equivalent(storedAnswers, draft.Answers, strict: true);
    }

    [Fact]
    public async Task FindWithAQuestionNotAnswered_GivesTheDraftAndNoAnswer()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var (started, token) = await drafts.StartAsync(await LiveVersionAsync(), Cancel);
        await drafts.SaveAnswerAsync(started, 2, Choice.Yes, null, Cancel);

        var found = await drafts.FindAsync(token, 3, Cancel);

        Assert.Equal(started.Id, found?.Draft.Id);
        Assert.Null(found?.Answer);
        Assert.Null(await drafts.FindAnswerAsync(found!.Value.Draft, 3, Cancel));
        Assert.Equal(Choice.Yes, (await drafts.FindAnswerAsync(found.Value.Draft, 2, Cancel))?.Choice);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token-anyone-was-given")]
    [InlineData("' OR '1'='1")]
    public async Task Find_WithATokenNobodyHas_FindsNothing(string token)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        await drafts.StartAsync(await LiveVersionAsync(), Cancel);

        Assert.Null(await drafts.FindAsync(token, 2, Cancel));
        Assert.Null(await drafts.FindAsync(token, Cancel));
    }

    [Fact]
    public async Task FindAgain_AfterAnAnswerIsSaved_SeesTheAnswer_ThoughTheReadRunsOnAKeptStatement()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var (started, token) = await drafts.StartAsync(await LiveVersionAsync(), Cancel);
        Assert.Null((await drafts.FindAsync(token, 6, Cancel))?.Answer);

        for (var round = 1; round <= 3; round++)
        {
            await drafts.SaveAnswerAsync(started, 6, Choice.No, $"Saved in round {round}", Cancel);

            Assert.Equal($"Saved in round {round}", (await drafts.FindAsync(token, 6, Cancel))?.Answer?.Comments);
        }
    }

    [Fact]
    public async Task ManyFindsAtOnce_EachGetsItsOwnDraftAndAnswer()
    {
        var live = await LiveVersionAsync();
        var people = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
            var (started, token) = await drafts.StartAsync(live, Cancel);
            await drafts.SaveAnswerAsync(started, 9, Choice.Yes, $"Person {i}", Cancel);
            return (started.Id, Token: token, Comments: $"Person {i}");
        }));

        var found = await Task.WhenAll(people.Concat(people).Select(async person =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DraftStore>().FindAsync(person.Token, 9, Cancel);
        }));

        Assert.Equal(
            people.Concat(people).Select(p => (p.Id, (string?)p.Comments)),
            found.Select(f => (f!.Value.Draft.Id, f.Value.Answer?.Comments)));
    }

    private Task<int> LiveVersionAsync() => portal.QueryAsync(db =>
        db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Id).SingleAsync(Cancel));
}

public sealed class DraftReadTestsOnPostgreSql(SharedPostgreSqlPortal portal) : DraftReadTests(portal), IClassFixture<SharedPostgreSqlPortal>;
