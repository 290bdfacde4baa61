using System.Buffers;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// A body the framework cannot read (a NUL byte in a form, a body over the size limit), or a NUL in the query
/// string, is the client's fault: answer with its 4xx status and let the status-code pages show the friendly
/// page, never a 500.
/// </summary>
public static class MalformedRequests
{
    /// <summary>
    /// The largest body the portal accepts. The biggest real form, an admin's introduction of 20,000
    /// characters, is about 240 KB even if every character is 4-byte UTF-8 sent percent-encoded.
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest body any action takes: a spreadsheet of paper responses with its fields, with room for a file
    /// somewhat over its limit, so that it is told so on the page. A body that says it is longer is refused before
    /// routing; the server reads no more than <see cref="MaxRequestBodyBytes"/> of any body unless the action's own
    /// limit (<see cref="AcceptsFileUploadAttribute.MaxBodyBytes"/>) raises it, once routing and sign-in have
    /// allowed the request (<see cref="UseUtf8FormsOnly"/>), so only signed-in staff can send the larger one.
    /// </summary>
    public const long MaxAnyRequestBodyBytes = 2 * Core.Paper.PaperLimits.ImportMaxBytes;

    public static IApplicationBuilder UseMalformedRequestsAsClientErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsShowingErrorPage(context) && !LimitBody(context, MaxAnyRequestBodyBytes, MaxRequestBodyBytes))
        {
            return;
        }

        // No one types a NUL, and PostgreSQL's text refuses one (a search for it would be a database error).
        if (!IsShowingErrorPage(context) && context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
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

    /// <summary>
    /// Refuses a body that says it is longer than <paramref name="maxBytes"/>, with the friendly "too long" page,
    /// before a byte is read; false if it did. Otherwise the server reads no more than <paramref name="readBytes"/>:
    /// a longer body, or one without a length (chunked), is cut off there, and the server throws
    /// BadHttpRequestException (413), answered above.
    /// </summary>
    private static bool LimitBody(HttpContext context, long maxBytes, long readBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = readBytes;
        }

        return true;
    }

    /// <summary>
    /// Refuses, with 400, a form body whose values are not valid UTF-8 once percent-decoded (a raw 0xFF
    /// byte, %FF%FE, an emoji cut short), and any multipart body but a file upload's (<see cref="AcceptsFileUploadAttribute"/>),
    /// which reads its file itself. The
    /// framework would otherwise store such bytes as U+FFFD, or keep the escapes as literal text:
    /// either way, not what was typed. Placed after the rate limiter and authorisation, so only
    /// requests that may be handled are read, and it reads each body once into a pooled buffer. Here too each
    /// action's own limit of a body's size is applied, now that the action is known.
    /// </summary>
    public static IApplicationBuilder UseUtf8FormsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var upload = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsFileUploadAttribute>();
        var allowed = upload?.MaxBodyBytes ?? MaxRequestBodyBytes;
        if (!IsShowingErrorPage(context) && !LimitBody(context, allowed, allowed))
        {
            return;
        }

        if (!IsShowingErrorPage(context) && HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var refusal = request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? (upload is null ? StatusCodes.Status400BadRequest : null)
                : await CheckUtf8Async(request);
            if (refusal is not null)
            {
                context.Response.StatusCode = refusal.Value;
                return;
            }
        }

        await next(context);
    });

    /// <summary>The friendly page is the same request run again, body and all: that run must get through.</summary>
    private static bool IsShowingErrorPage(HttpContext context) => context.Features.Get<IStatusCodeReExecuteFeature>() is not null;

    /// <summary>Null if the body is UTF-8 throughout; otherwise the status to refuse it with.</summary>
    private static async Task<int?> CheckUtf8Async(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxRequestBodyBytes);
        // Most forms are a few KB and say so; one sent in chunks may be up to the limit.
        var expected = (int)Math.Min(request.ContentLength ?? MaxRequestBodyBytes, MaxRequestBodyBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(expected + 1);
        try
        {
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            // Only a body sent in chunks can get here over the limit (the server cuts it off on Kestrel).
            if (length > MaxRequestBodyBytes)
            {
                return StatusCodes.Status413PayloadTooLarge;
            }

            request.Body.Position = 0;
            return Utf8.IsValid(buffer.AsSpan(0, PercentDecodeInPlace(buffer.AsSpan(0, length)))) ? null : StatusCodes.Status400BadRequest;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes %XX escapes and '+' where they stand; the result is never longer. Returns its length.</summary>
    private static int PercentDecodeInPlace(Span<byte> bytes)
    {
        var written = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                b = (byte)((HexValue(bytes[i + 1]) << 4) | HexValue(bytes[i + 2]));
                i += 2;
            }
            else if (b == (byte)'+')
            {
                b = (byte)' ';
            }

            bytes[written++] = b;
        }

        return written;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
