using System.Net;
using AngleSharp.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

public sealed class StaffAccountsAdminTests
{
    [Fact]
    public async Task Admin_AddsAnAnalyst_WhoChoosesAPasswordSetsUpMfaAndSignsIn()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.GetAsync("/admin/users/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "new.analyst@example.gov.uk", ["Role"] = "Analyst" });
        var link = new Uri(admin.Text(".app-set-up-link"));

        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync(link.PathAndQuery);
        await newcomer.SubmitAsync(new Dictionary<string, string?> { ["Password"] = "my own long passphrase", ["ConfirmPassword"] = "my own long passphrase" });
        Assert.Equal("Your password has been set. Now sign in", newcomer.Text(".govuk-notification-banner__heading"));
        await newcomer.SignInAsync(new StaffAccount("new.analyst@example.gov.uk", "my own long passphrase", null));

        Assert.Equal("/staff/set-up-authenticator", newcomer.Path);
        var actions = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Target == "new.analyst@example.gov.uk" || e.Actor == "new.analyst@example.gov.uk").Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.UserCreated, actions);
        Assert.Contains(AuditActions.PasswordSet, actions);
    }

    [Fact]
    public async Task SetPassword_Of64CharactersWithSpacesAndSymbols_WorksForSignIn()
    {
        const string Passphrase = "Dŵr & bara, 42 times: \"quoted\" <tags> 👍 and 'apostrophes' to 64";
        Assert.Equal(64, Passphrase.Length);
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/users/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "long.passphrase@example.gov.uk", ["Role"] = "Analyst" });
        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync(new Uri(admin.Text(".app-set-up-link")).PathAndQuery);

        await newcomer.SubmitAsync(new Dictionary<string, string?> { ["Password"] = Passphrase, ["ConfirmPassword"] = Passphrase });
        Assert.Equal("/staff/sign-in?passwordSet=true", newcomer.Path);
        await newcomer.SignInAsync(new StaffAccount("long.passphrase@example.gov.uk", Passphrase, null));

        Assert.Equal("/staff/set-up-authenticator", newcomer.Path);
    }

    [Fact]
    public async Task SetUpLink_WorksOnceOnly_AndRefusesCommonPasswords()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/users/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "once@example.gov.uk", ["Role"] = "Analyst" });
        var link = new Uri(admin.Text(".app-set-up-link")).PathAndQuery;

        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync(link);
        await newcomer.SubmitAsync(new Dictionary<string, string?> { ["Password"] = "qwertyuiopasdfgh", ["ConfirmPassword"] = "qwertyuiopasdfgh" });
        Assert.Equal(["Choose a password that is harder to guess: this one is on a list of common passwords"], newcomer.ErrorSummary);
        await newcomer.SubmitAsync(new Dictionary<string, string?> { ["Password"] = "a much better passphrase", ["ConfirmPassword"] = "a much better passphrase" });
        Assert.Equal("/staff/sign-in?passwordSet=true", newcomer.Path);

        await newcomer.GetAsync(link);
        await newcomer.SubmitAsync(new Dictionary<string, string?> { ["Password"] = "someone else's passphrase", ["ConfirmPassword"] = "someone else's passphrase" });
        Assert.Equal(["This set-up link has expired or has already been used. Ask an admin for a new one"], newcomer.ErrorSummary);
    }

    [Fact]
    public async Task Admin_DisablesAnAnalystWhoIsSignedIn_TheirNextRequestIsRefused()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var analystBrowser = portal.CreateRespondent();
        await analystBrowser.SignInAsync(analyst);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await ManageAsync(portal, admin, analyst.Email, "disable");

        Assert.Equal("Account disabled", admin.Text(".govuk-notification-banner__heading"));
        await analystBrowser.GetAsync("/staff");
        Assert.StartsWith("/staff/sign-in", analystBrowser.Path, StringComparison.Ordinal);
        var disabled = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AccountDisabled));
        Assert.Equal(analyst.Email, disabled.Target);
        Assert.Contains("\"after\":\"disabled\"", disabled.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_EnablesADisabledAccount_AndIssuesANewSetUpLink_BothAuditedWithoutTheLink()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await ManageAsync(portal, admin, analyst.Email, "disable");

        await ManageAsync(portal, admin, analyst.Email, "enable");

        Assert.Equal("Account enabled", admin.Text(".govuk-notification-banner__heading"));
        var enabled = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AccountEnabled));
        Assert.Equal(analyst.Email, enabled.Target);
        Assert.Equal("{\"before\":\"disabled\",\"after\":\"active\"}", enabled.Details);
        using var analystBrowser = portal.CreateRespondent();
        await analystBrowser.SignInAsync(analyst);
        Assert.Equal("/staff", analystBrowser.Path);

        await ManageAsync(portal, admin, analyst.Email, "set-up-link");

        var token = System.Web.HttpUtility.ParseQueryString(new Uri(admin.Text(".app-set-up-link")).Query)["token"]!;
        var issued = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SetUpLinkIssued && e.Target == analyst.Email));
        Assert.StartsWith("admin-", issued.Actor, StringComparison.Ordinal);
        var recorded = $"{issued.Target} {issued.Details}";
        Assert.DoesNotContain(token[..16], recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(token)[..16], recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_MakesAnAnalystAnAdmin_WhoCanThenManageAccounts()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var analystBrowser = portal.CreateRespondent();
        await analystBrowser.SignInAsync(analyst);
        await analystBrowser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, analystBrowser.Status);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await ManageAsync(portal, admin, analyst.Email, "role", ("role", "Admin"));

        var changed = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.RoleChanged));
        Assert.Contains("\"before\":[\"Analyst\"]", changed.Details, StringComparison.Ordinal);
        Assert.Contains("\"after\":[\"Admin\"]", changed.Details, StringComparison.Ordinal);
        await analystBrowser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, analystBrowser.Status);
    }

    [Fact]
    public async Task Admin_GivesAnAnalystTheSafeguardingRoleToo_TheyKeepBothAndReachTheQueue()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await ManageAsync(portal, admin, analyst.Email, "role", ("role", "Analyst"), ("role", "Safeguarding"));

        Assert.Equal("Role changed", admin.Text(".govuk-notification-banner__heading"));
        Assert.Contains("Analyst, Safeguarding", admin.Text("main dl"), StringComparison.Ordinal);
        Assert.Equal(["Analyst", "Safeguarding"], admin.Page.QuerySelectorAll("input[name=role][checked]").Select(i => i.GetAttribute("value")));
        var changed = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.RoleChanged));
        Assert.Contains("\"after\":[\"Analyst\",\"Safeguarding\"]", changed.Details, StringComparison.Ordinal);
        using var lead = portal.CreateRespondent();
        await lead.SignInAsync(analyst);
        await lead.GetAsync("/staff/safeguarding");
        Assert.Equal(HttpStatusCode.OK, lead.Status);
        await lead.GetAsync("/staff/responses");
        Assert.Equal(HttpStatusCode.OK, lead.Status);
    }

    [Fact]
    public async Task Admin_AddsAStaffMemberWithTwoRoles()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/users/new");

        await admin.PostAsync("/admin/users/new", [.. admin.HiddenFields(), new("Email", "deputy.lead@example.gov.uk"), new("Role", "Analyst"), new("Role", "Safeguarding")]);

        Assert.NotNull(admin.Page.QuerySelector(".app-set-up-link"));
        var roles = await portal.WithUserAsync("deputy.lead@example.gov.uk", async (users, user) => (await users.GetRolesAsync(user)).Order().ToList());
        Assert.Equal(["Analyst", "Safeguarding"], roles);
    }

    [Fact]
    public async Task Admin_ResetsAnAuthenticator_TheAnalystMustSetItUpAgain()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await ManageAsync(portal, admin, analyst.Email, "reset-authenticator");

        using var analystBrowser = portal.CreateRespondent();
        await analystBrowser.SignInAsync(analyst);
        Assert.Equal("/staff/set-up-authenticator", analystBrowser.Path);
        Assert.True(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AuthenticatorReset && e.Target == analyst.Email)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Owner")]
    public async Task Admin_ChangingToAnUnknownRole_ChangesNothingAndSaysSo(string? role)
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await ManageAsync(portal, admin, analyst.Email, "role", role is null ? [] : [("role", role)]);

        Assert.Equal("Select a role: nothing was changed", admin.Text(".govuk-notification-banner__heading"));
        Assert.False(await portal.QueryAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RoleChanged)));
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves()
    {
        await using var portal = new PortalFactory();
        var adminAccount = await portal.CreateStaffAsync(StaffRoles.Admin);
        using var admin = portal.CreateRespondent();
        await admin.SignInAsync(adminAccount);

        await ManageAsync(portal, admin, adminAccount.Email, "disable");

        Assert.Equal("You cannot change your own account. Ask another admin", admin.Text(".govuk-notification-banner__heading"));
        Assert.False(await portal.WithUserAsync(adminAccount.Email, (_, user) => Task.FromResult(user.IsDisabled)));
    }

    [Fact]
    public async Task NewUser_WithBadInput_ShowsErrorsAndKeepsWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/users/new");

        await admin.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "not an email", ["Role"] = "Owner" });

        Assert.Equal(["Enter an email address in the correct format, like name@example.gov.uk", "Select a role"], admin.ErrorSummary);
        Assert.Equal("not an email", admin.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email")!.Value);
    }

    [Fact]
    public async Task AuditLog_DownloadsAsCsvOldestFirst_AndTheDownloadIsRecorded()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        using var response = await admin.Client.GetAsync(new Uri("/admin/audit/audit-log.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("\"When (UTC)\",\"Who\",\"What\",\"Target\",\"Details\",\"From\"", lines[0]);
        Assert.Contains("\"SignedIn\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"AuditLogDownloaded\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_ShowsEachActionNewestFirst_ToAdmins()
    {
        await using var portal = new PortalFactory();
        var analyst = await portal.CreateStaffAsync();
        using (var analystBrowser = portal.CreateRespondent())
        {
            await analystBrowser.SignInAsync(analyst with { Password = "a wrong password here" });
        }

        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/audit");

        var rows = admin.Page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("SignedIn", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("SignInFailed", StringComparison.Ordinal) && r.Contains(analyst.Email, StringComparison.Ordinal));
    }

    private static async Task ManageAsync(PortalFactory portal, Respondent admin, string email, string action, params (string Name, string Value)[] fields)
    {
        var id = await portal.WithUserAsync(email, (_, user) => Task.FromResult(user.Id));
        await admin.GetAsync($"/admin/users/{id}");
        var form = admin.Page.QuerySelector($"form[action='/admin/users/{id}/{action}']") ?? throw new InvalidOperationException($"No {action} form");
        var body = Respondent.HiddenFields(form);
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        await admin.PostAsync($"/admin/users/{id}/{action}", body);
    }
}
