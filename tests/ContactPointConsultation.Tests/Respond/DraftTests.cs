using AngleSharp.Dom;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

public sealed class DraftTests(SharedPortal portal)
{
    [Fact]
    public async Task Continue_SavesTheAnswerOnTheServer_AndItIsThereWhenTheyComeBack()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "not-sure", ["Comments"] = "Saved at once" });

        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Saved at once")));
        await respondent.GetAsync("/questions/2");
        Assert.NotNull(respondent.Page.QuerySelector("input#answer-3[value=not-sure][checked]"));
        Assert.Equal("Saved at once", respondent.Page.QuerySelector("textarea#comments")!.TextContent);
        await respondent.GetAsync("/");
        Assert.Contains("You have answers saved on this device", respondent.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftCookie_IsHttpOnlySecureAndLaxAndLastsUntilClosing()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        var form = respondent.HiddenFields();
        form.Add(new("Answer", "yes"));
        using var response = await respondent.SendFormAsync("/questions/2", form);

        var cookie = response.RequestMessage!.RequestUri!.AbsolutePath == "/questions/3"
            ? respondent.Cookies.GetCookies(respondent.Client.BaseAddress!).Single(c => c.Name == "cp_draft")
            : throw new InvalidOperationException("The answer was not saved");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(new DateTime(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc), cookie.Expires.ToUniversalTime());
        Assert.DoesNotContain(await portal.QueryAsync(db => db.Drafts.Select(d => d.TokenHash).ToListAsync()), h => h == cookie.Value);
    }

    [Fact]
    public async Task Draft_WhenAnAdminExtendsTheClosingDate_StaysUsableAfterTheOldDate()
    {
        await using var live = new PortalFactory(
            new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2027-03-31T23:59:59+01:00" },
            now: new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var respondent = live.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Before the extension" });
        using var admin = live.CreateRespondent();
        var account = await live.CreateStaffAsync(StaffRoles.Admin);
        await admin.SignInAsync(account, account.CodeAt(live.Clock!.GetUtcNow()));

        await admin.EditWordingAsync("details", new Dictionary<string, string>
        {
            ["Day[ClosesAt]"] = "30",
            ["Month[ClosesAt]"] = "4",
            ["Year[ClosesAt]"] = "2027",
        });
        await admin.PublishWordingAsync();
        live.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 10, 12, 0, 0, TimeSpan.Zero));
        await respondent.GetAsync("/questions/2");

        Assert.Equal("/questions/2", respondent.Path);
        Assert.Equal("Before the extension", respondent.Page.QuerySelector("textarea#comments")!.TextContent);
    }

    [Fact]
    public async Task Draft_ExpiresWhenTheConsultationCloses()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/3");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Expiry check" });

        var expiresAt = await portal.QueryAsync(db => db.Drafts
            .Where(d => d.Answers.Any(a => a.Comments == "Expiry check")).Select(d => d.ExpiresAt).SingleAsync());

        Assert.Equal(new DateTime(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc), expiresAt);
    }

    [Fact]
    public async Task SaveAndComeBackLater_GivesACodeThatRestoresTheDraftInANewClient()
    {
        using var first = portal.CreateRespondent();
        await first.GetAsync("/questions/5");
        await first.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no", ["Comments"] = "On my phone" }, ("intent", "save-and-return"));
        Assert.Equal("/save-and-return", first.Path);
        var code = first.Text(".app-resume-code");
        Assert.Matches("^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$", code);

        using var second = portal.CreateRespondent();
        await second.GetAsync("/resume");
        await second.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) });

        Assert.Equal("/check-answers", second.Path);
        Assert.Contains("We found your saved answers", second.Text("main"), StringComparison.Ordinal);
        Assert.Contains("On my phone", second.Text("#answers + dl"), StringComparison.Ordinal);

        await second.GetAsync("/check-answers");
        Assert.DoesNotContain("We found your saved answers", second.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeCode_IsStoredOnlyAsAHash_AndShownOnlyOnce()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/6");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Hash check" }, ("intent", "save-and-return"));
        var code = respondent.Text(".app-resume-code").Replace("-", "", StringComparison.Ordinal);

        var stored = await portal.QueryAsync(db => db.Drafts.Where(d => d.Answers.Any(a => a.Comments == "Hash check")).Select(d => d.ResumeCodeHash).SingleAsync());
        Assert.Equal(SecretHash.Of(code), stored);
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);

        await respondent.GetAsync("/save-and-return");
        Assert.Empty(respondent.Page.QuerySelectorAll(".app-resume-code"));
        Assert.Contains("Get a new code", respondent.Text("main form"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeCode_UsedElsewhere_TheOldDeviceNoLongerOpensTheDraft()
    {
        using var schoolComputer = portal.CreateRespondent();
        await schoolComputer.GetAsync("/questions/7");
        await schoolComputer.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" }, ("intent", "save-and-return"));
        var code = schoolComputer.Text(".app-resume-code");

        using var home = portal.CreateRespondent();
        await home.GetAsync("/resume");
        await home.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code });

        await schoolComputer.GetAsync("/check-answers");
        Assert.Equal("We could not find your answers", schoolComputer.Text("h1"));
    }

    [Theory]
    [InlineData("", "Enter your code")]
    [InlineData("ABCDE-FGH23", "We could not find any answers for that code. Check the code and try again")]
    public async Task Resume_BadCode_ShowsErrorAndKeepsWhatWasTyped(string typed, string error)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/resume");

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Code"] = typed });

        Assert.Equal([error], respondent.ErrorSummary);
        Assert.Equal("#code", respondent.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(typed, respondent.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input#code")!.Value);
    }

    [Fact]
    public async Task Resume_TooManyAttempts_AreRefusedWith429AndRetryAfter()
    {
        await using var strict = new PortalFactory(new Dictionary<string, string?> { ["Portal:ResumeAttemptsPerWindow"] = "3" });
        using var respondent = strict.CreateRespondent();
        await respondent.GetAsync("/resume");
        var form = respondent.HiddenFields();
        form.Add(new("Code", "AAAAA-AAAAA"));

        await Hardening.RateLimitTests.AssertRefusedAfterAsync(respondent, "/resume", form, allowed: 3);
    }

    [Fact]
    public async Task Draft_SurvivesAServerRestart_AndOpenFormsStillPost()
    {
        var databasePath = PortalFactory.NewDatabasePath();
        try
        {
            var browserCookies = new System.Net.CookieContainer();
            List<KeyValuePair<string, string>> openForm;
            await using (var before = new PortalFactory(databasePath: databasePath))
            {
                using var respondent = before.CreateRespondent(browserCookies);
                await respondent.GetAsync("/questions/2");
                await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes", ["Comments"] = "Before restart" });
                openForm = respondent.HiddenFields();
            }

            await using var after = new PortalFactory(databasePath: databasePath);
            using var resumed = after.CreateRespondent(browserCookies);

            // The form opened before the restart still posts: its antiforgery token is readable with the stored keys.
            openForm.AddRange([new("Answer", "no"), new("Comments", "After restart")]);
            await resumed.PostAsync("/questions/3", openForm);
            Assert.Equal("/questions/4", resumed.Path);

            await resumed.GetAsync("/check-answers");
            var text = resumed.Text("#answers + dl");
            Assert.Contains("Before restart", text, StringComparison.Ordinal);
            Assert.Contains("After restart", text, StringComparison.Ordinal);
        }
        finally
        {
            PortalFactory.DeleteDatabase(databasePath);
        }
    }
}
