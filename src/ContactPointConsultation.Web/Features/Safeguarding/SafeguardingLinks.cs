using System.Globalization;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>The safeguarding pages' addresses, each written once.</summary>
public static class SafeguardingLinks
{
    public const string Queue = "/staff/safeguarding";

    public static string Item(long id) => string.Create(CultureInfo.InvariantCulture, $"/staff/safeguarding/{id}");

    /// <summary>Where a member of staff reading a response flags one of its comments.</summary>
    public static string Flag(string reference, int questionNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"/staff/responses/{Uri.EscapeDataString(reference)}/questions/{questionNumber}/flag");
}
