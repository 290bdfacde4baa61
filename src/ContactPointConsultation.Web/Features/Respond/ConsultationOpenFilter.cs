using ContactPointConsultation.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>Outside the consultation's dates, answering pages lead to the "closed" page and nothing is saved.</summary>
public sealed class ConsultationOpenFilter(IOptions<ConsultationOptions> options, TimeProvider clock) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.IsOpenAt(clock.GetUtcNow()))
        {
            return next();
        }

        context.Result = new RedirectToActionResult(nameof(StartController.Closed), "Start", null);
        return Task.CompletedTask;
    }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireOpenConsultationAttribute() : ServiceFilterAttribute(typeof(ConsultationOpenFilter));
