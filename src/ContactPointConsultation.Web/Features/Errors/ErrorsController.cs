using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Errors;

/// <param name="WasSending">The failed request was a form being sent, not a page being read.</param>
/// <param name="ByStaff">It came from the staff or admin pages, where it was a change, not answers.</param>
public sealed record ErrorViewModel(string ReferenceId, bool WasSending = false, bool ByStaff = false);

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
    public IActionResult Status()
    {
        // Only real error codes; anything else typed into the address is simply a page that does not exist.
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, out var code) && code is >= 400 and < 600
            ? code
            : StatusCodes.Status404NotFound;
        if (statusCode == StatusCodes.Status500InternalServerError
            && HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure && IsDatabaseFault(failure.Error))
        {
            // The database is down, locked or full: a fault of ours, and one worth trying again soon.
            var sending = HttpMethods.IsPost(Request.Method);
            var path = failure.Path;
            var byStaff = path.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ViewData["Title"] = (sending, byStaff) switch
            {
                (true, true) => "Sorry, your changes were not saved",
                (true, false) => "Sorry, your answers were not sent",
                _ => "Sorry, the service is unavailable",
            };
            return View("DatabaseUnavailable", new ErrorViewModel(ReferenceId, sending, byStaff));
        }

        var (view, title) = statusCode switch
        {
            StatusCodes.Status404NotFound => ("NotFound", "Page not found"),
            StatusCodes.Status403Forbidden => ("Forbidden", "You do not have permission to see this page"),
            StatusCodes.Status429TooManyRequests => ("TooManyRequests", "Too many attempts"),
            StatusCodes.Status413PayloadTooLarge => ("TooLarge", "What you sent was too long"),
            StatusCodes.Status400BadRequest => ("BadRequest", "Sorry, we could not use what was sent"),
            >= 400 and < 500 => ("BadRequest", "Sorry, we could not use what was sent"),
            _ => ("ServerError", "Sorry, there is a problem with the service"),
        };
        Response.StatusCode = statusCode;
        ViewData["Title"] = title;
        return View(view, new ErrorViewModel(ReferenceId));
    }

    private string ReferenceId => Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    /// <summary>A failure of the database itself (unreachable, busy, locked, full, read-only), however EF wraps it.</summary>
    private static bool IsDatabaseFault(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
