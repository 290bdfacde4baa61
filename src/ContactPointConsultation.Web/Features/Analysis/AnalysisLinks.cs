using System.Globalization;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>The analysis pages' addresses, each written once.</summary>
public static class AnalysisLinks
{
    public const string Home = "/staff/analysis";
    public const string CodebookCsv = "/staff/analysis/codebook.csv";
    public const string CodebookQdc = "/staff/analysis/codebook.qdc";
    public const string Import = "/staff/analysis/codebook/import";

    /// <summary>A question's codebook.</summary>
    public static string Codebook(int question) => string.Create(CultureInfo.InvariantCulture, $"/staff/analysis/questions/{question}");

    public static string NewTheme(int question) => Codebook(question) + "/themes/new";

    /// <summary>A theme's page, where it is described and renamed.</summary>
    public static string Theme(int id) => string.Create(CultureInfo.InvariantCulture, $"/staff/analysis/themes/{id}");

    public static string Retire(int id) => Theme(id) + "/retire";

    public static string Restore(int id) => Theme(id) + "/restore";
}
