using System.Net;
using System.Text.RegularExpressions;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>The Children's Code, checked on the pages a young person sees.</summary>
public sealed partial class PrivacyByDefaultTests(SharedPortal portal)
{
    private static readonly string[] EssentialCookies = ["cp_antiforgery", "cp_draft", "cp_message", "cp_sent"];

    [Fact]
    public async Task ShortPrivacyNotice_SaysWhatTheLawAsks_InWordsAChildCanRead()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/privacy");

        var headings = respondent.Page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Who we are", "You do not have to answer", "What we keep", "If you stop and come back later", "Who reads your answers",
             "If we are worried about you", "How long we keep your answers", "If you change your mind", "Your rights", "If you are worried", "Find out more"],
            headings);
        var text = respondent.Text("main");
        Assert.Contains("“public task”", text, StringComparison.Ordinal);
        Assert.Contains("It’s up to you if you answer", text, StringComparison.Ordinal);
        Assert.Contains("A small team at the Department for Education reads the answers", text, StringComparison.Ordinal);
        Assert.Matches(@"We keep answers for \d+ months after the consultation closes\. We will delete them by \d{1,2} \w+ \d{4}\.", text);
        Assert.Contains("complain to the Information Commissioner’s Office", text, StringComparison.Ordinal);

        // Headings, lists and sentences alike, as a child would read them from top to bottom.
        var prose = string.Join(" ", respondent.Page.QuerySelectorAll("main p, main li").Select(p => p.TextContent.Trim()));
        var score = Readability.Estimate(prose)!;
        Assert.True(score.ReadingAge <= ReadabilityScore.TargetReadingAge,
            $"The short notice reads at age {score.ReadingAge} ({score.Words} words, {score.Sentences} sentences)");
    }

    [Fact]
    public async Task FullPrivacyNotice_CoversArticle13()
    {
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/privacy/full");

        var text = respondent.Text("main");
        Assert.Contains("The Department for Education is the data controller", text, StringComparison.Ordinal);
        Assert.Contains("Ours is public task, under Article 6(1)(e)", text, StringComparison.Ordinal);
        Assert.Contains("You do not have to take part", text, StringComparison.Ordinal);
        Assert.Contains("A small team of our staff at the Department for Education reads the answers", text, StringComparison.Ordinal);
        Assert.Matches(@"We keep answers for \d+ months after the consultation closes", text);
        foreach (var right in new[] { "(access)", "(rectification)", "(erasure)", "(restriction)", "(objection)" })
        {
            Assert.Contains(right, text, StringComparison.Ordinal);
        }

        Assert.Contains("call the ICO helpline on 0303 123 1113", text, StringComparison.Ordinal);
        Assert.NotNull(respondent.Page.QuerySelector("main a[href^='https://ico.org.uk/']"));
    }

    [Fact]
    public async Task WholeJourney_SetsOnlyTheEssentialCookiesNamedOnTheCookiesPage_EachHttpOnlySecureAndSameSite()
    {
        await using var isolated = new PortalFactory();
        var setCookies = new List<string>();
        var jar = new CookieContainer();
        using var browser = new Respondent(
            isolated.CreateDefaultClient(isolated.ClientOptions.BaseAddress, new RedirectHandler(), new RecordingHandler(setCookies), new CookieContainerHandler(jar)),
            jar);
        await browser.AnswerAllAsync(Journey.AllAnswered());
        await browser.GetAsync("/save-and-return");
        await browser.SubmitAsync();
        await browser.GetAsync("/check-answers");
        await browser.SubmitAsync();
        Assert.Equal("/confirmation", browser.Path);

        var names = setCookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).Distinct().Order().ToList();
        Assert.Equal(EssentialCookies, names);
        // Removing a cookie needs none of these: it is already gone.
        Assert.All(setCookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal)), cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(?i); samesite=(strict|lax)", cookie);
        });

        await browser.GetAsync("/cookies");
        Assert.Equal(EssentialCookies, browser.Page.QuerySelectorAll("main h3").Select(e => e.TextContent.Trim()).Where(t => t.StartsWith("cp_", StringComparison.Ordinal)).Order());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/questions/2")]
    [InlineData("/questions/12")]
    [InlineData("/about-you")]
    [InlineData("/check-answers")]
    public async Task RespondentPages_HaveNoCountdownsStreaksOrPressure(string url)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no" });

        await respondent.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, respondent.Status);
        Assert.DoesNotMatch(Pressure(), respondent.Text("body"));
        Assert.Empty(respondent.Page.QuerySelectorAll("progress, meter, [role=timer], [data-countdown]"));
        // Only the service's own scripts: served from this site, or inline with this response's nonce.
        Assert.All(respondent.Page.QuerySelectorAll("script"), s => Assert.True(
            s.GetAttribute("src") is { } src ? src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) : s.HasAttribute("nonce"),
            s.OuterHtml));
    }

    [Fact]
    public async Task YesNoAndNotSure_LookAlike_AndANoGoesStraightOn()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");

        var items = respondent.Page.QuerySelectorAll(".govuk-radios__item").ToList();
        Assert.Equal(["Yes", "No", "Not sure"], items.Select(i => i.QuerySelector("label")!.TextContent.Trim()));
        // Apart from its own value and id, each option's markup is the same: none is bigger, bolder or pre-selected.
        var shapes = items.Select((item, i) => item.OuterHtml
            .Replace(item.QuerySelector("input")!.GetAttribute("value")!, "VALUE", StringComparison.Ordinal)
            .Replace(item.QuerySelector("input")!.Id!, "ID", StringComparison.Ordinal)
            .Replace(item.QuerySelector("label")!.TextContent.Trim(), "LABEL", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Single(shapes);
        Assert.Empty(respondent.Page.QuerySelectorAll(".govuk-radios__input[checked]"));

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no" });

        Assert.Equal($"/questions/{ConsultationLimits.FirstQuestionNumber + 1}", respondent.Path);
    }

    [GeneratedRegex(@"(?i)\b(streak|countdown|time left|minutes left|hurry|are you sure|don’t miss|last chance|badge|points)\b")]
    private static partial Regex Pressure();

    private sealed class RecordingHandler(List<string> setCookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                lock (setCookies)
                {
                    setCookies.AddRange(cookies);
                }
            }

            return response;
        }
    }
}
