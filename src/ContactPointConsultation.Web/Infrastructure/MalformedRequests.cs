using System.Net;
using System.Text.Unicode;
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
            if (!showingErrorPage && !await IsUtf8FormOrNotAFormAsync(context.Request))
            {
                // Browsers always send UTF-8 here; anything else would be stored altered, so it is refused.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

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

    /// <summary>
    /// A form body whose values, once percent-decoded, are not valid UTF-8 (a raw 0xFF byte, or %FF%FE)
    /// is refused. The framework would otherwise turn such bytes into U+FFFD, or keep the escapes as
    /// literal text: either way, not what was typed.
    /// </summary>
    private static async Task<bool> IsUtf8FormOrNotAFormAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)
            || !(request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return true;
        }

        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var decoded = WebUtility.UrlDecodeToBytes(body.GetBuffer(), 0, (int)body.Length);
        return Utf8.IsValid(decoded);
    }
}
