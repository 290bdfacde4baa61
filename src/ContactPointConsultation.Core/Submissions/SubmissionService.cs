using System.Globalization;
using System.Text;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
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
/// and the response is written in the same transaction that deletes the draft, so a double-click, a
/// resubmit after Back, or two requests racing all end on the same reference.
/// <para>
/// This is the busiest write in a consultation, and it runs in <see cref="GroupCommit"/>'s single
/// writer, so it bypasses EF's change tracker (docs/adr/0013-group-commit.md): a typed set-based
/// delete, and SQL only for the two inserts, the same on SQLite and SQL Server.
/// </para>
/// <para>
/// The send does not screen its comments for a disclosure of harm: <see cref="ResponseScreening"/> does, just
/// after, woken here once the response is committed. Until then its comments are withheld from staff, and it is
/// counted in the results from itself rather than from the tallies, which the screen adds it to
/// (<see cref="ResultTallies"/>).
/// </para>
/// </summary>
public sealed class SubmissionService(GroupCommit writes, ScreeningSignal screening, TimeProvider clock)
{
    private const int MaxReferenceAttempts = 3;
    private const string OnlineChannel = nameof(ResponseChannel.Online);

    private static readonly PerModel<Func<ConsultationDbContext, Guid, Task<string?>>> ReferenceOf = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, Guid submissionKey) =>
            db.Responses.Where(r => r.SubmissionKey == submissionKey).Select(r => r.Reference).SingleOrDefault()));

    private static readonly PerModel<Func<ConsultationDbContext, string, Task<bool>>> ReferenceTaken = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, string reference) => db.Responses.Any(r => r.Reference == reference)));

    /// <summary>Sends the draft as the page read it, moments ago, if it has not been sent already.</summary>
    /// <remarks>
    /// The draft and its answers are two reads, and another tab's send can commit between them: the
    /// draft is then read with no answers although they were sent. So "nothing to send" is decided
    /// only here, in the writer, after every earlier send has committed, and only once the key shows
    /// the draft has not been sent already.
    /// </remarks>
    public async Task<SubmissionResult> SubmitAsync(Draft? draft, Guid submissionKey)
    {
        var result = await writes.RunAsync(async db =>
        {
            var ours = draft is not null && draft.SubmissionKey == submissionKey;
            if (!ours || !HasSomethingToSend(draft!) || !await DeleteDraftAsync(db, draft!))
            {
                if (await ReferenceOf.For(db)(db, submissionKey) is { } earlier)
                {
                    return new SubmissionResult(SubmissionOutcome.AlreadySent, earlier);
                }

                return ours && !HasSomethingToSend(draft!)
                    ? new SubmissionResult(SubmissionOutcome.NothingToSend)
                    : new SubmissionResult(SubmissionOutcome.DraftNotFound);
            }

            // The reference is checked free here, in the only writer, rather than by catching the insert's
            // failure: after some failures the database has already rolled the transaction back.
            var reference = ReferenceCode.Create();
            for (var attempt = 1; attempt < MaxReferenceAttempts && await ReferenceTaken.For(db)(db, reference); attempt++)
            {
                reference = ReferenceCode.Create();
            }

            await InsertAsync(db, draft!, reference, clock.GetUtcNow().UtcDateTime);
            return new SubmissionResult(SubmissionOutcome.Sent, reference);
        });

        if (result.Outcome == SubmissionOutcome.Sent)
        {
            screening.ResponseSent();
        }

        return result;
    }

    /// <summary>
    /// The draft goes in the same transaction as the response is written, so while it is there it has
    /// not been sent; once it has gone, the key says whether it was sent, and as what. A SQL Server with
    /// NOCOUNT on reports no row count, so then the key is asked directly.
    /// </summary>
    private static async Task<bool> DeleteDraftAsync(ConsultationDbContext db, Draft draft)
    {
        var deleted = await db.Drafts.Where(d => d.Id == draft.Id && d.SubmissionKey == draft.SubmissionKey).ExecuteDeleteAsync();
        return deleted > 0 || (deleted < 0 && await ReferenceOf.For(db)(db, draft.SubmissionKey) is null);
    }

    public static bool HasSomethingToSend(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Answers.Exists(HasSomething);
    }

    private static bool HasSomething(DraftAnswer answer) => answer.Choice is not null || !string.IsNullOrWhiteSpace(answer.Comments);

    private static async Task InsertAsync(ConsultationDbContext db, Draft draft, string reference, DateTime now)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Responses" ("Reference", "SubmissionKey", "ContentVersionId", "AgeGroup", "AnsweringAs", "SubmittedAt", "Channel")
            VALUES ({reference}, {draft.SubmissionKey}, {draft.ContentVersionId}, {draft.AgeGroup?.ToString()}, {draft.AnsweringAs?.ToString()}, {now}, {OnlineChannel})
            """);

        // One statement for all the answers, each finding its response by the unique reference.
        var answers = draft.Answers.Where(HasSomething).ToList();
        var sql = new StringBuilder("""INSERT INTO "ResponseAnswers" ("ResponseId", "QuestionNumber", "Choice", "Comments") VALUES """);
        var values = new List<object?> { reference };
        foreach (var answer in answers)
        {
            sql.Append(values.Count == 1 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $$"""((SELECT "Id" FROM "Responses" WHERE "Reference" = {0}), {{{values.Count}}}, {{{values.Count + 1}}}, {{{values.Count + 2}}})""");
            values.AddRange([answer.QuestionNumber, answer.Choice?.ToString(), answer.Comments]);
        }

        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!);
    }
}
