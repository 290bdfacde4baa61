using System.Globalization;

namespace ContactPointConsultation.Web.Features.Shared;

/// <summary>The boxes of a date input.</summary>
[Flags]
public enum DateBoxes
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// What was typed into a GOV.UK date input's day, month and year boxes, kept as typed so the page can
/// show it again. Only years from 2000 to 2100 count: the consultation's dates are in that range, and it
/// keeps "the day after" far from DateOnly's limits.
/// </summary>
public sealed record DateParts(string? Day, string? Month, string? Year)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static readonly DateParts Empty = new(null, null, null);

    public bool IsEmpty => Missing == DateBoxes.All;

    public DateOnly? Date => Wrong == DateBoxes.None ? new DateOnly(Number(Year)!.Value, Number(Month)!.Value, Number(Day)!.Value) : null;

    /// <summary>The boxes at fault: the missing ones, else any that cannot be right, else the day (31 February).</summary>
    public DateBoxes Wrong
    {
        get
        {
            if (Missing != DateBoxes.None)
            {
                return Missing;
            }

            int? day = Number(Day), month = Number(Month), year = Number(Year);
            var wrong = (day is >= 1 and <= 31 ? DateBoxes.None : DateBoxes.Day)
                | (month is >= 1 and <= 12 ? DateBoxes.None : DateBoxes.Month)
                | (year is >= FirstYear and <= LastYear ? DateBoxes.None : DateBoxes.Year);
            return wrong != DateBoxes.None || day <= DateTime.DaysInMonth(year!.Value, month!.Value) ? wrong : DateBoxes.Day;
        }
    }

    /// <summary>What is wrong, in the GOV.UK pattern's words ("Date from must include a month"); null for a real date.</summary>
    /// <param name="subject">The date's name as a sentence starts it: "Date from", "The closing date".</param>
    public string? Problem(string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var missing = Names(Missing);
        return Wrong == DateBoxes.None ? null : missing.Count switch
        {
            3 => $"Enter {char.ToLowerInvariant(subject[0])}{subject[1..]}",
            2 => $"{subject} must include a {missing[0]} and {missing[1]}",
            1 => $"{subject} must include a {missing[0]}",
            _ => $"{subject} must be a real date",
        };
    }

    /// <summary>The model state key for an error in this date: its first box at fault, as the date input reads it.</summary>
    public string ErrorKey(string key) =>
        (Wrong & DateBoxes.Day) != 0 || Wrong == DateBoxes.None ? key
        : (Wrong & DateBoxes.Month) != 0 ? key + ":month"
        : key + ":year";

    private DateBoxes Missing =>
        (string.IsNullOrWhiteSpace(Day) ? DateBoxes.Day : DateBoxes.None)
        | (string.IsNullOrWhiteSpace(Month) ? DateBoxes.Month : DateBoxes.None)
        | (string.IsNullOrWhiteSpace(Year) ? DateBoxes.Year : DateBoxes.None);

    private static List<string> Names(DateBoxes boxes) =>
        [.. new[] { (DateBoxes.Day, "day"), (DateBoxes.Month, "month"), (DateBoxes.Year, "year") }
            .Where(box => (boxes & box.Item1) != 0)
            .Select(box => box.Item2)];

    // Digits only, so "-1", "1e3" and "½" are not numbers; too many digits fail to parse rather than overflow.
    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
