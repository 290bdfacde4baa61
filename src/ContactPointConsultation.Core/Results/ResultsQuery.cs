using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Results;

public sealed record ChoiceCounts(int QuestionNumber, int Yes, int No, int NotSure, int NotAnswered);

public sealed record DayCount(DateOnly Day, int Responses);

public sealed record Results(int Responses, IReadOnlyList<ChoiceCounts> Questions, IReadOnlyList<DayCount> PerDay);

/// <summary>The numbers behind the results page, each computed by the database as a count or a group.</summary>
public sealed class ResultsQuery(ConsultationDbContext db)
{
    public async Task<Results> GetAsync(ResponseFilter filter, IEnumerable<int> questionNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var responses = filter.Apply(db.Responses.AsNoTracking(), db.ContentVersions);
        var total = await responses.CountAsync(cancellationToken);
        var counts = await db.ResponseAnswers.AsNoTracking()
            .Where(a => a.Choice != null && responses.Any(r => r.Id == a.ResponseId))
            .GroupBy(a => new { a.QuestionNumber, a.Choice })
            .Select(g => new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perDay = await responses
            .GroupBy(r => r.SubmittedAt.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .OrderBy(g => g.Day)
            .ToListAsync(cancellationToken);

        int Count(int number, Choice choice) => counts.Find(c => c.QuestionNumber == number && c.Choice == choice)?.Count ?? 0;
        var questions = questionNumbers.Select(n =>
        {
            int yes = Count(n, Choice.Yes), no = Count(n, Choice.No), notSure = Count(n, Choice.NotSure);
            return new ChoiceCounts(n, yes, no, notSure, total - yes - no - notSure);
        }).ToList();
        return new Results(total, questions, perDay.Select(d => new DayCount(DateOnly.FromDateTime(d.Day), d.Count)).ToList());
    }
}
