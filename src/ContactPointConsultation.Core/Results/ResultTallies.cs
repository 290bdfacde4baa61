using System.Data;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Results;

/// <summary>
/// Keeps <see cref="ResultTally"/> rows true. A response is in them once the disclosure screen has read it
/// (<see cref="Response.ScreenedAt"/>), which is moments after it is sent: the screen adds it in the transaction
/// that marks it screened, a batch of hundreds at a time, so a send writes nothing to them at all; a withdrawal
/// takes a screened response away; and the retention sweep, which deletes responses in bulk, counts them again.
/// The few responses not yet screened are counted from themselves as the results are read
/// (<see cref="ResultsQuery"/>). So the results are summed from a few thousand rows however many responses
/// there are, and stay right on every web node without a cache to throw away (docs/adr/0022-result-tallies.md).
/// </summary>
public static class ResultTallies
{
    private static readonly string[] Keys = ["Day", "ContentVersionId", "AgeGroup", "AnsweringAs", "QuestionNumber", "Choice"];

    /// <summary>What one response adds to the tallies (or, with <paramref name="sign"/> -1, takes away).</summary>
    public static List<ResultTally> Of(
        DateTime submittedAt, int contentVersionId, AgeGroup? ageGroup, AnsweringAs? answeringAs, IEnumerable<(int QuestionNumber, Choice? Choice)> answers, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var kind = TallyKind.Of(submittedAt, contentVersionId, ageGroup, answeringAs);
        ResultTally Row(int question, Choice? choice) => new()
        {
            Day = kind.Day,
            ContentVersionId = kind.ContentVersionId,
            AgeGroup = kind.AgeGroup,
            AnsweringAs = kind.AnsweringAs,
            QuestionNumber = question,
            Choice = ResultTally.KeyOf(choice),
            Count = sign,
        };

        return [Row(ResultTally.ResponsesRow, null), .. answers.Where(a => a.Choice is not null).Select(a => Row(a.QuestionNumber, a.Choice))];
    }

    /// <summary>What these responses add to the tallies, read as the database holds them now (with <paramref name="sign"/> -1, what they take away).</summary>
    public static async Task<List<ResultTally>> ReadAsync(ConsultationDbContext db, IQueryable<Response> responses, int sign = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(responses);
        var rows = new List<ResultTally>();
        await foreach (var r in responses.AsNoTracking()
            .Select(r => new { r.SubmittedAt, r.ContentVersionId, r.AgeGroup, r.AnsweringAs }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.AddRange(Of(r.SubmittedAt, r.ContentVersionId, r.AgeGroup, r.AnsweringAs, [], sign));
        }

        await foreach (var a in (from answer in db.ResponseAnswers.AsNoTracking()
                                 where answer.Choice != null
                                 join response in responses on answer.ResponseId equals response.Id
                                 select new { response.SubmittedAt, response.ContentVersionId, response.AgeGroup, response.AnsweringAs, answer.QuestionNumber, answer.Choice })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.Add(Of(a.SubmittedAt, a.ContentVersionId, a.AgeGroup, a.AnsweringAs, [(a.QuestionNumber, a.Choice)], sign)[1]);
            if (rows.Count >= 100_000)
            {
                rows = Merge(rows);
            }
        }

        return rows;
    }

    /// <summary>Adds each row's count to the row with its key, creating it at that count if there is none, in the caller's transaction.</summary>
    public static Task AddAsync(ConsultationDbContext db, IEnumerable<ResultTally> rows, CancellationToken cancellationToken = default) =>
        TallyUpsert.AddAsync(db, "ResultTallies", Keys, ["Count"],
            Merge(rows).Select(r => new object[] { r.Day, r.ContentVersionId, r.AgeGroup, r.AnsweringAs, r.QuestionNumber, r.Choice, r.Count }), cancellationToken);

    /// <summary>
    /// Counts every screened response again into an empty tally, in the caller's transaction, which must keep
    /// other writers out until it commits (SQLite's single writer once this has written; serializable elsewhere).
    /// </summary>
    public static async Task RebuildAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The delete first: on SQLite it takes the write lock, so no screen commits between the count and the write.
        await db.ResultTallies.ExecuteDeleteAsync(cancellationToken);
        await AddAsync(db, await ReadAsync(db, db.Responses.Where(r => r.ScreenedAt != null), cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Counts the tallies again if they do not add up to the screened responses there are: a database from
    /// before the tallies, or responses written straight into it. Run as the portal starts, after the migrations.
    /// </summary>
    public static async Task<bool> EnsureAsync(ConsultationDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tallied = await db.ResultTallies.Where(t => t.QuestionNumber == ResultTally.ResponsesRow).SumAsync(t => (long)t.Count, cancellationToken);
        if (tallied == await db.Responses.LongCountAsync(r => r.ScreenedAt != null, cancellationToken))
        {
            return false;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await RebuildAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }

    /// <summary>One row for each key, with the counts of the rows that share it added up.</summary>
    private static List<ResultTally> Merge(IEnumerable<ResultTally> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var merged = new Dictionary<(DateOnly, int, string, string, int, string), ResultTally>();
        foreach (var row in rows)
        {
            var key = (row.Day, row.ContentVersionId, row.AgeGroup, row.AnsweringAs, row.QuestionNumber, row.Choice);
            if (merged.TryGetValue(key, out var kept))
            {
                kept.Count += row.Count;
            }
            else
            {
                merged[key] = new ResultTally
                {
                    Day = row.Day,
                    ContentVersionId = row.ContentVersionId,
                    AgeGroup = row.AgeGroup,
                    AnsweringAs = row.AnsweringAs,
                    QuestionNumber = row.QuestionNumber,
                    Choice = row.Choice,
                    Count = row.Count,
                };
            }
        }

        return [.. merged.Values];
    }
}
