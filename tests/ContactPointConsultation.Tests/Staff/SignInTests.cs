using System.Net;
using AngleSharp.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

public sealed class SignInTests(SharedPortal portal)
{
    [Fact]
    public async Task SignIn_WithPasswordAndAuthenticatorCode_ShowsTheResultsAndIsAudited()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        await browser.SignInAsync(analyst);

        Assert.Equal("/staff", browser.Path);
        Assert.Equal("Results", browser.Text("h1"));
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Actor == analyst.Email && e.Action == AuditActions.SignedIn)));
    }

    [Fact]
    public async Task SignIn_SentFromAStaffPage_GoesOnToThatPageOnceTheCodeIsRight()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        await browser.GetAsync("/staff/responses?search=school");
        Assert.Equal("/staff/sign-in?ReturnUrl=%2Fstaff%2Fresponses%3Fsearch%3Dschool", browser.Path);
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = "not the password at all" });
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = analyst.Password });
        Assert.Equal("/staff/sign-in/code?ReturnUrl=%2Fstaff%2Fresponses%3Fsearch%3Dschool", browser.Path);
        Assert.Equal("/staff/sign-in/recovery-code?ReturnUrl=%2Fstaff%2Fresponses%3Fsearch%3Dschool",
            browser.Page.QuerySelectorAll("main a").Single(a => a.TextContent == "Use a recovery code").GetAttribute("href"));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = "000000" });
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = analyst.CodeAt() });

        Assert.Equal("/staff/responses?search=school", browser.Path);
        Assert.Equal(HttpStatusCode.OK, browser.Status);
    }

    [Theory]
    [InlineData("https://evil.example/staff")]
    [InlineData("//evil.example/staff")]
    [InlineData("/\\evil.example/staff")]
    public async Task SignIn_WithAReturnAddressOffThisSite_IgnoresIt(string returnUrl)
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        await browser.GetAsync("/staff/sign-in" + query);
        Assert.Equal("/staff/sign-in", browser.Page.QuerySelector("main form")!.GetAttribute("action"));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = analyst.Password });
        await browser.GetAsync("/staff/sign-in/code" + query);
        Assert.DoesNotContain("evil", browser.Html, StringComparison.Ordinal);

        // Posted straight to the code step, as a crafted form would, it is still ignored.
        browser.Page.QuerySelector("main form")!.SetAttribute("action", "/staff/sign-in/code" + query);
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = analyst.CodeAt() });

        Assert.Equal("/staff", browser.Path);
        Assert.Equal("Results", browser.Text("h1"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorKeepsEmailAndIsAudited()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/staff/sign-in");

        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = "not the password at all" });

        Assert.Equal(["Enter a correct email address and password"], browser.ErrorSummary);
        Assert.Equal(analyst.Email, browser.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email")!.Value);
        Assert.Equal("", browser.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#password")!.Value);
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Actor == analyst.Email && e.Action == AuditActions.SignInFailed)));
    }

    [Fact]
    public async Task SignIn_FirstTime_MustSetUpTheAuthenticatorBeforeSeeingAnyResults()
    {
        var analyst = await portal.CreateStaffAsync(withAuthenticator: false);
        using var browser = portal.CreateRespondent();

        await browser.SignInAsync(analyst);
        Assert.Equal("/staff/set-up-authenticator", browser.Path);
        await browser.GetAsync("/staff");
        Assert.Equal("/staff/set-up-authenticator", browser.Path);

        Assert.NotNull(browser.Page.QuerySelector(".app-qr-code svg"));
        var key = browser.Text(".app-authenticator-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = (analyst with { AuthenticatorKey = key }).CodeAt() });

        Assert.Equal("/staff/recovery-codes", browser.Path);
        Assert.Equal(10, browser.Page.QuerySelectorAll(".app-recovery-codes code").Length);
        await browser.GetAsync("/staff");
        Assert.Equal("Results", browser.Text("h1"));
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Actor == analyst.Email && e.Action == AuditActions.AuthenticatorEnrolled)));
    }

    [Fact]
    public async Task RecoveryCodes_AreShownOnceStoredOnlyAsHashesAndEachWorksOnce()
    {
        var analyst = await portal.CreateStaffAsync(withAuthenticator: false);
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(analyst);
        var key = browser.Text(".app-authenticator-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = (analyst with { AuthenticatorKey = key }).CodeAt() });
        var codes = browser.Page.QuerySelectorAll(".app-recovery-codes code").Select(c => c.TextContent).ToList();
        await browser.GetAsync("/staff/recovery-codes");
        Assert.Equal("/staff", browser.Path);

        var stored = await portal.QueryAsync(db => db.UserTokens
            .Where(t => t.Name == "RecoveryCodes" && db.Users.Any(u => u.Id == t.UserId && u.Email == analyst.Email))
            .Select(t => t.Value).SingleAsync());
        Assert.All(codes, code => Assert.DoesNotContain(code, stored!, StringComparison.Ordinal));

        using var lostPhone = portal.CreateRespondent();
        await lostPhone.GetAsync("/staff/sign-in");
        await lostPhone.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = analyst.Password });
        await lostPhone.GetAsync("/staff/sign-in/recovery-code");
        await lostPhone.SubmitAsync(new Dictionary<string, string?> { ["Code"] = codes[0].ToLowerInvariant() });
        Assert.Equal("/staff", lostPhone.Path);

        using var again = portal.CreateRespondent();
        await again.GetAsync("/staff/sign-in");
        await again.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = analyst.Password });
        await again.GetAsync("/staff/sign-in/recovery-code");
        await again.SubmitAsync(new Dictionary<string, string?> { ["Code"] = codes[0] });
        Assert.Equal(["Enter a recovery code you have not used before"], again.ErrorSummary);

        // The other codes still work after one has been used.
        await again.SubmitAsync(new Dictionary<string, string?> { ["Code"] = codes[1] });
        Assert.Equal("/staff", again.Path);
    }

    [Fact]
    public async Task RecoveryCodes_WrongOnesCountTowardsLockout()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/staff/sign-in");
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Email"] = analyst.Email, ["Password"] = analyst.Password });

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.GetAsync("/staff/sign-in/recovery-code");
            await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = $"WRONG-{attempt}" });
        }

        await browser.GetAsync("/staff/sign-in/recovery-code");
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Code"] = "STILL-WRONG" });
        Assert.Equal([Web.Features.Account.AccountController.LockedOutMessage], browser.ErrorSummary);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountEvenForTheRightOne()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(analyst with { Password = $"wrong password number {attempt}" });
        }

        await browser.SignInAsync(analyst);

        // The same words as a wrong password, so the answer does not say that this account exists.
        Assert.Equal("/staff/sign-in", browser.Path);
        Assert.Equal(["Enter a correct email address and password"], browser.ErrorSummary);
        Assert.Contains("If you enter a wrong password 5 times, you will need to wait 15 minutes", browser.Text("main"), StringComparison.Ordinal);
        Assert.True(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Actor == analyst.Email && e.Action == AuditActions.LockedOut)));
    }

    [Fact]
    public async Task Code_UsedASecondTime_IsRefused()
    {
        var analyst = await portal.CreateStaffAsync();
        var code = analyst.CodeAt();
        using (var first = portal.CreateRespondent())
        {
            await first.SignInAsync(analyst, code);
            Assert.Equal("/staff", first.Path);
        }

        using var second = portal.CreateRespondent();
        await second.SignInAsync(analyst, code);

        Assert.Equal("/staff/sign-in/code", second.Path);
        Assert.Equal([AccountMessages.CodeFailed], second.ErrorSummary);
    }

    [Fact]
    public async Task SignOut_ThenReplayingTheOldCookie_IsRefused()
    {
        var analyst = await portal.CreateStaffAsync();
        var stolen = new CookieContainer();
        using var browser = portal.CreateRespondent(stolen);
        await browser.SignInAsync(analyst);
        var copy = new CookieContainer();
        copy.Add(stolen.GetAllCookies());

        await browser.GetAsync("/staff");
        await browser.PostAsync("/staff/sign-out", Respondent.HiddenFields(browser.Page.QuerySelector("form.app-sign-out")!));
        Assert.Equal("/staff/sign-in?signedOut=true", browser.Path);
        Assert.Equal("You have signed out", browser.Text(".govuk-notification-banner__heading"));

        using var replay = portal.CreateRespondent(copy);
        await replay.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", replay.Path, StringComparison.Ordinal);
        Assert.True(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Actor == analyst.Email && e.Action == AuditActions.SignedOut)));
    }

    [Fact]
    public async Task AccountDisabledWhileSignedIn_IsRefusedOnTheNextRequestAndCannotSignInAgain()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(analyst);

        await portal.WithUserAsync(analyst.Email, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            return await users.UpdateSecurityStampAsync(user);
        });

        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.Ordinal);
        await browser.SignInAsync(analyst with { AuthenticatorKey = analyst.AuthenticatorKey });
        Assert.Equal(["Enter a correct email address and password"], browser.ErrorSummary);
    }

    [Fact]
    public async Task StaffCookies_AreHostPrefixedSecureHttpOnlyAndStrict()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        await browser.SignInAsync(analyst);

        var cookie = browser.Cookies.GetAllCookies().Single(c => c.Name == "__Host-cp_staff");
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/", cookie.Path);
    }

    [Fact]
    public async Task SessionCookie_IsSetSameSiteStrict_AndOnlyOnceTheCodeIsRight()
    {
        var analyst = await portal.CreateStaffAsync();
        using var client = portal.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var ct = TestContext.Current.CancellationToken;

        async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields)
        {
            var page = await client.GetStringAsync(new Uri(url, UriKind.Relative), ct);
            var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page)
                .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var body = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
            return await client.PostAsync(new Uri(url, UriKind.Relative), body, ct);
        }

        using var password = await PostAsync("/staff/sign-in", ("Email", analyst.Email), ("Password", analyst.Password));
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-cp_staff=", StringComparison.Ordinal));
        using var code = await PostAsync("/staff/sign-in/code", ("Code", analyst.CodeAt()));

        var session = Assert.Single(code.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-cp_staff=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_FiveWrongAuthenticatorCodes_LockTheAccount()
    {
        var analyst = await portal.CreateStaffAsync();
        using var browser = portal.CreateRespondent();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(analyst, code: "000000");
        }

        await browser.SignInAsync(analyst);

        // The same words as a wrong password, so the answer does not say that this account exists.
        Assert.Equal("/staff/sign-in", browser.Path);
        Assert.Equal(["Enter a correct email address and password"], browser.ErrorSummary);
        Assert.Contains("If you enter a wrong password 5 times, you will need to wait 15 minutes", browser.Text("main"), StringComparison.Ordinal);
        await browser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", browser.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_CannotBeChangedOrDeleted()
    {
        // The triggers fire per row, so the test needs a row of its own rather than relying on what other tests left behind.
        var target = $"audit-{Guid.NewGuid():N}";
        await portal.QueryAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent { OccurredAt = DateTime.UtcNow, Actor = "test", Action = "Test", Target = target });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var update = await Assert.ThrowsAnyAsync<Exception>(() => portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Actor = 'someone else'")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => portal.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents")));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("test", await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Target == target).Select(e => e.Actor).SingleAsync(TestContext.Current.CancellationToken)));
    }
}

internal static class AccountMessages
{
    public const string CodeFailed = Web.Features.Account.AccountController.CodeFailedMessage;
}
