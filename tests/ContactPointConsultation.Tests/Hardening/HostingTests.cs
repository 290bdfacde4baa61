using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Hardening;

public sealed class HostingTests
{
    private const string ProxyAddress = "10.1.2.3";

    [Theory]
    [InlineData(null, "10.1.2.0/24")]
    [InlineData(ProxyAddress, "203.0.113.0/24")]
    [InlineData("10.1.2.0/24", "203.0.113.0/24")]
    [InlineData("10.1.0.0/16", "203.0.113.0/24")]
    [InlineData("10.9.0.0/16", "10.1.2.0/24")]
    [InlineData("10.1.2.4", "10.1.2.0/24")]
    public async Task ForwardedFor_IsBelievedOnlyFromAConfiguredProxyOrRange(string? knownProxy, string recordedAddress)
    {
        await using var portal = new BehindAProxy(knownProxy is null ? [] : new() { ["Hosting:KnownProxies:0"] = knownProxy });
        using var browser = portal.CreateRespondent();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        await browser.GetAsync("/staff/sign-in");
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "someone@example.gov.uk", ["Password"] = "not their password at all" });

        var failed = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SignInFailed));
        Assert.Equal(recordedAddress, failed.FromAddress);
    }

    [Theory]
    [InlineData("10.1.2.300")]
    [InlineData("a load balancer")]
    [InlineData("10.1.2.0/40")]
    public void KnownProxies_NeitherAnAddressNorARange_StopsTheStartSayingWhich(string proxy)
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Hosting:KnownProxies:0"] = proxy });

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains($"'{proxy}' is neither an IP address nor a range", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_WhenTheHttpsPortIsConfigured_IsRedirectedToHttps()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["https_port"] = "443" });
        using var client = portal.CreateClient(new() { BaseAddress = new Uri("http://consultation.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/questions/2", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://consultation.example/questions/2"), response.Headers.Location);
    }

    /// <summary>Every request arrives from one address, as it would from a load balancer in front of the portal.</summary>
    private sealed class BehindAProxy(Dictionary<string, string?> settings) : PortalFactory(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromProxy()));
        }
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
