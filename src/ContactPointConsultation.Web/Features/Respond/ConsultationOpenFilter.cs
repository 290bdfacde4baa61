using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>Outside the consultation's dates, answering pages lead to the "closed" page and nothing is saved.</summary>
public sealed class ConsultationOpenFilter(RespondentSession session, TimeProvider clock) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await session.IsOpenAsync(clock.GetUtcNow(), context.HttpContext.RequestAborted))
        {
            await next();
            return;
        }

        context.Result = new RedirectToActionResult(nameof(StartController.Closed), "Start", null);
    }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireOpenConsultationAttribute() : ServiceFilterAttribute(typeof(ConsultationOpenFilter));
