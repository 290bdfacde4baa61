namespace ContactPointConsultation.Core.Outcomes;

/// <summary>
/// The Government's consultation principles ask for the response to be published within 12 weeks of the
/// consultation closing. Counted in UK calendar days from the day it closed.
/// </summary>
/// <param name="ClosedOn">The UK day the consultation closed.</param>
/// <param name="DueBy">The last UK day to publish on.</param>
/// <param name="DaysLeft">Days from today to <paramref name="DueBy"/>: 0 on the day itself, negative once it has passed.</param>
public sealed record OutcomeClock(DateOnly ClosedOn, DateOnly DueBy, int DaysLeft)
{
    public bool IsOverdue => DaysLeft < 0;

    /// <summary>Null while the consultation is open: the clock starts when it closes.</summary>
    public static OutcomeClock? At(DateTime closesAtUtc, DateTimeOffset now)
    {
        if (now.UtcDateTime < closesAtUtc)
        {
            return null;
        }

        var closedOn = UkTime.DayOf(closesAtUtc);
        var dueBy = closedOn.AddDays(7 * OutcomeLimits.WeeksToPublish);
        return new OutcomeClock(closedOn, dueBy, dueBy.DayNumber - UkTime.DayOf(now.UtcDateTime).DayNumber);
    }
}
