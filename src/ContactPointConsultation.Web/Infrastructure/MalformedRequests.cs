using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// A body the framework cannot read (a NUL byte in a form, a body over the size limit) is the client's
/// fault: answer with its 4xx status and let the status-code pages show the friendly page, never a 500.
/// </summary>
public static class MalformedRequests
{
    /// <summary>
    /// The largest body the portal accepts. The biggest real form, an admin's introduction of 20,000
    /// characters, is about 240 KB even if every character is 4-byte UTF-8 sent percent-encoded.
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseMalformedRequestsAsClientErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The friendly page is the same request run again, body and all: that run must get through.
        var showingErrorPage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (context.Request.ContentLength > MaxRequestBodyBytes && !showingErrorPage)
        {
            // Refused before a byte is read, with the friendly "too long" page.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // A body without a length (chunked) is cut off at the same size by the server, which throws
        // BadHttpRequestException (413) below.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBodyBytes;
        }

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
