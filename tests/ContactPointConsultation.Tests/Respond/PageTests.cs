using System.Net;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

public sealed class PageTests(SharedPortal portal)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "ContactPoint Guidance - Consulting Children & Young People" },
        { "/questions/2", "Misuse" },
        { "/questions/12", "General Comments" },
        { "/about-you", "About you (optional)" },
        { "/check-answers", "We could not find your answers" },
        { "/resume", "Continue with your code" },
        { "/privacy", "Privacy: how we look after your answers" },
        { "/privacy/full", "Privacy notice" },
        { "/cookies", "Cookies" },
        { "/accessibility", "Accessibility statement" },
        { "/contact", "Contact us" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Page_RendersInTheServiceTemplate(string url, string heading)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, respondent.Status);
        Assert.Equal($"{heading} - ContactPoint consultation", respondent.Page.Title);
        Assert.Single(respondent.Page.QuerySelectorAll("h1"));
        AssertServiceTemplate(respondent);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/questions/1")]
    [InlineData("/questions/13")]
    public async Task Get_UnknownPage_ShowsFriendlyNotFoundPage(string url)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, respondent.Status);
        Assert.Equal("Page not found - ContactPoint consultation", respondent.Page.Title);
        AssertServiceTemplate(respondent);
    }

    [Fact]
    public async Task ServerErrorPage_GivesAReferenceAndNoTechnicalDetail()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/error/500");

        Assert.Equal(HttpStatusCode.InternalServerError, respondent.Status);
        Assert.Equal("Sorry, there is a problem with the service", respondent.Text("h1"));
        Assert.Matches("^[0-9a-f]{32}$", respondent.Text("main strong"));
        Assert.DoesNotContain("Exception", respondent.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/0")]
    [InlineData("/error/-5")]
    public async Task ErrorPage_ForACodeThatIsNotAnError_IsNotFound(string url)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, respondent.Status);
    }

    [Theory]
    [InlineData("/questions/4?change=notabool")]
    [InlineData("/questions/4?change=")]
    [InlineData("/about-you?change=1")]
    public async Task Get_JunkChangeParameter_IsJustNotAChange(string url)
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, respondent.Status);
        Assert.DoesNotContain("Error", respondent.Page.Title, StringComparison.Ordinal);
        Assert.Empty(respondent.Page.QuerySelectorAll(".govuk-error-summary"));
        Assert.NotEqual("/check-answers", respondent.Page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/confirmation")]
    [InlineData("/save-and-return")]
    [InlineData("/check-answers")]
    [InlineData("/questions/3")]
    [InlineData("/no-such-page")]
    public async Task RespondentPages_AreNeverStoredByTheBrowser(string url)
    {
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes"));
        Assert.NotEmpty(reference);
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no" }, ("intent", "save-and-return"));

        using var response = await respondent.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task Get_Confirmation_WithoutSending_GoesToTheStartPage()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/confirmation");

        Assert.Equal("/", respondent.Path);
    }

    [Fact]
    public async Task EveryPage_SendsAStrictContentSecurityPolicyWithTheInlineScriptsNonce()
    {
        using var response = await portal.CreateClient().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains($"<script nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static void AssertServiceTemplate(Respondent respondent)
    {
        Assert.Equal("#main-content", respondent.Page.QuerySelector(".govuk-skip-link")!.GetAttribute("href"));
        Assert.NotNull(respondent.Page.QuerySelector("main#main-content"));
        Assert.Equal("ContactPoint consultation", respondent.Text(".govuk-service-navigation__service-name"));
        Assert.Equal("Beta", respondent.Text(".govuk-phase-banner__content__tag"));
        var footerLinks = respondent.Page.QuerySelectorAll("footer a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Privacy", "Cookies", "Accessibility statement", "Contact", "0800 1111"], footerLinks);
        Assert.Contains("call Childline on 0800 1111", respondent.Text("footer"), StringComparison.Ordinal);
    }
}
