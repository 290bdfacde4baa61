using System.Net;

namespace ContactPointConsultation.BrowserTests;

/// <summary>Kestrel itself adds a Server header; only a real socket shows whether it is switched off.</summary>
public sealed class KestrelHeadersTests(BrowserPortal browser)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/lib/app.css", HttpStatusCode.OK)]
    [InlineData("/health/ready", HttpStatusCode.OK)]
    public async Task RealServer_SendsNoServerOrPoweredByHeader(string url, HttpStatusCode status)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseUrl };

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"{url} sent Server: {string.Join(", ", response.Headers.Server)}");
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }
}
