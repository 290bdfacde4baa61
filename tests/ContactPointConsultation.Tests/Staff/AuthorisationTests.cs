using System.Net;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Staff;

public sealed class AuthorisationTests(SharedPortal portal)
{
    public enum Visitor
    {
        Anonymous,
        PasswordOnly,
        Analyst,
        Admin,
        Safeguarding,
    }

    /// <summary>Every staff endpoint, and where each kind of visitor ends up.</summary>
    public static TheoryData<string, Visitor, string> Matrix => new()
    {
        { "/staff", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff" },
        { "/staff", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff", Visitor.Analyst, "/staff" },
        { "/staff", Visitor.Admin, "/staff" },
        { "/staff/downloads", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fdownloads" },
        { "/staff/downloads", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/downloads", Visitor.Analyst, "/staff/downloads" },
        { "/staff/downloads", Visitor.Admin, "/staff/downloads" },
        { "/staff/downloads/responses.csv", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fdownloads%2Fresponses.csv" },
        { "/staff/downloads/responses.csv", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/downloads/responses.csv", Visitor.Analyst, "/staff/downloads/responses.csv" },
        { "/staff/downloads/responses.csv", Visitor.Admin, "/staff/downloads/responses.csv" },
        { "/staff/downloads/responses.xlsx", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fdownloads%2Fresponses.xlsx" },
        { "/staff/downloads/responses.xlsx", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/downloads/responses.xlsx", Visitor.Analyst, "/staff/downloads/responses.xlsx" },
        { "/staff/downloads/responses.xlsx", Visitor.Admin, "/staff/downloads/responses.xlsx" },
        { "/staff/set-up-authenticator", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fset-up-authenticator" },
        { "/staff/set-up-authenticator", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/set-up-authenticator", Visitor.Analyst, "/staff" },
        { "/staff/responses", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fresponses" },
        { "/staff/responses", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/responses", Visitor.Analyst, "/staff/responses" },
        { "/staff/responses", Visitor.Admin, "/staff/responses" },
        { "/staff/responses/ABCDEFGH/withdraw", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fresponses%2FABCDEFGH%2Fwithdraw" },
        { "/admin", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin" },
        { "/admin", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/admin", Visitor.Admin, "/admin" },
        { "/admin/users", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Fusers" },
        { "/admin/users", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/admin/users", Visitor.Admin, "/admin/users" },
        { "/admin/users/new", Visitor.Admin, "/admin/users/new" },
        { "/admin/audit", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Faudit" },
        { "/admin/audit", Visitor.Admin, "/admin/audit" },
        { "/admin/wording", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Fwording" },
        { "/admin/wording", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/admin/wording", Visitor.Admin, "/admin/wording" },
        { "/admin/wording/edit/q5", Visitor.Admin, "/admin/wording/edit/q5" },
        { "/admin/wording/versions", Visitor.Admin, "/admin/wording/versions" },
        { "/admin/wording/versions/1", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Fwording%2Fversions%2F1" },
        { "/admin/outcome", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Foutcome" },
        { "/admin/outcome", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/admin/outcome", Visitor.Admin, "/admin/outcome" },
        { "/admin/outcome/edit/q5", Visitor.Admin, "/admin/outcome/edit/q5" },
        { "/admin/outcome/preview", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fadmin%2Foutcome%2Fpreview" },
        { "/outcome", Visitor.Anonymous, "/outcome" },
        { "/outcome/check", Visitor.Anonymous, "/outcome/check" },
        { "/staff/sign-in/code", Visitor.Anonymous, "/staff/sign-in" },
        { "/staff/sign-in/recovery-code", Visitor.Anonymous, "/staff/sign-in" },
        { "/staff/recovery-codes", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Frecovery-codes" },
        { "/staff/recovery-codes", Visitor.Analyst, "/staff" },
        { "/staff/sign-in", Visitor.Anonymous, "/staff/sign-in" },
        { "/staff", Visitor.Safeguarding, "/staff/safeguarding" },
        { "/staff/safeguarding", Visitor.Anonymous, "/staff/sign-in?ReturnUrl=%2Fstaff%2Fsafeguarding" },
        { "/staff/safeguarding", Visitor.PasswordOnly, "/staff/set-up-authenticator" },
        { "/staff/safeguarding", Visitor.Safeguarding, "/staff/safeguarding" },
    };

    [Fact]
    public async Task AdminHome_LinksToEveryAdminArea()
    {
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Admin));

        await browser.GetAsync("/admin");

        Assert.Equal("Admin", browser.Text("h1"));
        Assert.Equal(["/admin/wording", "/admin/outcome", "/admin/users", "/admin/audit"], browser.Page.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task StaffEndpoint_LeadsEachVisitorWhereTheyShouldBe(string url, Visitor visitor, string expected)
    {
        using var browser = portal.CreateRespondent();
        switch (visitor)
        {
            case Visitor.PasswordOnly:
                await browser.SignInAsync(await portal.CreateStaffAsync(withAuthenticator: false));
                break;
            case Visitor.Analyst or Visitor.Admin or Visitor.Safeguarding:
                await browser.SignInAsync(await portal.CreateStaffAsync(visitor.ToString()));
                break;
        }

        await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal(expected, browser.Path);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/audit-log.csv")]
    [InlineData("/admin/wording")]
    [InlineData("/admin/wording/edit/details")]
    [InlineData("/admin/wording/versions")]
    [InlineData("/admin/wording/versions/1")]
    [InlineData("/admin/wording/publish")]
    public async Task AdminPages_AreForbiddenToAnalysts(string url)
    {
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(await portal.CreateStaffAsync(StaffRoles.Analyst));

        await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
        Assert.Equal("You do not have permission to see this page", browser.Text("h1"));
    }

    [Theory]
    [InlineData("/admin/wording/edit/q5", StaffRoles.Analyst)]
    [InlineData("/admin/wording/preview", StaffRoles.Analyst)]
    [InlineData("/admin/wording/preview/stop", StaffRoles.Analyst)]
    [InlineData("/admin/wording/publish", StaffRoles.Analyst)]
    [InlineData("/admin/wording/delete-draft", StaffRoles.Analyst)]
    [InlineData("/admin/wording/versions/1/restore", StaffRoles.Analyst)]
    [InlineData("/admin/wording/edit/q5", null)]
    [InlineData("/admin/wording/versions/1/restore", null)]
    public async Task AdminWordingPosts_AreRefusedToAnyoneButAnAdmin_AndChangeNothing(string url, string? role)
    {
        using var browser = portal.CreateRespondent();
        if (role is not null)
        {
            await browser.SignInAsync(await portal.CreateStaffAsync(role));
        }

        await browser.GetAsync(role is null ? "/staff/sign-in" : "/staff");
        await browser.PostAsync(url, [new("__RequestVerificationToken", browser.AntiforgeryToken), new("Values[SectionTitle]", "Not an admin's words")]);

        Assert.Equal(role is null ? $"/staff/sign-in?ReturnUrl={Uri.EscapeDataString(url)}" : url, browser.Path);
        Assert.Equal(role is null ? HttpStatusCode.OK : HttpStatusCode.Forbidden, browser.Status);
        Assert.Equal(0, await portal.QueryAsync(db => db.QuestionWordings.CountAsync(q => q.SectionTitle == "Not an admin's words")));
        Assert.Equal(0, await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.Number > 1 && v.State != ContentVersionState.Draft)));
    }

    [Fact]
    public async Task SignOut_IsAPostOnly()
    {
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(await portal.CreateStaffAsync());

        await browser.GetAsync("/staff/sign-out");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, browser.Status);
        Assert.Equal("Sorry, we could not use what was sent", browser.Text("h1"));
        await browser.GetAsync("/staff");
        Assert.Equal("/staff", browser.Path);
    }

    /// <summary>
    /// Deny by default, checked over every action the app has, so a new page cannot be left open by
    /// forgetting an attribute: each is public on purpose, or needs a signed-in user.
    /// </summary>
    [Fact]
    public void EveryAction_IsEitherDeliberatelyPublicOrNeedsASignedInUser()
    {
        var actions = portal.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var publicActions = new List<string>();

        foreach (var action in actions)
        {
            var metadata = action.EndpointMetadata;
            var name = action.DisplayName ?? action.Id;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                publicActions.Add(name);
                continue;
            }

            Assert.True(metadata.OfType<IAuthorizeData>().Any(), $"{name} has no authorisation");
        }

        Assert.All(publicActions, name => Assert.Matches(@"\.(Respond|Information|Errors|Account|Outcome\.OutcomeController)\.", name));
        Assert.DoesNotContain(publicActions, name => name.Contains(".Staff.", StringComparison.Ordinal) || name.Contains(".Admin.", StringComparison.Ordinal));
        // Every admin page, whichever feature it belongs to: by its address as well as its folder.
        Assert.All(actions.Where(a => a.DisplayName!.Contains(".Admin.", StringComparison.Ordinal)
                || (a.AttributeRouteInfo?.Template?.StartsWith("admin", StringComparison.OrdinalIgnoreCase) ?? false)),
            a => Assert.Contains(a.EndpointMetadata.OfType<IAuthorizeData>(), d => d.Policy == "Admin"));
        Assert.Contains(actions, a => a.AttributeRouteInfo?.Template == "admin/outcome/publish");
    }
}
