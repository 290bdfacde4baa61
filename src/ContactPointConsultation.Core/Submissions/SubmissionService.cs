using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Submissions;

public enum SubmissionOutcome
{
    Sent,
    AlreadySent,
    NothingToSend,
    DraftNotFound,
}

public sealed record SubmissionResult(SubmissionOutcome Outcome, string? Reference = null);

/// <summary>
/// Turns a draft into a response exactly once. The draft's submission key is unique among responses,
/// so a double-click, a resubmit after Back, or two requests racing all end on the same reference.
/// </summary>
public sealed class SubmissionService(ConsultationDbContext db, TimeProvider clock)
{
    private const int MaxReferenceAttempts = 3;

    public async Task<SubmissionResult> SubmitAsync(Draft? draft, Guid submissionKey, CancellationToken cancellationToken = default)
    {
        if (await FindReferenceAsync(submissionKey, cancellationToken) is { } earlier)
        {
            return new SubmissionResult(SubmissionOutcome.AlreadySent, earlier);
        }

        if (draft is null || draft.SubmissionKey != submissionKey)
        {
            return new SubmissionResult(SubmissionOutcome.DraftNotFound);
        }

        if (!HasSomethingToSend(draft))
        {
            return new SubmissionResult(SubmissionOutcome.NothingToSend);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = ToResponse(draft);
            db.Responses.Add(response);
            db.Drafts.Remove(draft);
            try
            {
                // One SaveChanges is one transaction: the response, its answers and the draft's removal
                // are stored together or not at all.
                await db.SaveChangesAsync(cancellationToken);
                return new SubmissionResult(SubmissionOutcome.Sent, response.Reference);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await FindReferenceAsync(submissionKey, cancellationToken) is { } raced)
                {
                    return new SubmissionResult(SubmissionOutcome.AlreadySent, raced);
                }

                if (attempt == MaxReferenceAttempts)
                {
                    throw;
                }

                // Otherwise the random reference clashed with an existing one: try another.
            }
        }
    }

    public static bool HasSomethingToSend(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Answers.Exists(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments));
    }

    private Task<string?> FindReferenceAsync(Guid submissionKey, CancellationToken cancellationToken) =>
        db.Responses.Where(r => r.SubmissionKey == submissionKey).Select(r => r.Reference).SingleOrDefaultAsync(cancellationToken);

    private Response ToResponse(Draft draft) => new()
    {
        Reference = ReferenceCode.Create(),
        SubmissionKey = draft.SubmissionKey,
        ContentVersionId = draft.ContentVersionId,
        AgeGroup = draft.AgeGroup,
        AnsweringAs = draft.AnsweringAs,
        SubmittedAt = clock.GetUtcNow().UtcDateTime,
        Answers = draft.Answers
            .Where(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments))
            .Select(a => new ResponseAnswer { QuestionNumber = a.QuestionNumber, Choice = a.Choice, Comments = a.Comments })
            .ToList(),
    };
}
