using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Drafts;

/// <summary>
/// Answers in progress. A draft is found by the hash of the token in the respondent's cookie, or by the
/// hash of a resume code on another device; the secrets themselves are never stored.
/// </summary>
public sealed class DraftStore(ConsultationDbContext db, GroupCommit writes, TimeProvider clock, ContentCatalogue catalogue)
{
    public const int ResumeCodeLength = 10;
    private const int MaxTokenLength = 128;

    // Read on every respondent page: compiled once, and not tracked, since writes go through GroupCommit.
    // The answers are read only by the pages that show them: a POST needs the draft, not its comments.
    private static readonly PerModel<Func<ConsultationDbContext, string, Task<Draft?>>> ByTokenHash = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, string hash) =>
            db.Drafts.AsNoTracking().SingleOrDefault(d => d.TokenHash == hash)));

    private static readonly PerModel<Func<ConsultationDbContext, Guid, IAsyncEnumerable<DraftAnswer>>> AnswersOf = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, Guid draftId) =>
            db.DraftAnswers.AsNoTracking().Where(a => a.DraftId == draftId)));

    private static readonly PerModel<Func<ConsultationDbContext, Guid, int, Task<DraftAnswer?>>> AnswerOf = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, Guid draftId, int questionNumber) =>
            db.DraftAnswers.AsNoTracking().SingleOrDefault(a => a.DraftId == draftId && a.QuestionNumber == questionNumber)));

    /// <summary>The draft alone; <see cref="LoadAnswersAsync"/> adds its answers.</summary>
    public async Task<Draft?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        if (!await IsOpenAsync(cancellationToken))
        {
            return null;
        }

        return await ByTokenHash.For(db)(db, SecretHash.Of(token));
    }

    public async Task LoadAnswersAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Answers = await AnswersOf.For(db)(db, draft.Id).ToListAsync(cancellationToken);
    }

    public Task<DraftAnswer?> FindAnswerAsync(Draft draft, int questionNumber)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return AnswerOf.For(db)(db, draft.Id, questionNumber);
    }

    /// <summary>Starts a draft pinned to the wording the respondent is reading.</summary>
    public async Task<(Draft Draft, string Token)> StartAsync(int contentVersionId, CancellationToken cancellationToken = default)
    {
        var token = SecretHash.NewToken();
        var now = Now;
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            TokenHash = SecretHash.Of(token),
            ContentVersionId = contentVersionId,
            SubmissionKey = Guid.NewGuid(),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt,
        };
        await writes.RunAsync(async writer =>
        {
            writer.Drafts.Add(draft);
            return await writer.SaveChangesAsync();
        });
        return (draft, token);
    }

    /// <summary>
    /// The commonest write of all, one per page, so it is plain statements rather than the change
    /// tracker: see docs/adr/0013-group-commit.md. Typed ExecuteUpdate was tried for the two UPDATEs
    /// and measured slower here (docs/performance.md), so they stay SQL.
    /// </summary>
    public async Task SaveAnswerAsync(Draft draft, int questionNumber, Choice? choice, string? comments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        comments = string.IsNullOrWhiteSpace(comments) ? null : comments;
        var touch = await TouchAsync(cancellationToken);
        var storedChoice = choice?.ToString();
        await writes.RunAsync(async writer =>
        {
            if (await writer.Database.ExecuteSqlAsync(
                    $"""UPDATE "Drafts" SET "UpdatedAt" = {touch.UpdatedAt}, "ExpiresAt" = {touch.ExpiresAt} WHERE "Id" = {draft.Id}""") == 0)
            {
                throw DraftGone();
            }

            var updated = await writer.Database.ExecuteSqlAsync(
                $"""UPDATE "DraftAnswers" SET "Choice" = {storedChoice}, "Comments" = {comments} WHERE "DraftId" = {draft.Id} AND "QuestionNumber" = {questionNumber}""");

            // No row updated (or no count at all, from a SQL Server with NOCOUNT on): add the answer,
            // unless it is there after all.
            return updated <= 0 && (choice is not null || comments is not null)
                ? await writer.Database.ExecuteSqlAsync($"""
                    INSERT INTO "DraftAnswers" ("DraftId", "QuestionNumber", "Choice", "Comments")
                    SELECT {draft.Id}, {questionNumber}, {storedChoice}, {comments}
                    WHERE NOT EXISTS (SELECT 1 FROM "DraftAnswers" WHERE "DraftId" = {draft.Id} AND "QuestionNumber" = {questionNumber})
                    """)
                : updated;
        });
    }

    public async Task SaveAboutYouAsync(Draft draft, AgeGroup? ageGroup, AnsweringAs? answeringAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var touch = await TouchAsync(cancellationToken);
        await writes.RunAsync(async writer =>
        {
            var stored = await StoredAsync(writer, draft.Id);
            stored.AgeGroup = ageGroup;
            stored.AnsweringAs = answeringAs;
            touch.ApplyTo(stored);
            return await writer.SaveChangesAsync();
        });
        draft.AgeGroup = ageGroup;
        draft.AnsweringAs = answeringAs;
    }

    /// <summary>Issues a new resume code for the draft. Any earlier code stops working.</summary>
    public async Task<string> CreateResumeCodeAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var code = ReferenceCode.Create(ResumeCodeLength);
        var hash = SecretHash.Of(code);
        var touch = await TouchAsync(cancellationToken);
        await writes.RunAsync(async writer =>
        {
            var stored = await StoredAsync(writer, draft.Id);
            stored.ResumeCodeHash = hash;
            touch.ApplyTo(stored);
            return await writer.SaveChangesAsync();
        });
        draft.ResumeCodeHash = hash;
        return code;
    }

    /// <summary>
    /// Finds the draft for a resume code and hands it a new cookie token, so a device that used the draft
    /// before (a shared school computer, say) can no longer open it.
    /// </summary>
    public async Task<(Draft Draft, string Token)?> ResumeAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        var code = ReferenceCode.Normalise(typedCode);
        if (code.Length != ResumeCodeLength)
        {
            return null;
        }

        if (!await IsOpenAsync(cancellationToken))
        {
            return null;
        }

        var hash = SecretHash.Of(code);
        var token = SecretHash.NewToken();
        var touch = await TouchAsync(cancellationToken);
        var draft = await writes.RunAsync(async writer =>
        {
            var stored = await writer.Drafts.Include(d => d.Answers).SingleOrDefaultAsync(d => d.ResumeCodeHash == hash);
            if (stored is not null)
            {
                stored.TokenHash = SecretHash.Of(token);
                touch.ApplyTo(stored);
                await writer.SaveChangesAsync();
            }

            return stored;
        });
        return draft is null ? null : (draft, token);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Drafts live until the consultation closes, judged by the closing time now in force: if the
    /// consultation is extended, drafts started before the change stay usable.
    /// </summary>
    private async Task<bool> IsOpenAsync(CancellationToken cancellationToken) =>
        (await catalogue.GetLiveAsync(cancellationToken)).IsOpenAt(clock.GetUtcNow());

    /// <summary>What every save does to the draft: note the time, and keep it until the closing time now in force.</summary>
    private async Task<Touch> TouchAsync(CancellationToken cancellationToken) =>
        new(Now, (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt);

    /// <summary>
    /// The draft as stored now. One that has gone since the page was read (sent from another tab, say)
    /// cannot be saved to; that is reported as the concurrency failure it is.
    /// </summary>
    private static async Task<Draft> StoredAsync(ConsultationDbContext writer, Guid draftId) =>
        await writer.Drafts.FindAsync(draftId) ?? throw DraftGone();

    private static DbUpdateConcurrencyException DraftGone() => new("The draft no longer exists.");

    private sealed record Touch(DateTime UpdatedAt, DateTime ExpiresAt)
    {
        public void ApplyTo(Draft draft)
        {
            draft.UpdatedAt = UpdatedAt;
            draft.ExpiresAt = ExpiresAt;
        }
    }
}
