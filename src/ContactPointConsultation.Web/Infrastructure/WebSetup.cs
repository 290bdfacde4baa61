using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace ContactPointConsultation.Web.Infrastructure;

public static class WebSetup
{
    public const string ResumeRateLimit = "resume";
    public const string SignInRateLimit = "sign-in";
    public const string FormRateLimit = "form";
    public const string ExportRateLimit = "export";

    /// <summary>MVC with feature folders, antiforgery on every POST, shared Data Protection keys, rate limits, the lull in requests.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.SectionName));
        services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Pages hold answers, resume codes and references: a shared computer's Back button or
                // cache must never show them to the next person.
                options.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None });
                // Optional fields are optional: nullable or not, nothing is required unless a validator says so.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                // No jQuery-style keys here; their parser turns a field named "[x" into a 500.
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()))
            .AddCookieTempDataProvider(options =>
            {
                options.Cookie.Name = "cp_message";
                options.Cookie.IsEssential = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        // Secure whenever the page is served over HTTPS, which is always in production. "Always" would make
        // antiforgery refuse every plain-HTTP request, and so break a development run on http://localhost.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cp_antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Welsh, Arabic, emoji and curly quotes are written as themselves rather than as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys live in the database, so a restart or a second instance can still read open forms and cookies;
        // with a certificate they are encrypted there, so reading the database is not enough to forge a cookie.
        services.AddDataProtection()
            .SetApplicationName("ContactPointConsultation")
            .PersistKeysToDbContext<ConsultationDbContext>()
            .ProtectKeysWithConfiguredCertificates(configuration);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // A window limiter knows when it reopens; "one at a time" does not, so it suggests a few seconds.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var reopens) ? reopens : TimeSpan.FromSeconds(5);
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                return ValueTask.CompletedTask;
            };
            // The guessing limits are counted in the database, so they hold however many nodes there are.
            options.AddPolicy(ResumeRateLimit, context => SharedPerAddress(context, ResumeRateLimit, s => (s.ResumeAttemptsPerWindow, s.ResumeWindowMinutes)));
            options.AddPolicy(SignInRateLimit, context => SharedPerAddress(context, SignInRateLimit, s => (s.SignInAttemptsPerWindow, s.SignInWindowMinutes)));
            // The flood limit on answers sheds load; it stays in each node's memory, off the answer's hot path
            // (N nodes let N times it through, which is still a limit).
            options.AddPolicy(FormRateLimit, context => PerAddress(context, s => (s.FormPostsPerMinute, 1)));

            // A download holds a database reader open for as long as it streams: one at a time per person, across nodes.
            options.AddPolicy(ExportRateLimit, context => SharedRateLimits.OneAtATime(context, ExportRateLimit, context.User.Identity?.Name ?? ""));
        });

        services.AddSingleton<GovUkMarkdown>();

        // Fed by every request (UseRequestLull); background work that can wait waits for its lulls.
        services.TryAddSingleton<RequestLull>();
        return services;
    }

    /// <summary>A fixed window per client address (after forwarded headers from known proxies), counted across nodes.</summary>
    public static RateLimitPartition<string> SharedPerAddress(HttpContext context, string limit, Func<PortalOptions, (int Permits, int Minutes)> settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (permits, minutes) = settings(context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value);
        return SharedRateLimits.Window(context, limit, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", permits, TimeSpan.FromMinutes(minutes));
    }

    /// <summary>A fixed window per client address (after forwarded headers from known proxies), in this node's memory.</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context, Func<PortalOptions, (int Permits, int Minutes)> limit)
    {
        var (permits, minutes) = limit(context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(minutes), QueueLimit = 0 });
    }
}
