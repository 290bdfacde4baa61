using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Results;

public sealed record ChoiceCounts(int QuestionNumber, int Yes, int No, int NotSure, int NotAnswered);

public sealed record DayCount(DateOnly Day, int Responses);

public sealed record Results(int Responses, IReadOnlyList<ChoiceCounts> Questions, IReadOnlyList<DayCount> PerDay);

/// <summary>
/// The numbers behind the results page, summed from the tallies (<see cref="ResultTallies"/>), which every
/// response is in once the disclosure screen has read it: two grouped sums over a few thousand rows, whether
/// there are a hundred responses or a million, and the same on every web node. The responses sent moments ago
/// and not yet screened are counted from themselves, found by the index of unscreened responses, in the same
/// snapshot, so a screen committing meanwhile neither counts them twice nor misses them. The tallies are not
/// kept by channel: with one chosen, the entered responses, which are few, are counted from themselves too.
/// </summary>
public sealed class ResultsQuery(ConsultationDbContext db)
{
    /// <remarks>
    /// The snapshot is a transaction, so it runs inside the database's execution strategy: SQL Server's, which
    /// retries failures, refuses a transaction begun outside it. A retry reads every count again.
    /// </remarks>
    public Task<Results> GetAsync(ResponseFilter filter, IEnumerable<int> questionNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IReadOnlyList<int> numbers = [.. questionNumbers];
        return db.Database.CreateExecutionStrategy().ExecuteAsync(() => GetOnceAsync(filter, numbers, cancellationToken));
    }

    private async Task<Results> GetOnceAsync(ResponseFilter filter, IReadOnlyList<int> questionNumbers, CancellationToken cancellationToken)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);

        // Counted from the tallies, unless one entered channel is chosen: the tallies are not kept by channel.
        var entered = db.Responses.Where(r => r.Channel != ResponseChannel.Online);
        var (fromTallies, fromRows) = filter.Channel switch
        {
            // Every response the screen has read is in the tallies; those not yet read are counted from themselves.
            null => (true, new[] { (Responses: db.Responses.Where(r => r.ScreenedAt == null), Sign: 1) }),

            // Online: the tallies, less the entered responses in them, which are few (hundreds, or a few thousand).
            ResponseChannel.Online => (true, [(db.Responses.Where(r => r.ScreenedAt == null), 1), (entered.Where(r => r.ScreenedAt != null), -1)]),

            // One entered channel: its responses alone, counted from themselves, found by the index of entered ones.
            _ => (false, [(entered, 1)]),
        };

        // The rows first: on SQL Server the rows read stay as they are until the end, so the screen cannot then
        // count one of them into the tallies read next.
        var days = new List<(DateOnly Day, int Count)>();
        var answers = new List<(int QuestionNumber, string Choice, int Count)>();
        foreach (var (responses, sign) in fromRows)
        {
            // Taken away, the entered responses in the tallies are every channel's but online: the channel is theirs.
            var (rowDays, rowAnswers) = await CountAsync((sign < 0 ? filter with { Channel = null } : filter).Apply(responses, db.ContentVersions), cancellationToken);
            days.AddRange(rowDays.Select(d => (d.Day, sign * d.Count)));
            answers.AddRange(rowAnswers.Select(a => (a.QuestionNumber, a.Choice, sign * a.Count)));
        }

        var tallies = filter.Tallies(db.ResultTallies.AsNoTracking(), db.ContentVersions);
        var counts = (fromTallies
                ? (await tallies
                    .GroupBy(t => new { t.QuestionNumber, t.Choice })
                    .Select(g => new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Sum(t => t.Count) })
                    .ToListAsync(cancellationToken))
                    .Select(c => (c.QuestionNumber, c.Choice, c.Count))
                : [])
            .Concat(answers)
            .Append((QuestionNumber: ResultTally.ResponsesRow, Choice: ResultTally.NotGiven, Count: days.Sum(d => d.Count)))
            .GroupBy(c => (c.QuestionNumber, c.Choice))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var perDay = (fromTallies
                ? (await tallies
                    .Where(t => t.QuestionNumber == ResultTally.ResponsesRow)
                    .GroupBy(t => t.Day)
                    .Select(g => new { Day = g.Key, Count = g.Sum(t => t.Count) })
                    .ToListAsync(cancellationToken))
                    .Select(d => (d.Day, d.Count))
                : [])
            .Concat(days)
            .GroupBy(d => d.Day)
            .Select(g => new DayCount(g.Key, g.Sum(d => d.Count)))
            .Where(d => d.Responses > 0)
            .OrderBy(d => d.Day)
            .ToList();

        int Count(int number, Choice? choice) => counts.GetValueOrDefault((number, ResultTally.KeyOf(choice)));
        var total = Count(ResultTally.ResponsesRow, null);
        var questions = questionNumbers.Select(n =>
        {
            int yes = Count(n, Choice.Yes), no = Count(n, Choice.No), notSure = Count(n, Choice.NotSure);
            return new ChoiceCounts(n, yes, no, notSure, total - yes - no - notSure);
        }).ToList();
        return new Results(total, questions, perDay);
    }

    /// <summary>
    /// How many of the <paramref name="total"/> responses the filter covers arrived each way: the entered ones
    /// counted from their own index, few as they are, and online the rest.
    /// </summary>
    public async Task<IReadOnlyList<(ResponseChannel Channel, int Count)>> ByChannelAsync(ResponseFilter filter, int total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entered = (await filter.Apply(db.Responses.Where(r => r.Channel != ResponseChannel.Online), db.ContentVersions)
                .GroupBy(r => r.Channel)
                .Select(g => new { Channel = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Channel, c => c.Count);
        return [.. Enum.GetValues<ResponseChannel>().Select(c => (c, c == ResponseChannel.Online ? total - entered.Values.Sum() : entered.GetValueOrDefault(c)))];
    }

    /// <summary>
    /// The responses counted from themselves, by the database: their answers grouped, and only their times read
    /// back, for their UK days. A join, not EXISTS: SQLite then starts from the responses' index (of the unscreened,
    /// or of the entered) and finds each one's answers by key; with EXISTS it read every answer there is (4.4 s a
    /// view at 100,000 responses).
    /// </summary>
    private async Task<(List<(DateOnly Day, int Count)> Days, List<(int QuestionNumber, string Choice, int Count)> Answers)> CountAsync(IQueryable<Response> responses, CancellationToken cancellationToken)
    {
        var days = (await responses.Select(r => r.SubmittedAt).ToListAsync(cancellationToken))
            .GroupBy(UkTime.DayOf)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        var answers = (await (from response in responses
                              join answer in db.ResponseAnswers on response.Id equals answer.ResponseId
                              where answer.Choice != null
                              group answer by new { answer.QuestionNumber, answer.Choice } into g
                              select new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(a => (a.QuestionNumber, ResultTally.KeyOf(a.Choice), a.Count))
            .ToList();
        return (days, answers);
    }
}
