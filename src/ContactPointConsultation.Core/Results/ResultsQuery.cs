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
/// snapshot, so a screen committing meanwhile neither counts them twice nor misses them.
/// </summary>
public sealed class ResultsQuery(ConsultationDbContext db)
{
    public async Task<Results> GetAsync(ResponseFilter filter, IEnumerable<int> questionNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);

        // The unscreened first: on SQL Server the rows read stay as they are until the end, so the screen cannot
        // then count one of them into the tallies read next. They are counted by the database, answers grouped,
        // and only their times come back, for their UK days: while responses keep arriving the screen waits up to
        // 30 s for a lull, so there can be hundreds.
        var unscreened = filter.Apply(db.Responses.Where(r => r.ScreenedAt == null), db.ContentVersions);
        var unscreenedDays = (await unscreened.Select(r => r.SubmittedAt).ToListAsync(cancellationToken))
            .GroupBy(UkTime.DayOf)
            .Select(g => (Day: g.Key, Count: g.Count()))
            .ToList();
        // A join, not EXISTS: SQLite then starts from the index of unscreened responses and finds each one's
        // answers by key; with EXISTS it read every answer there is (4.4 s a view at 100,000 responses).
        var unscreenedAnswers = await (from response in unscreened
                                       join answer in db.ResponseAnswers on response.Id equals answer.ResponseId
                                       where answer.Choice != null
                                       group answer by new { answer.QuestionNumber, answer.Choice } into g
                                       select new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var tallies = filter.Tallies(db.ResultTallies.AsNoTracking(), db.ContentVersions);
        var counts = (await tallies
            .GroupBy(t => new { t.QuestionNumber, t.Choice })
            .Select(g => new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken))
            .Select(c => (c.QuestionNumber, c.Choice, c.Count))
            .Concat(unscreenedAnswers.Select(a => (a.QuestionNumber, Choice: ResultTally.KeyOf(a.Choice), a.Count)))
            .Append((QuestionNumber: ResultTally.ResponsesRow, Choice: ResultTally.NotGiven, Count: unscreenedDays.Sum(d => d.Count)))
            .GroupBy(c => (c.QuestionNumber, c.Choice))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var perDay = (await tallies
            .Where(t => t.QuestionNumber == ResultTally.ResponsesRow)
            .GroupBy(t => t.Day)
            .Select(g => new { Day = g.Key, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken))
            .Select(d => (d.Day, d.Count))
            .Concat(unscreenedDays)
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
}
