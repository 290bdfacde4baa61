using System.Net;
using ContactPointConsultation.Tests.Infrastructure;

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

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await browser.PostAsync("/staff/sign-in", form);
            Assert.Equal(HttpStatusCode.OK, browser.Status);
        }

        using var refused = await browser.SendFormAsync("/staff/sign-in", form);

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
        Assert.Equal(2, await strict.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DraftAnswers)));
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
