using System.Net;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Hardening;

public sealed class SecurityHeadersTests(SharedPortal portal)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/questions/2", HttpStatusCode.OK)]
    [InlineData("/lib/app.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/questions/99", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/staff/sign-in", HttpStatusCode.OK)]
    public async Task EveryResponse_HasTheSecurityHeaders_AndNoServerOrPoweredBy(string url, HttpStatusCode status)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task MalformedRequest_StillHasTheSecurityHeaders()
    {
        using var client = portal.CreateClient();
        using var body = new ByteArrayContent([0x43, 0x6f, 0x6d, 0x6d, 0x65, 0x6e, 0x74, 0x73, 0x3d, 0xff, 0xfe]);
        body.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };

        using var response = await client.PostAsync(new Uri("/questions/2", UriKind.Relative), body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/responses")]
    [InlineData("/staff/downloads/responses.csv")]
    [InlineData("/staff/downloads/responses.xlsx")]
    public async Task StaffPagesAndDownloads_AreNeverStored_AndHaveTheSecurityHeaders(string url)
    {
        using var analyst = await portal.SignedInStaffAsync();

        using var response = await analyst.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} must be Cache-Control: no-store");
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([0-9A-F]{32})'").Groups[1].Value;
        Assert.Equal(ContentSecurityPolicy.Replace("{nonce}", nonce, StringComparison.Ordinal), csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(response.Headers.Contains("Server"), "No Server header");
        Assert.False(response.Headers.Contains("X-Powered-By"), "No X-Powered-By header");
    }
}
