using ContactPointConsultation.Core.Common;

namespace ContactPointConsultation.Web.Infrastructure;

public static class RequestLulls
{
    /// <summary>
    /// Notes the start of every request, static files and health checks included, in <see cref="RequestLull"/>,
    /// so work that can wait (the theme suggestions' model) waits for a lull. First in the pipeline, so a request
    /// counts whatever later becomes of it; it does not wait for the request, so it costs no state machine.
    /// </summary>
    public static IApplicationBuilder UseRequestLull(this IApplicationBuilder app)
    {
        var lull = app.ApplicationServices.GetRequiredService<RequestLull>();
        return app.Use((context, next) =>
        {
            lull.RequestStarted();
            return next(context);
        });
    }
}
