using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Results;

/// <summary>
/// Which responses a results view or download covers. Dates are UK calendar days, inclusive.
/// An empty filter covers every response.
/// </summary>
public sealed record ResponseFilter(DateOnly? From, DateOnly? To, AgeGroup? AgeGroup, AnsweringAs? AnsweringAs, int? VersionNumber)
{
    public static readonly ResponseFilter None = new(null, null, null, null, null);

    /// <summary>
    /// How the responses arrived. The tallies are not kept by channel, so <see cref="Tallies{T}"/> leaves it out and
    /// <see cref="ResultsQuery"/> counts the few entered responses from themselves instead.
    /// </summary>
    public ResponseChannel? Channel { get; init; }

    public bool IsFiltered => this != None;

    public IQueryable<Response> Apply(IQueryable<Response> responses, IQueryable<ContentVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(versions);
        if (From is { } from)
        {
            var start = UkTime.StartOfDay(from);
            responses = responses.Where(r => r.SubmittedAt >= start);
        }

        if (To is { } to)
        {
            var end = UkTime.StartOfDay(to.AddDays(1));
            responses = responses.Where(r => r.SubmittedAt < end);
        }

        if (AgeGroup is { } age)
        {
            responses = responses.Where(r => r.AgeGroup == age);
        }

        if (AnsweringAs is { } answeringAs)
        {
            responses = responses.Where(r => r.AnsweringAs == answeringAs);
        }

        if (VersionNumber is { } number)
        {
            responses = responses.Where(r => versions.Any(v => v.Id == r.ContentVersionId && v.Number == number));
        }

        if (Channel is { } channel)
        {
            responses = responses.Where(r => r.Channel == channel);
        }

        return responses;
    }

    /// <summary>
    /// The tally rows of the responses the filter covers, but for <see cref="Channel"/>, which the tallies do not
    /// keep. The tallies' days are UK days, as the filter's are, so this is otherwise exactly <see cref="Apply"/>
    /// for the counts summed from them.
    /// </summary>
    public IQueryable<T> Tallies<T>(IQueryable<T> tallies, IQueryable<ContentVersion> versions)
        where T : class, ITallied
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(versions);
        if (From is { } from)
        {
            tallies = tallies.Where(t => t.Day >= from);
        }

        if (To is { } to)
        {
            tallies = tallies.Where(t => t.Day <= to);
        }

        if (AgeGroup is { } age)
        {
            var key = ResultTally.KeyOf(age);
            tallies = tallies.Where(t => t.AgeGroup == key);
        }

        if (AnsweringAs is { } answeringAs)
        {
            var key = ResultTally.KeyOf(answeringAs);
            tallies = tallies.Where(t => t.AnsweringAs == key);
        }

        if (VersionNumber is { } number)
        {
            tallies = tallies.Where(t => versions.Any(v => v.Id == t.ContentVersionId && v.Number == number));
        }

        return tallies;
    }
}
