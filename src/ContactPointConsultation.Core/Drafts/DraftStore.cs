using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Drafts;

/// <summary>
/// Answers in progress. A draft is found by the hash of the token in the respondent's cookie, or by the
/// hash of a resume code on another device; the secrets themselves are never stored.
/// </summary>
public sealed class DraftStore(ConsultationDbContext db, TimeProvider clock, ContentCatalogue catalogue)
{
    public const int ResumeCodeLength = 10;
    private const int MaxTokenLength = 128;

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

        var hash = SecretHash.Of(token);
        return await db.Drafts.Include(d => d.Answers).SingleOrDefaultAsync(d => d.TokenHash == hash, cancellationToken);
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
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, token);
    }

    public async Task SaveAnswerAsync(Draft draft, int questionNumber, Choice? choice, string? comments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        comments = string.IsNullOrWhiteSpace(comments) ? null : comments;
        var answer = draft.Answers.Find(a => a.QuestionNumber == questionNumber);
        if (answer is null)
        {
            if (choice is null && comments is null)
            {
                return;
            }

            answer = new DraftAnswer { DraftId = draft.Id, QuestionNumber = questionNumber };
            draft.Answers.Add(answer);
        }

        answer.Choice = choice;
        answer.Comments = comments;
        await TouchAsync(draft, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(answer).State == EntityState.Added)
        {
            // A double-click: the other request inserted this answer first. Update it instead.
            db.Entry(answer).State = EntityState.Detached;
            draft.Answers.Remove(answer);
            var saved = await db.DraftAnswers.SingleOrDefaultAsync(a => a.DraftId == draft.Id && a.QuestionNumber == questionNumber, cancellationToken);
            if (saved is null)
            {
                // No other request got there first: the write itself failed (a full disk, say).
                throw;
            }

            saved.Choice = choice;
            saved.Comments = comments;
            draft.Answers.Add(saved);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task SaveAboutYouAsync(Draft draft, AgeGroup? ageGroup, AnsweringAs? answeringAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.AgeGroup = ageGroup;
        draft.AnsweringAs = answeringAs;
        await TouchAsync(draft, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issues a new resume code for the draft. Any earlier code stops working.</summary>
    public async Task<string> CreateResumeCodeAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var code = ReferenceCode.Create(ResumeCodeLength);
        draft.ResumeCodeHash = SecretHash.Of(code);
        await TouchAsync(draft, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
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
        var draft = await db.Drafts.Include(d => d.Answers)
            .SingleOrDefaultAsync(d => d.ResumeCodeHash == hash, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var token = SecretHash.NewToken();
        draft.TokenHash = SecretHash.Of(token);
        await TouchAsync(draft, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (draft, token);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Drafts live until the consultation closes, judged by the closing time now in force: if the
    /// consultation is extended, drafts started before the change stay usable.
    /// </summary>
    private async Task<bool> IsOpenAsync(CancellationToken cancellationToken) =>
        (await catalogue.GetLiveAsync(cancellationToken)).IsOpenAt(clock.GetUtcNow());

    private async Task TouchAsync(Draft draft, CancellationToken cancellationToken)
    {
        draft.UpdatedAt = Now;
        draft.ExpiresAt = (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt;
    }
}
