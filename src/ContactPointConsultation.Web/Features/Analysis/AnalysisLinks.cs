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

    /// <summary>A question's theme results: each theme's count and share of the comments, by answer, keeping the filters (a query string, or "").</summary>
    public static string Results(int question, string filters = "") => Codebook(question) + "/results" + filters;

    /// <summary>A page of the comments with a theme, keeping the filters (a query string, or "").</summary>
    public static string ThemeComments(int id, string filters = "", int page = 1) =>
        Theme(id) + "/comments" + filters + (page == 1 ? "" : (filters.Length == 0 ? "?" : "&") + string.Create(CultureInfo.InvariantCulture, $"page={page}"));

    /// <summary>Merging a theme into another: its tags move there, and it is retired.</summary>
    public static string Merge(int id) => Theme(id) + "/merge";

    /// <summary>Splitting a theme: a new theme, and the comments that move to it.</summary>
    public static string Split(int id) => Theme(id) + "/split";

    /// <summary>The question's next untagged comment, keeping the filters (a query string, or ""); after a skipped one when given.</summary>
    public static string Queue(int question, string filters = "", string? after = null) =>
        Codebook(question) + "/tag" + filters + (after is null ? "" : (filters.Length == 0 ? "?" : "&") + "after=" + Uri.EscapeDataString(after));

    /// <summary>One comment's tags: a response's answer to the question, keeping the filters (a query string, or "") for the way back to the queue.</summary>
    public static string Comment(int question, string reference, string filters = "") =>
        Codebook(question) + "/comments/" + Uri.EscapeDataString(reference) + filters;

    /// <summary>How two analysts' codings of a question's sample agree; one sample's when given, otherwise the newest.</summary>
    public static string Agreement(int question, int? sample = null) =>
        Codebook(question) + "/agreement" + (sample is { } id ? string.Create(CultureInfo.InvariantCulture, $"?sample={id}") : "");

    /// <summary>Drawing a sample: for admins only, so under /admin.</summary>
    public static string DrawSample(int question) => string.Create(CultureInfo.InvariantCulture, $"/admin/analysis/questions/{question}/coding-samples");

    public static string Settle(int question, long item) => Codebook(question) + string.Create(CultureInfo.InvariantCulture, $"/agreement/disagreements/{item}/settle");

    /// <summary>The second, blind, coding of the newest sample: its next comment, and where one is saved.</summary>
    public static string SecondCoding(int question) => Codebook(question) + "/second-coding";

    public static string SecondCode(int question, long item) => SecondCoding(question) + string.Create(CultureInfo.InvariantCulture, $"/{item}");

    /// <summary>A question's theme suggestions: progress, how they compare with the tags, and possible new themes.</summary>
    public static string Suggestions(int question) => Codebook(question) + "/suggestions";
}
