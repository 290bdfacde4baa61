using System.Globalization;

namespace ContactPointConsultation.Web.Features.Outcome;

/// <summary>"You said, we did": the public pages and the admin's, each address written once.</summary>
public static class OutcomeLinks
{
    public const string Outcome = "/outcome";
    public const string Check = "/outcome/check";
    public const string Edit = "/admin/outcome";
    public const string Preview = "/admin/outcome/preview";
    public const string Publish = "/admin/outcome/publish";

    /// <summary>One question's part of the public page, by its number in the consultation.</summary>
    public static string Question(int number) => $"{Outcome}#question-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The edit page of the summary ("summary") or of one question ("q5").</summary>
    public static string EditPart(string partId) => $"{Edit}/edit/{partId}";

    public static string Version(int number) => $"{Edit}/versions/{number.ToString(CultureInfo.InvariantCulture)}";
}
