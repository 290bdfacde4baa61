using System.Globalization;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Dates and numbers as GOV.UK writes them: "31 March 2027", "5,000". Times are UK time.</summary>
public static class Display
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateTime value) =>
        TimeZoneInfo.ConvertTimeFromUtc(value.ToUniversalTime(), UkTime).ToString("d MMMM yyyy", EnglishUk);

    /// <summary>"24 November 2026, 2:05pm", in UK time.</summary>
    public static string DateTime(DateTime value)
    {
        var uk = TimeZoneInfo.ConvertTimeFromUtc(value.ToUniversalTime(), UkTime);
        return uk.ToString("d MMMM yyyy, h:mm", EnglishUk) + (uk.Hour < 12 ? "am" : "pm");
    }

    public static string Number(int value) => value.ToString("N0", EnglishUk);
}
