using System.Diagnostics;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Features.Admin;
using ContactPointConsultation.Web.Features.Paper;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Features.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Errors;

/// <param name="WasSending">The failed request was a form being sent, not a page being read.</param>
/// <param name="ByStaff">It came from the staff or admin pages, where it was a change, not answers.</param>
/// <param name="SendingAnswers">It was the respondent's Send, not one of their saves.</param>
public sealed record ErrorViewModel(string ReferenceId, bool WasSending = false, bool ByStaff = false, bool SendingAnswers = false);

/// <summary>
/// Friendly pages for errors, reached by re-executing the failed request. Any method can land here, and
/// the action binds nothing from the request: a POST whose form could not be read (a NUL byte, say) would
/// only fail again. The antiforgery check is skipped for the same reason.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorsController : Controller
{
    [Route("{statusCode:int}")]
    public async Task<IActionResult> Status(CancellationToken cancellationToken)
    {
        // Only real error codes; anything else typed into the address is simply a page that does not exist.
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, out var code) && code is >= 400 and < 600
            ? code
            : StatusCodes.Status404NotFound;
        if (statusCode == StatusCodes.Status500InternalServerError
            && HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure && DatabaseFaults.IsFault(failure.Error))
        {
            // The database is down, locked or full: a fault of ours, and one worth trying again soon.
            var sending = HttpMethods.IsPost(Request.Method);
            var path = failure.Path;
            var byStaff = path.StartsWith(StaffLinks.Home, StringComparison.OrdinalIgnoreCase) || path.StartsWith(AdminLinks.Home, StringComparison.OrdinalIgnoreCase);
            var sendingAnswers = string.Equals(path, RespondLinks.CheckAnswers, StringComparison.OrdinalIgnoreCase);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("DatabaseUnavailable", new ErrorViewModel(ReferenceId, sending, byStaff, sendingAnswers));
        }

        // A question's answer refused before it was read (too many posts, too big a body): the question
        // page again, so what was typed is not lost to a page with no form on it.
        if (statusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status413PayloadTooLarge
            && await HttpContext.RequestServices.GetRequiredService<QuestionPage>().AfterRefusalAsync(HttpContext, statusCode, ModelState, cancellationToken) is { } refusedAnswer)
        {
            Response.StatusCode = statusCode;
            return View(QuestionPage.ViewPath, refusedAnswer);
        }

        // A spreadsheet too large to read: its upload page, saying so on the file, rather than the comments' "too long".
        if (statusCode == StatusCodes.Status413PayloadTooLarge && HttpMethods.IsPost(Request.Method)
            && string.Equals(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath, PaperLinks.Import, StringComparison.OrdinalIgnoreCase))
        {
            return Redirect(PaperLinks.ImportTooLarge);
        }

        var view = statusCode switch
        {
            StatusCodes.Status404NotFound => "NotFound",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status429TooManyRequests => "TooManyRequests",
            StatusCodes.Status413PayloadTooLarge => "TooLarge",
            >= 400 and < 500 => "BadRequest",
            _ => "ServerError",
        };
        Response.StatusCode = statusCode;
        return View(view, new ErrorViewModel(ReferenceId));
    }

    private string ReferenceId => Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
}
