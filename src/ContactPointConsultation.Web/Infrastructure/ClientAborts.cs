using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace ContactPointConsultation.Web.Infrastructure;

public static class ClientAborts
{
    /// <summary>
    /// A browser that goes away mid-request (a closed tab, a lost phone signal) cancels the work done
    /// for it. That is not a fault of ours: it is logged as an abort, at Information, with 499 (client
    /// closed request) and no error page, instead of a 500 with a TaskCanceledException. Placed just
    /// inside the request log, so the log sees the 499.
    /// </summary>
    public static IApplicationBuilder UseClientAbortsAsAborts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<IDiagnosticContext>().Set("ClientAborted", true);
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                // Nobody is there to read a friendly page.
                statusCodePages.Enabled = false;
            }

            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        }
    });
}
