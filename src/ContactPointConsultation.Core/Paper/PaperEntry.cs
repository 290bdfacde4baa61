using System.Security.Cryptography;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    IReadOnlyList<EnteredAnswer> Answers)
{
    /// <summary>Why this is a different response from one already entered that it looks like; null to be warned instead.</summary>
    public string? DuplicateReason { get; init; }
}

public enum EntryOutcome
{
    /// <summary>Stored, with a new reference.</summary>
    Saved,

    /// <summary>This page was saved before: nothing more was stored.</summary>
    AlreadySaved,

    /// <summary>Nothing was stored, because a response already entered in the same batch says the same.</summary>
    LooksLikeOneEntered,
}

/// <param name="Reference">
/// The new response's reference, to write on the paper; or, if this page was saved already, the earlier one's;
/// or the reference of the response it looks like.
/// </param>
public sealed record EntryResult(string Reference, EntryOutcome Outcome);

/// <summary>
/// Stores a response staff typed in, as a send stores one sent online: in <see cref="GroupCommit"/>'s single
/// writer, and screened for a disclosure of harm just after (<see cref="ResponseScreening"/>), its comments
/// withheld until then and its answers added to the results' tallies then. It records its channel, the day it was
/// received, its batch and who entered it, and the entry is audited.
/// <para>
/// A response with the same ticks, words and About you as one already entered in the same batch is not stored
/// unless a reason is given: it is probably the same form typed in twice. The check is in the writer, and the
/// database's unique index of <see cref="Response.EntryDigest"/> holds it across web nodes.
/// </para>
/// </summary>
public sealed class PaperEntry(GroupCommit writes, IDbContextFactory<ConsultationDbContext> dbFactory, ScreeningSignal screening, IOptions<PaperOptions> options, TimeProvider clock)
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

        if (!entry.Answers.Any(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments)))
        {
            throw new ArgumentException("An entered response has at least one answer or comment.", nameof(entry));
        }

        var digest = EntryDigest.Of(entry);
        var reason = string.IsNullOrWhiteSpace(entry.DuplicateReason) ? null : entry.DuplicateReason.Trim();
        EntryResult result;
        try
        {
            result = await writes.RunAsync(async db =>
                await EarlierAsync(db, entry.EntryKey, reason is null ? digest : null) ?? await AddAsync(db, entry, digest, reason, enteredBy));
        }
        catch (DbUpdateException)
        {
            // Another web node stored the same page, or one that looks the same, between this one's look and its
            // insert, and the unique index turned this one away: say which, as if it had been seen first.
            await using var db = await dbFactory.CreateDbContextAsync();
            var earlier = await EarlierAsync(db, entry.EntryKey, reason is null ? digest : null);
            if (earlier is null)
            {
                throw;
            }

            result = earlier;
        }

        if (result.Outcome == EntryOutcome.Saved)
        {
            screening.ResponseSent();
        }

        return result;
    }

    /// <summary>
    /// The response this page stored already, by its key; or else, with a digest, one entered before that says
    /// the same. The writer runs one write at a time, so one saved by a double click is committed, or in this
    /// batch, before this looks.
    /// </summary>
    private static async Task<EntryResult?> EarlierAsync(ConsultationDbContext db, Guid entryKey, string? digest)
    {
        var saved = await db.Responses.Where(r => r.SubmissionKey == entryKey).Select(r => r.Reference).SingleOrDefaultAsync();
        if (saved is not null)
        {
            return new EntryResult(saved, EntryOutcome.AlreadySaved);
        }

        var lookalike = digest is null
            ? null
            : await db.Responses.Saying(digest).Select(r => r.Reference).SingleOrDefaultAsync();
        return lookalike is null ? null : new EntryResult(lookalike, EntryOutcome.LooksLikeOneEntered);
    }

    private async Task<EntryResult> AddAsync(ConsultationDbContext db, EnteredResponse entry, string digest, string? reason, string enteredBy)
    {
        // A reason is kept only when there was a lookalike to give it for; without one, this response is the one
        // a later lookalike is checked against.
        var lookedLike = reason is null ? null : await db.Responses.Saying(digest).Select(r => r.Reference).SingleOrDefaultAsync();
        reason = lookedLike is null ? null : reason;
        var reference = ReferenceCode.Create();
        for (var attempt = 1; attempt < MaxReferenceAttempts && await db.Responses.AnyAsync(r => r.Reference == reference); attempt++)
        {
            reference = ReferenceCode.Create();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var response = NewResponse(entry, reference, digest, reason, enteredBy, now);
        db.Responses.Add(response);

        // Who entered it is on the response; the audit row says when, and holds none of what it says. A lookalike
        // saved anyway names the one it looked like, and why it is different.
        new AuditLog(db, clock).Add(enteredBy, AuditActions.ResponseEntered, reference, new { entry.Channel, entry.ReceivedOn, entry.Batch, LookedLike = lookedLike, DuplicateReason = reason });
        await db.SaveChangesAsync();

        // Drawn for a second person to key again, in the same transaction: a check is never lost, nor made twice.
        if (DrawForCheck(db, response, options.Value, now))
        {
            await db.SaveChangesAsync();
        }

        return new EntryResult(reference, EntryOutcome.Saved);
    }

    /// <summary>An entered response as stored: its answers only where something was ticked or written.</summary>
    internal static Response NewResponse(EnteredResponse entry, string reference, string digest, string? reason, string enteredBy, DateTime now) => new()
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
        EntryDigest = digest,
        DuplicateReason = reason,
        Answers = [.. entry.Answers.Where(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments)).Select(a => new ResponseAnswer
        {
            QuestionNumber = a.QuestionNumber,
            Choice = a.Choice,
            Comments = string.IsNullOrWhiteSpace(a.Comments) ? null : a.Comments,
        })],
    };

    /// <summary>Draws a saved response, by chance, for a second person to key again: true if it was drawn and its check added.</summary>
    internal static bool DrawForCheck(ConsultationDbContext db, Response response, PaperOptions options, DateTime now)
    {
        if (RandomNumberGenerator.GetInt32(100) >= options.VerifyPercent)
        {
            return false;
        }

        db.PaperChecks.Add(new PaperCheck { ResponseId = response.Id, EnteredBy = response.EnteredBy!, QueuedAt = now, Status = PaperCheckStatus.Waiting });
        return true;
    }
}
