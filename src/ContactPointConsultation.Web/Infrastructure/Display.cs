using System.Globalization;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>Dates and numbers as GOV.UK writes them: "31 March 2027", "5,000".</summary>
public static class Display
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateTime value) => value.ToString("d MMMM yyyy", EnglishUk);

    public static string Number(int value) => value.ToString("N0", EnglishUk);
}
