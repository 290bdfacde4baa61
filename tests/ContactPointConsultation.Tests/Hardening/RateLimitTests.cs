using System.Globalization;
using System.Net;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Hardening;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_AreRefusedWith429RetryAfterAndAFriendlyPage()
    {
        await using var strict = new PortalFactory(new Dictionary<string, string?> { ["Portal:SignInAttemptsPerWindow"] = "3" });
        using var browser = strict.CreateRespondent();
        await browser.GetAsync("/staff/sign-in");
        var form = browser.HiddenFields();
        form.Add(new("Email", "nobody@example.gov.uk"));
        form.Add(new("Password", "not the password at all"));

        await AssertRefusedAfterAsync(browser, "/staff/sign-in", form, allowed: 3);
    }

    /// <summary>
    /// With the production limits (lockout after 5, the account limit after 10), every answer to a
    /// stream of guesses is the same whether the account exists or not, right up to the refusal.
    /// </summary>
    [Fact]
    public async Task SignIn_GuessesAtOneAccountFromManyAddresses_AreRefusedPerAccount_TheSameWayWhetherOrNotItExists()
    {
        var limit = new PortalOptions().SignInAttemptsPerAccount;
        await using var portal = new HttpsKestrelPortal(new Dictionary<string, string?>
        {
            ["Portal:SignInAttemptsPerAccount"] = limit.ToString(CultureInfo.InvariantCulture),
        });
        portal.Start();
        var real = await portal.CreateStaffAsync();
        var address = 0;
        async Task<string> GuessAsync(string email, string password)
        {
            using var browser = portal.CreateRemoteRespondent(new IPAddress([198, 51, 100, (byte)++address]));
            await browser.GetAsync("/staff/sign-in");
            using var response = await browser.SendFormAsync("/staff/sign-in", [.. browser.HiddenFields(), new("Email", email), new("Password", password)]);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var errors = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim());
            return $"{(int)response.StatusCode} {response.Headers.RetryAfter?.Delta} {string.Join(" | ", errors)}";
        }

        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { real.Email, "no-such-person@example.gov.uk" })
        {
            answers[email] = [];
            for (var guess = 1; guess <= limit; guess++)
            {
                answers[email].Add(await GuessAsync(email, $"wrong guess number {guess}"));
            }

            // The right password, in another case of the address, from yet another address.
            answers[email].Add(await GuessAsync(email.ToUpperInvariant(), real.Password));
        }

        Assert.Equal(answers[real.Email], answers["no-such-person@example.gov.uk"]);
        Assert.All(answers[real.Email].Take(limit), a => Assert.Equal("200  Enter a correct email address and password", a));
        Assert.Equal("429 00:15:00 There have been too many attempts to sign in to this account. Wait 15 minutes, then try again", answers[real.Email][^1]);

        var someoneElse = await portal.CreateStaffAsync();
        using var colleague = portal.CreateRemoteRespondent(new IPAddress([198, 51, 100, 1]));
        await colleague.SignInAsync(someoneElse);
        Assert.Equal("/staff", colleague.Path);
    }

    [Fact]
    public async Task SignIn_WrongAuthenticatorCodes_CountTowardsTheSameAccountLimit()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Portal:SignInAttemptsPerAccount"] = "3" });
        var account = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(account, code: "000000");
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = "000001" });
        Assert.Equal(HttpStatusCode.OK, browser.Status);

        using var refused = await browser.SendFormAsync("/staff/sign-in/code", [.. browser.HiddenFields(), new("Code", account.CodeAt())]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too many attempts to sign in to this account", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>The first <paramref name="allowed"/> posts are answered as usual; the next gets 429, Retry-After and the friendly page.</summary>
    internal static async Task AssertRefusedAfterAsync(Respondent browser, string url, List<KeyValuePair<string, string>> form, int allowed)
    {
        for (var attempt = 0; attempt < allowed; attempt++)
        {
            await browser.PostAsync(url, form);
            Assert.Equal(HttpStatusCode.OK, browser.Status);
        }

        using var refused = await browser.SendFormAsync(url, form);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondentForm_BeyondTheGenerousLimit_IsRefusedWith429_AndSavedAnswersStay()
    {
        await using var strict = new PortalFactory(new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "2" });
        using var respondent = strict.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "First" });
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Second" });

        using var refused = await respondent.SendFormAsync("/questions/4", [.. respondent.HiddenFields(), new("Comments", "Third")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Answers you saved are still saved", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(2, await strict.QueryAsync(db => db.DraftAnswers.CountAsync()));
    }

    [Fact]
    public async Task QuestionPost_RefusedByTheRateLimit_ShowsTheQuestionAgainWithWhatWasTyped_AndStoresNothing()
    {
        await using var strict = new PortalFactory(new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1" });
        using var respondent = strict.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });
        const string Typed = "Typed after the limit was reached – with ‘quotes’ & <b>tags</b>\nand a second line";

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "not-sure", ["Comments"] = Typed });

        respondent.AssertQuestionShownAgain(HttpStatusCode.TooManyRequests, 3, "not-sure", Typed);
        Assert.Equal(0, await strict.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.QuestionNumber == 3)));
    }

    [Fact]
    public async Task Download_WhileTheSamePersonsDownloadIsStillStreaming_IsRefusedWith429_ButOthersAreNot()
    {
        await using var portal = new PortalFactory();
        await portal.QueryAsync(async db =>
        {
            var version = await db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Id).SingleAsync();
            db.Responses.AddRange(Enumerable.Range(0, 3000).Select(i => new Response
            {
                Reference = $"R{i:D7}",
                SubmissionKey = Guid.NewGuid(),
                ContentVersionId = version,
                SubmittedAt = DateTime.UtcNow,
                Answers = [new ResponseAnswer { QuestionNumber = 2, Choice = Choice.Yes, Comments = new string('x', 500) }],
            }));
            return await db.SaveChangesAsync();
        });
        using var analyst = await portal.SignedInStaffAsync();
        using var colleague = await portal.SignedInStaffAsync();
        var csv = new Uri("/staff/downloads/responses.csv", UriKind.Relative);
        var ct = TestContext.Current.CancellationToken;

        // 1.5 MB that nobody reads yet: the server is still writing it.
        using var streaming = await analyst.Client.GetAsync(csv, HttpCompletionOption.ResponseHeadersRead, ct);
        using var second = await analyst.Client.GetAsync(new Uri("/staff/downloads/responses.xlsx", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ct);
        using var colleagues = await colleague.Client.GetAsync(csv, HttpCompletionOption.ResponseHeadersRead, ct);

        Assert.Equal(HttpStatusCode.OK, streaming.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many attempts", await second.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, colleagues.StatusCode);

        // Once the first has been read to its end, the same person may download again.
        await (await streaming.Content.ReadAsStreamAsync(ct)).CopyToAsync(Stream.Null, ct);
        streaming.Dispose();
        await BackgroundJobs.WaitForAsync(async () =>
        {
            using var again = await analyst.Client.GetAsync(csv, HttpCompletionOption.ResponseHeadersRead, ct);
            return again.StatusCode == HttpStatusCode.OK;
        }, "The first download's claim was not given up when it ended");
    }

    [Fact]
    public void DefaultLimits_LetAClassOf30AtOneSchoolFinish()
    {
        var defaults = new Web.Infrastructure.PortalOptions();

        // 30 pupils, each sending 11 questions, About you, check answers and a save: 14 posts, all
        // within the same minute at worst.
        Assert.True(defaults.FormPostsPerMinute >= 30 * 14, $"{defaults.FormPostsPerMinute} posts a minute");
    }
}
