using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Drafts;

/// <summary>
/// Answers in progress. A draft is found by the hash of the token in the respondent's cookie, or by the
/// hash of a resume code on another device; the secrets themselves are never stored.
/// </summary>
public sealed class DraftStore(ConsultationDbContext db, KeptStatements reads, GroupCommit writes, TimeProvider clock, ContentCatalogue catalogue)
{
    public const int ResumeCodeLength = 10;
    private const int MaxTokenLength = 128;

    // Read on every respondent page, so in plain SQL rather than through EF (PlainReads), with the statements kept
    // prepared on SQLite (KeptStatements).
    // Writes go through GroupCommit. The answers are read only by the pages that show them: a POST needs the draft,
    // not its comments, and a question page only its own answer, read in the same round trip.
    private const string DraftColumns = """
        d."Id", d."TokenHash", d."ResumeCodeHash", d."ContentVersionId", d."SubmissionKey", d."AgeGroup", d."AnsweringAs",
        d."CreatedAt", d."UpdatedAt", d."ExpiresAt"
        """;

    private const string DraftByToken = $"""SELECT {DraftColumns} FROM "Drafts" AS d WHERE d."TokenHash" = @hash""";

    private const string DraftAndAnswerByToken = $"""
        SELECT {DraftColumns}, a."QuestionNumber", a."Choice", a."Comments"
        FROM "Drafts" AS d LEFT JOIN "DraftAnswers" AS a ON a."DraftId" = d."Id" AND a."QuestionNumber" = @question
        WHERE d."TokenHash" = @hash
        """;

    private const string AnswerByDraft = """
        SELECT a."QuestionNumber", a."Choice", a."Comments" FROM "DraftAnswers" AS a
        WHERE a."DraftId" = (SELECT d."Id" FROM "Drafts" AS d WHERE d."TokenHash" = @hash) AND a."QuestionNumber" = @question
        """;

    private const string AnswersByDraft = """
        SELECT a."QuestionNumber", a."Choice", a."Comments" FROM "DraftAnswers" AS a
        WHERE a."DraftId" = (SELECT d."Id" FROM "Drafts" AS d WHERE d."TokenHash" = @hash)
        ORDER BY a."QuestionNumber"
        """;

    /// <summary>The draft alone; <see cref="LoadAnswersAsync"/> adds its answers.</summary>
    public async Task<Draft?> FindAsync(string? token, CancellationToken cancellationToken = default) =>
        await FindAsync(token, questionNumber: null, cancellationToken) is { } found ? found.Draft : null;

    /// <summary>
    /// The draft and, in the same round trip, its answer to one question (null if it has none): what each question
    /// page reads. The draft's <see cref="Draft.Answers"/> stay empty, as from <see cref="FindAsync(string?, CancellationToken)"/>.
    /// </summary>
    public async Task<(Draft Draft, DraftAnswer? Answer)?> FindAsync(string? token, int? questionNumber, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        if (!await IsOpenAsync(cancellationToken))
        {
            return null;
        }

        await using var read = questionNumber is { } number
            ? await reads.ReadAsync(db, DraftAndAnswerByToken, cancellationToken, ("@hash", SecretHash.Of(token)), ("@question", number))
            : await reads.ReadAsync(db, DraftByToken, cancellationToken, ("@hash", SecretHash.Of(token)));
        var reader = read.Reader;
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var draft = new Draft
        {
            Id = reader.GetGuid(0),
            TokenHash = reader.GetString(1),
            ResumeCodeHash = reader.GetStringOrNull(2),
            ContentVersionId = reader.GetInt32(3),
            SubmissionKey = reader.GetGuid(4),
            AgeGroup = reader.GetEnumOrNull<AgeGroup>(5),
            AnsweringAs = reader.GetEnumOrNull<AnsweringAs>(6),
            CreatedAt = reader.GetUtcDateTime(7),
            UpdatedAt = reader.GetUtcDateTime(8),
            ExpiresAt = reader.GetUtcDateTime(9),
        };
        return (draft, questionNumber is null ? null : ReadAnswer(reader, draft.Id, 10));
    }

    /// <summary>Every answer in the draft, found by the draft's token as every read of it is.</summary>
    public async Task LoadAnswersAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var read = await reads.ReadAsync(db, AnswersByDraft, cancellationToken, ("@hash", draft.TokenHash));
        var reader = read.Reader;
        var answers = new List<DraftAnswer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(ReadAnswer(reader, draft.Id, 0)!);
        }

        draft.Answers = answers;
    }

    /// <summary>The draft's answer to one question, found by the draft's token as every read of it is.</summary>
    public async Task<DraftAnswer?> FindAnswerAsync(Draft draft, int questionNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var read = await reads.ReadAsync(db, AnswerByDraft, cancellationToken, ("@hash", draft.TokenHash), ("@question", questionNumber));
        return await read.Reader.ReadAsync(cancellationToken) ? ReadAnswer(read.Reader, draft.Id, 0) : null;
    }

    /// <summary>An answer's three columns from <paramref name="first"/> on; null when the join found none.</summary>
    private static DraftAnswer? ReadAnswer(System.Data.Common.DbDataReader reader, Guid draftId, int first) =>
        reader.IsDBNull(first)
            ? null
            : new DraftAnswer
            {
                DraftId = draftId,
                QuestionNumber = reader.GetInt32(first),
                Choice = reader.GetEnumOrNull<Choice>(first + 1),
                Comments = reader.GetStringOrNull(first + 2),
            };

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
