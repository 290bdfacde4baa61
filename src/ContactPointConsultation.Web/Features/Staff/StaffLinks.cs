namespace ContactPointConsultation.Web.Features.Staff;

/// <summary>
/// The staff pages' addresses, each written once: controllers redirect to them and views link to them
/// from here, so a page that moves changes in one place.
/// </summary>
public static class StaffLinks
{
    /// <summary>The results: where staff land after signing in.</summary>
    public const string Home = "/staff";
    public const string Responses = "/staff/responses";
    public const string Downloads = "/staff/downloads";

    /// <summary>One response, by its reference.</summary>
    public static string Response(string reference) => $"{Responses}/{reference}";

    public static string Withdraw(string reference) => $"{Response(reference)}/withdraw";

    /// <summary>A page of the responses, keeping the filters (a query string, or "") and the search.</summary>
    public static string ResponsesPage(string filters, int page, string? search) =>
        Responses + (filters.Length == 0 ? "?" : filters + "&") + $"page={page}" + (search is null ? "" : "&search=" + Uri.EscapeDataString(search));

    /// <param name="filters">The filters as a query string, or "".</param>
    public static string ResponsesCsv(string filters) => $"{Downloads}/responses.csv{filters}";

    /// <param name="filters">The filters as a query string, or "".</param>
    public static string ResponsesXlsx(string filters) => $"{Downloads}/responses.xlsx{filters}";

    /// <param name="filters">The filters as a query string, or "".</param>
    public static string ThemesCsv(string filters) => $"{Downloads}/themes.csv{filters}";
}
