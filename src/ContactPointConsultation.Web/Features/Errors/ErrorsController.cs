using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Errors;

public sealed record ErrorViewModel(string ReferenceId);

/// <summary>
/// Friendly pages for errors, reached by re-executing the failed request. Any method can land here, and
/// the antiforgery check is skipped so a failed POST does not fail again.
/// </summary>
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorsController : Controller
{
    [Route("{statusCode:int}")]
    public IActionResult Status(int statusCode)
    {
        var (view, title) = statusCode switch
        {
            StatusCodes.Status404NotFound => ("NotFound", "Page not found"),
            StatusCodes.Status429TooManyRequests => ("TooManyRequests", "Too many attempts"),
            StatusCodes.Status400BadRequest => ("BadRequest", "Sorry, we could not use what was sent"),
            >= 400 and < 500 => ("BadRequest", "Sorry, we could not use what was sent"),
            _ => ("ServerError", "Sorry, there is a problem with the service"),
        };
        Response.StatusCode = statusCode is >= 400 and < 600 ? statusCode : StatusCodes.Status500InternalServerError;
        ViewData["Title"] = title;
        return View(view, new ErrorViewModel(Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier));
    }
}
