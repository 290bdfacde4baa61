using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// Respondent forms check their antiforgery token themselves, rather than through the global filter, so
/// that an expired or missing token (a tab restored after the browser closed, say) shows the same page
/// again with everything typed still in it, instead of an error page. Nothing is saved without a valid
/// token, so the protection is the same.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public abstract class RespondentFormController(IAntiforgery antiforgery) : Controller
{
    public const string NotSavedKey = "NotSaved";

    protected async Task<bool> FormTokenIsValidAsync()
    {
        if (await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return true;
        }

        ViewData[NotSavedKey] = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }
}
