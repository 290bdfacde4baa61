using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Drafts;

/// <summary>
/// Answers in progress. A draft is found by the hash of the token in the respondent's cookie, or by the
/// hash of a resume code on another device; the secrets themselves are never stored.
/// </summary>
public sealed class DraftStore(ConsultationDbContext db, TimeProvider clock, IOptions<ConsultationOptions> options)
{
    public const int ResumeCodeLength = 10;
    private const int MaxTokenLength = 128;

    public async Task<Draft?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = SecretHash.Of(token);
        var now = Now;
        return await db.Drafts.Include(d => d.Answers)
            .SingleOrDefaultAsync(d => d.TokenHash == hash && d.ExpiresAt > now, cancellationToken);
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
            ExpiresAt = options.Value.ClosesAt.ToUniversalTime(),
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
        draft.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveAboutYouAsync(Draft draft, AgeGroup? ageGroup, AnsweringAs? answeringAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.AgeGroup = ageGroup;
        draft.AnsweringAs = answeringAs;
        draft.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issues a new resume code for the draft. Any earlier code stops working.</summary>
    public async Task<string> CreateResumeCodeAsync(Draft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var code = ReferenceCode.Create(ResumeCodeLength);
        draft.ResumeCodeHash = SecretHash.Of(code);
        draft.UpdatedAt = Now;
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

        var hash = SecretHash.Of(code);
        var now = Now;
        var draft = await db.Drafts.Include(d => d.Answers)
            .SingleOrDefaultAsync(d => d.ResumeCodeHash == hash && d.ExpiresAt > now, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var token = SecretHash.NewToken();
        draft.TokenHash = SecretHash.Of(token);
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return (draft, token);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
