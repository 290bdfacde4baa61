using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Paper;

/// <summary>One question of a response as typed in: what was ticked, and the comment as written.</summary>
public sealed record EnteredAnswer(int QuestionNumber, Choice? Choice, string? Comments);

/// <summary>
/// A response typed in from paper, an email, a letter or an event, checked already. <see cref="EntryKey"/> is
/// made when the entry page is shown, so saving the same page twice stores it once.
/// </summary>
public sealed record EnteredResponse(
    Guid EntryKey,
    ResponseChannel Channel,
    DateOnly ReceivedOn,
    string? Batch,
    int ContentVersionId,
    AgeGroup? AgeGroup,
    AnsweringAs? AnsweringAs,
    IReadOnlyList<EnteredAnswer> Answers);

/// <param name="Reference">The new response's reference, to write on the paper; or the earlier one's, if this page was saved already.</param>
public sealed record EntryResult(string Reference, bool AlreadyEntered);

/// <summary>
/// Stores a response staff typed in, as a send stores one sent online: in <see cref="GroupCommit"/>'s single
/// writer, and screened for a disclosure of harm just after (<see cref="ResponseScreening"/>), its comments
/// withheld until then and its answers added to the results' tallies then. It records its channel, the day it was
/// received, its batch and who entered it, and the entry is audited.
/// </summary>
public sealed class PaperEntry(GroupCommit writes, ScreeningSignal screening, TimeProvider clock)
{
    private const int MaxReferenceAttempts = 3;

    public async Task<EntryResult> EnterAsync(EnteredResponse entry, string enteredBy)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(enteredBy);
        if (entry.Channel == ResponseChannel.Online)
        {
            throw new ArgumentException("An entered response came some other way than online.", nameof(entry));
        }

        var answers = entry.Answers.Where(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments)).ToList();
        if (answers.Count == 0)
        {
            throw new ArgumentException("An entered response has at least one answer or comment.", nameof(entry));
        }

        var result = await writes.RunAsync(async db =>
        {
            // A second Save of the same page, or a double click: the writer runs one write at a time, so the
            // first is committed, or in this batch, before this looks.
            var earlier = await db.Responses.Where(r => r.SubmissionKey == entry.EntryKey).Select(r => r.Reference).SingleOrDefaultAsync();
            if (earlier is not null)
            {
                return new EntryResult(earlier, AlreadyEntered: true);
            }

            var reference = ReferenceCode.Create();
            for (var attempt = 1; attempt < MaxReferenceAttempts && await db.Responses.AnyAsync(r => r.Reference == reference); attempt++)
            {
                reference = ReferenceCode.Create();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Responses.Add(new Response
            {
                Reference = reference,
                SubmissionKey = entry.EntryKey,
                ContentVersionId = entry.ContentVersionId,
                AgeGroup = entry.AgeGroup,
                AnsweringAs = entry.AnsweringAs,
                SubmittedAt = now,
                Channel = entry.Channel,
                ReceivedOn = entry.ReceivedOn,
                Batch = string.IsNullOrWhiteSpace(entry.Batch) ? null : entry.Batch.Trim(),
                EnteredBy = enteredBy,
                Answers = [.. answers.Select(a => new ResponseAnswer
                {
                    QuestionNumber = a.QuestionNumber,
                    Choice = a.Choice,
                    Comments = string.IsNullOrWhiteSpace(a.Comments) ? null : a.Comments,
                })],
            });

            // Who entered it is on the response; the audit row says when, and holds none of what it says.
            new AuditLog(db, clock).Add(enteredBy, AuditActions.ResponseEntered, reference, new { entry.Channel, entry.ReceivedOn, entry.Batch });
            await db.SaveChangesAsync();
            return new EntryResult(reference, AlreadyEntered: false);
        });

        if (!result.AlreadyEntered)
        {
            screening.ResponseSent();
        }

        return result;
    }
}
