namespace ContactPointConsultation.Core;

/// <summary>
/// The consultation runs on UK time (GMT or BST), whatever the server's own zone: its calendar days,
/// the days it opens and closes, and every date and time shown. Times are stored in UTC.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc.ToUniversalTime(), Zone);

    /// <summary>The UK calendar day a time in UTC falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>When the UK day begins, in UTC.</summary>
    public static DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>The last second of the UK day, in UTC: the consultation closes at 23:59:59 on its closing day.</summary>
    public static DateTime EndOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)), Zone);

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));
    }
}
