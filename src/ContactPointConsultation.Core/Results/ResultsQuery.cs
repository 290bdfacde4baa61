using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactPointConsultation.Core.Results;

public sealed record ChoiceCounts(int QuestionNumber, int Yes, int No, int NotSure, int NotAnswered);

public sealed record DayCount(DateOnly Day, int Responses);

public sealed record Results(int Responses, IReadOnlyList<ChoiceCounts> Questions, IReadOnlyList<DayCount> PerDay);

/// <summary>
/// The numbers behind the results page, each computed by the database as a count or a group, and kept
/// in memory until a response is added or removed, because checking whether anything changed costs
/// far less than counting again (measured in docs/adr/0012-benchmarks.md).
/// </summary>
public sealed class ResultsQuery(ConsultationDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    public async Task<Results> GetAsync(ResponseFilter filter, IEnumerable<int> questionNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var numbers = questionNumbers.ToList();
        // Any new response raises the highest id; any withdrawal or deletion lowers the count.
        var stamp = await db.Responses.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Highest = g.Max(r => r.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        var key = (typeof(ResultsQuery), filter, stamp?.Count ?? 0, stamp?.Highest ?? 0, string.Join(',', numbers));
        if (cache.TryGetValue(key, out Results? kept) && kept is not null)
        {
            return kept;
        }

        var results = await CountAsync(filter, numbers, cancellationToken);
        cache.Set(key, results, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor });
        return results;
    }

    private async Task<Results> CountAsync(ResponseFilter filter, List<int> questionNumbers, CancellationToken cancellationToken)
    {
        var responses = filter.Apply(db.Responses.AsNoTracking(), db.ContentVersions);
        var total = await responses.CountAsync(cancellationToken);
        var answers = db.ResponseAnswers.AsNoTracking().Where(a => a.Choice != null);
        if (filter.IsFiltered)
        {
            // "Id IN (the filtered responses)" lets SQLite build the set once and look answers up by it.
            var ids = responses.Select(r => r.Id);
            answers = answers.Where(a => ids.Contains(a.ResponseId));
        }

        // Unfiltered, every answer belongs to a response (the foreign key cascades), so the index on
        // question and choice answers the count alone.
        var counts = await answers
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
