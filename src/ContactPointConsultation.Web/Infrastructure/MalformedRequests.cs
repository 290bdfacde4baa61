using Microsoft.AspNetCore.Antiforgery;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// A body the framework cannot read (a NUL byte in a form, a body over the size limit) is the client's
/// fault: answer with its 4xx status and let the status-code pages show the friendly page, never a 500.
/// </summary>
public static class MalformedRequests
{
    public static IApplicationBuilder UseMalformedRequestsAsClientErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is InvalidDataException or AntiforgeryValidationException && !context.Response.HasStarted)
        {
            // AntiforgeryValidationException only escapes to here from an explicit token check on a form
            // that could not be read; an ordinary missing or expired token never throws.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = exception.StatusCode;
        }
    });
}
