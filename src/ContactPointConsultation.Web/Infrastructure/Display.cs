using System.Globalization;
using ContactPointConsultation.Core;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Dates and numbers as GOV.UK writes them: "31 March 2027", "5,000". Times are UK time.</summary>
public static class Display
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTime value) =>
        UkTime.FromUtc(value).ToString("d MMMM yyyy", EnglishUk);

    /// <summary>A day already in UK terms, such as the day a paper response was received.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", EnglishUk);

    /// <summary>"24 November 2026, 2:05pm", in UK time.</summary>
    public static string DateTime(DateTime value)
    {
        var uk = UkTime.FromUtc(value);
        return uk.ToString("d MMMM yyyy, h:mm", EnglishUk) + (uk.Hour < 12 ? "am" : "pm");
    }

    public static string Number(int value) => value.ToString("N0", EnglishUk);

    /// <summary>The text with its first letter a capital, for a message that is also used mid-sentence.</summary>
    public static string Sentence(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpper(text[0], EnglishUk) + text[1..];

    /// <summary>How long ago, in whole hours under two days and whole days after: "less than an hour", "1 hour", "3 days".</summary>
    public static string Age(TimeSpan age) => age.TotalHours switch
    {
        < 1 => "less than an hour",
        < 2 => "1 hour",
        < 48 => $"{(int)age.TotalHours} hours",
        _ => $"{(int)age.TotalDays} days",
    };
}
