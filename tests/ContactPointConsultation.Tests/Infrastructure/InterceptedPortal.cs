using ContactPointConsultation.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>The real portal, with an EF interceptor that a test arms to make the database misbehave.</summary>
public sealed class InterceptedPortal(IInterceptor interceptor) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<ConsultationDbContext>(options => options.AddInterceptors(interceptor)));
    }
}
