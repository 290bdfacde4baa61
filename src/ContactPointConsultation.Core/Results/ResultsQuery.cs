using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Results;

public sealed record ChoiceCounts(int QuestionNumber, int Yes, int No, int NotSure, int NotAnswered);

public sealed record DayCount(DateOnly Day, int Responses);

public sealed record Results(int Responses, IReadOnlyList<ChoiceCounts> Questions, IReadOnlyList<DayCount> PerDay);

/// <summary>
/// The numbers behind the results page, summed from the tallies that every send, withdrawal and deletion
/// keeps up to date (<see cref="ResultTallies"/>): two grouped sums over a few thousand rows, whether there
/// are a hundred responses or a million, and the same on every web node.
/// </summary>
public sealed class ResultsQuery(ConsultationDbContext db)
{
    public async Task<Results> GetAsync(ResponseFilter filter, IEnumerable<int> questionNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tallies = filter.Tallies(db.ResultTallies.AsNoTracking(), db.ContentVersions);
        var counts = await tallies
            .GroupBy(t => new { t.QuestionNumber, t.Choice })
            .Select(g => new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        var perDay = await tallies
            .Where(t => t.QuestionNumber == ResultTally.ResponsesRow)
            .GroupBy(t => t.Day)
            .Select(g => new { Day = g.Key, Count = g.Sum(t => t.Count) })
            .Where(d => d.Count > 0)
            .OrderBy(d => d.Day)
            .ToListAsync(cancellationToken);

        int Count(int number, Choice? choice) =>
            counts.Find(c => c.QuestionNumber == number && c.Choice == ResultTally.KeyOf(choice))?.Count ?? 0;
        var total = Count(ResultTally.ResponsesRow, null);
        var questions = questionNumbers.Select(n =>
        {
            int yes = Count(n, Choice.Yes), no = Count(n, Choice.No), notSure = Count(n, Choice.NotSure);
            return new ChoiceCounts(n, yes, no, notSure, total - yes - no - notSure);
        }).ToList();
        return new Results(total, questions, perDay.Select(d => new DayCount(d.Day, d.Count)).ToList());
    }
}
