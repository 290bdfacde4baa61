using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.BrowserTests;

public sealed class StaffTests(BrowserPortal browser)
{
    [Fact]
    public async Task NewStaffMember_SetsUpTheAuthenticatorSignsInAndOut_OnAccessiblePages()
    {
        var analyst = await browser.Portal.CreateStaffAsync(withAuthenticator: false);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/staff");
        Assert.EndsWith("/staff/sign-in?ReturnUrl=%2Fstaff", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.FillAsync("#email", analyst.Email);
        await page.FillAsync("#password", analyst.Password);
        await page.ContinueToAsync("**/staff/set-up-authenticator");
        await page.AssertAccessibleAsync();
        var key = (await page.TextContentAsync(".app-authenticator-key"))!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.FillAsync("#code", (analyst with { AuthenticatorKey = key }).CodeAt());
        await page.ContinueToAsync("**/staff/recovery-codes");
        await page.AssertAccessibleAsync();
        await page.ClickToAsync("text=I have saved my recovery codes", "**/staff");
        Assert.Equal("Results", (await page.TextContentAsync("h1"))!.Trim());
        await page.AssertAccessibleAsync();

        await page.ClickToAsync("button.app-sign-out__button", "**/staff/sign-in?signedOut=true");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/staff");
        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordFields_AllowPastingAndPasswordManagers()
    {
        var page = await browser.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/staff/sign-in");
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", "pasted from a password manager");

        await page.FocusAsync("#password");
        await page.Keyboard.PressAsync("Control+V");

        Assert.Equal("pasted from a password manager", await page.InputValueAsync("#password"));
        Assert.Equal("username", await page.GetAttributeAsync("#email", "autocomplete"));
        Assert.Equal("current-password", await page.GetAttributeAsync("#password", "autocomplete"));
    }

    [Fact]
    public async Task SignInPages_InTheirErrorStates_AreAccessible()
    {
        var analyst = await browser.Portal.CreateStaffAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await page.AssertAccessibleAsync();

        await page.FillAsync("#email", analyst.Email);
        await page.FillAsync("#password", analyst.Password);
        await page.ContinueToAsync("**/staff/sign-in/code");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#code", "000000");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await page.AssertAccessibleAsync();

        await page.ClickToAsync("text=Use a recovery code", "**/staff/sign-in/recovery-code");
        await page.AssertAccessibleAsync();
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ResponsesPages_AreAccessible()
    {
        using var respondent = browser.Portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", "A comment\nover two lines").Answer(12, null, "مرحبا"));
        var analyst = await browser.Portal.CreateStaffAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(analyst);

        foreach (var url in new[] { "/staff/responses", $"/staff/responses?search={reference}", $"/staff/responses/{reference}/withdraw", "/staff/responses?search=comment", "/staff?Age=bogus" })
        {
            await page.GotoAsync(url);
            await page.AssertAccessibleAsync();
        }

        // Filter the results, then download both files as an analyst would.
        await page.GotoAsync("/staff");
        await page.ClickAsync("text=Filter the results");
        await page.SelectOptionAsync("#version", "1");
        await page.ClickToAsync("text=Apply filters", "**/staff?*Version=1*");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/staff/downloads");
        await page.AssertAccessibleAsync();
        foreach (var (link, extension) in new[] { ("Download as CSV", ".csv"), ("Download as Excel", ".xlsx") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"text={link}"));
            Assert.StartsWith("contactpoint-responses-", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
            var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
            await download.SaveAsAsync(saved);
            Assert.True(new FileInfo(saved).Length > 100);
            File.Delete(saved);
        }

        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync($"/staff/responses/{reference}");
        Assert.Equal(reference, (await page.TextContentAsync("h1"))!.Trim());
        await page.AssertAccessibleAsync();
        await page.AssertNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task AdminPages_AndTheSetPasswordPage_AreAccessible()
    {
        var adminAccount = await browser.Portal.CreateStaffAsync(ContactPointConsultation.Core.Staff.StaffRoles.Admin);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(adminAccount);

        await page.GotoAsync("/admin/users/new");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".govuk-error-summary");
        await page.AssertAccessibleAsync();
        await page.FillAsync("#email", $"browser-{Guid.NewGuid():N}@example.gov.uk");
        await page.CheckAsync("#role");
        await page.ContinueAsync();
        await page.WaitForSelectorAsync(".app-set-up-link");
        await page.AssertAccessibleAsync();
        var link = new Uri((await page.TextContentAsync(".app-set-up-link"))!.Trim());

        await page.GotoAsync("/admin/users");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/admin/audit");
        await page.AssertAccessibleAsync();
        var auditLog = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the audit log (CSV)"));
        Assert.StartsWith("contactpoint-audit-log-", auditLog.SuggestedFilename, StringComparison.Ordinal);
        await page.GotoAsync("/admin/users");
        await page.ClickAsync("tbody a >> nth=0");
        await page.WaitForSelectorAsync("text=Change role");
        await page.AssertAccessibleAsync();

        var newcomer = await browser.NewPageAsync();
        await newcomer.GotoAsync(link.PathAndQuery);
        await newcomer.AssertAccessibleAsync();
        await newcomer.ContinueAsync();
        await newcomer.WaitForSelectorAsync(".govuk-error-summary");
        await newcomer.AssertAccessibleAsync();
    }
}
