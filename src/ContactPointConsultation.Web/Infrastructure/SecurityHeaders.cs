using System.Security.Cryptography;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// A per-request nonce for the one inline script GOV.UK Frontend needs, and a Content-Security-Policy that
/// allows nothing else: no third-party scripts, fonts or frames.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex, so the value needs no HTML encoding in the script tag.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{context.CspNonce()}'; object-src 'none'; " +
                "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // Browsers heed this only over HTTPS, so it is harmless on a plain-HTTP development run.
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
