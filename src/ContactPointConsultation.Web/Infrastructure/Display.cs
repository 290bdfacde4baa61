using System.Globalization;
using ContactPointConsultation.Core;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Dates and numbers as GOV.UK writes them: "31 March 2027", "5,000". Times are UK time.</summary>
public static class Display
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTime value) =>
        UkTime.FromUtc(value).ToString("d MMMM yyyy", EnglishUk);

    /// <summary>"24 November 2026, 2:05pm", in UK time.</summary>
    public static string DateTime(DateTime value)
    {
        var uk = UkTime.FromUtc(value);
        return uk.ToString("d MMMM yyyy, h:mm", EnglishUk) + (uk.Hour < 12 ? "am" : "pm");
    }

    public static string Number(int value) => value.ToString("N0", EnglishUk);
}
