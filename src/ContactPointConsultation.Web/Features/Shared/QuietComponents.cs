using ContactPointConsultation.Web.Features.Respond;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContactPointConsultation.Web.Features.Shared;

/// <summary>
/// The components that show nothing on most requests: an error summary, an error message, a hint and the not-saved
/// banner. Each is still drawn by its own partial; these skip running the partial when it would draw nothing. A
/// partial run is a view lookup, a page, its view data and its buffers, and the question page asked for six of these
/// to draw nothing: about 5% of its CPU (docs/adr/0028-respondent-pages-at-the-limit.md). Each test here is the
/// partial's own first test.
/// </summary>
public static class QuietComponents
{
    private static readonly Task<IHtmlContent> Nothing = Task.FromResult<IHtmlContent>(HtmlString.Empty);

    /// <summary>The page's errors, if it has any. A page with a problem that belongs to no field passes an <see cref="ErrorSummaryModel"/> to the partial itself.</summary>
    public static Task<IHtmlContent> ErrorSummaryAsync(this IHtmlHelper html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.ViewData.ModelState.IsValid ? Nothing : html.PartialAsync("_ErrorSummary");
    }

    /// <summary>Said when a respondent's form token had gone, so what they typed was shown again unsaved.</summary>
    public static Task<IHtmlContent> NotSavedBannerAsync(this IHtmlHelper html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.ViewData[RespondentFormController.NotSavedKey] is true ? html.PartialAsync("_NotSavedBanner") : Nothing;
    }

    public static Task<IHtmlContent> ErrorMessageAsync(this IHtmlHelper html, string id, string? message)
    {
        ArgumentNullException.ThrowIfNull(html);
        return message is null ? Nothing : html.PartialAsync("_ErrorMessage", (id, message));
    }

    public static Task<IHtmlContent> HintAsync(this IHtmlHelper html, string id, string? text)
    {
        ArgumentNullException.ThrowIfNull(html);
        return text is null ? Nothing : html.PartialAsync("_Hint", (id, (string?)text));
    }
}
