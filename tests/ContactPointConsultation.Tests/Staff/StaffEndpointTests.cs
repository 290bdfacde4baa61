using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Staff;

/// <summary>
/// Every staff and admin endpoint, found from the controllers themselves so that a new one is covered
/// the moment it is written, tried by someone signed out, by an analyst, and without a form token.
/// </summary>
public sealed partial class StaffEndpointTests(SharedPortal portal)
{
    /// <summary>A real-looking value for each route parameter; authorisation is decided before any is looked up.</summary>
    private static readonly Dictionary<string, string> SampleValues = new()
    {
        ["reference"] = "ABCDEFGH",
        ["id"] = "00000000-0000-0000-0000-000000000000",
        ["partId"] = "q5",
        ["number"] = "1",
        ["number:int"] = "1",
        ["id:long"] = "1",
        ["questionNumber:int"] = "3",
        ["question:int"] = "3",
        ["id:int"] = "1",
        ["item:long"] = "1",
    };

    public static TheoryData<string, string> AllEndpoints() =>
        [.. Endpoints().Select(e => (e.Method, e.Url))];

    public static TheoryData<string, string> AdminEndpoints() =>
        [.. Endpoints().Where(e => e.AdminOnly).Select(e => (e.Method, e.Url))];

    /// <summary>Each role with the endpoints it has no part in: analysts and admins without the Safeguarding role the leads' pages, a lead who is nothing else the analysis and the entry of paper responses.</summary>
    public static TheoryData<string, string, string> EndpointsForRolesWithNoPartInThem() =>
        [.. from e in Endpoints()
            from role in e.Url.StartsWith("/staff/safeguarding", StringComparison.Ordinal) ? [StaffRoles.Analyst, StaffRoles.Admin]
                : e.Url.StartsWith("/staff/analysis", StringComparison.Ordinal) || e.Url.StartsWith("/staff/paper", StringComparison.Ordinal) ? [StaffRoles.Safeguarding]
                : Array.Empty<string>()
            select (role, e.Method, e.Url)];

    public static TheoryData<string> Posts() =>
        [.. Endpoints().Where(e => e.Method == "POST").Select(e => e.Url)];

    [Fact]
    public void TheEndpointList_FindsEveryStaffAndAdminPage()
    {
        var endpoints = Endpoints();

        Assert.Contains(("GET", "/staff/responses/ABCDEFGH", false), endpoints);
        Assert.Contains(("POST", "/admin/users/00000000-0000-0000-0000-000000000000/enable", true), endpoints);
        Assert.Contains(("GET", "/admin/audit/audit-log.csv", true), endpoints);
        Assert.Contains(("POST", "/staff/safeguarding/1", false), endpoints);
        Assert.Contains(("POST", "/staff/responses/ABCDEFGH/questions/3/flag", false), endpoints);
        Assert.Contains(("POST", "/staff/analysis/codebook/import", false), endpoints);
        Assert.Contains(("POST", "/staff/analysis/themes/1/retire", false), endpoints);
        Assert.Contains(("POST", "/staff/analysis/questions/3/comments/ABCDEFGH", false), endpoints);
        Assert.Contains(("POST", "/admin/analysis/questions/3/coding-samples", true), endpoints);
        Assert.True(endpoints.Count >= 30, $"Only {endpoints.Count} endpoints found");
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task SignedOutVisitor_IsSentToSignIn(string method, string url)
    {
        using var browser = portal.CreateRespondent();
        await browser.GetAsync("/staff/sign-in");

        await SendAsync(browser, method, url, withToken: true);

        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal($"/staff/sign-in?ReturnUrl={Uri.EscapeDataString(url)}", browser.Path);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Analyst_IsForbiddenEveryAdminEndpoint(string method, string url)
    {
        using var browser = await portal.SignedInStaffAsync(StaffRoles.Analyst);
        await browser.GetAsync("/staff");

        await SendAsync(browser, method, url, withToken: true);

        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
        Assert.Equal("You do not have permission to see this page", browser.Text("h1"));
    }

    [Theory]
    [MemberData(nameof(EndpointsForRolesWithNoPartInThem))]
    public async Task StaffWithoutTheRoleAnEndpointIsFor_AreForbiddenIt(string role, string method, string url)
    {
        using var browser = await portal.SignedInStaffAsync(role);
        await browser.GetAsync("/staff");

        await SendAsync(browser, method, url, withToken: true);

        Assert.Equal(HttpStatusCode.Forbidden, browser.Status);
        Assert.Equal("You do not have permission to see this page", browser.Text("h1"));
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Post_WithoutAnAntiforgeryToken_IsRefusedWithAFriendlyPage_AndChangesNothing(string url)
    {
        // Every role, so that each endpoint gets as far as checking the token.
        var admin = await portal.CreateStaffAsync(StaffRoles.Admin);
        await portal.WithUserAsync(admin.Email, (users, user) => users.AddToRoleAsync(user, StaffRoles.Safeguarding));
        using var browser = portal.CreateRespondent();
        await browser.SignInAsync(admin);

        await SendAsync(browser, "POST", url, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        Assert.Equal("Sorry, we could not use what was sent", browser.Text("h1"));
        Assert.Equal([AuditActions.SignedIn], await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Actor == admin.Email).Select(e => e.Action).ToListAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.Number > 1 && v.State == ContentVersionState.Live)));
    }

    private static async Task SendAsync(Respondent browser, string method, string url, bool withToken)
    {
        if (method == "GET")
        {
            await browser.GetAsync(url);
            return;
        }

        List<KeyValuePair<string, string>> form = [new("Role", StaffRoles.Admin), new("Email", "someone-new@example.gov.uk")];
        if (withToken)
        {
            form.Add(new("__RequestVerificationToken", browser.AntiforgeryToken));
        }

        await browser.PostAsync(url, form);
    }

    /// <summary>Every action whose address starts /staff or /admin, except those meant for people not yet signed in.</summary>
    private static List<(string Method, string Url, bool AdminOnly)> Endpoints() =>
    [
        .. from controller in typeof(Program).Assembly.GetTypes()
           where controller.IsSubclassOf(typeof(Controller))
           from action in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
           where action.GetCustomAttribute<AllowAnonymousAttribute>() is null
           from http in action.GetCustomAttributes<HttpMethodAttribute>()
           let url = Url(controller.GetCustomAttribute<RouteAttribute>()?.Template ?? "", http.Template ?? "")
           where url.StartsWith("/staff", StringComparison.Ordinal) || url.StartsWith("/admin", StringComparison.Ordinal)
           orderby url, http.HttpMethods.Single()
           // Decided by the address, not by the attribute under test: everything under /admin is for admins.
           select (http.HttpMethods.Single(), url, url.StartsWith("/admin", StringComparison.Ordinal)),
    ];

    /// <summary>An action's address: its template after the controller's, unless it starts "~/", which stands alone, as MVC routes it.</summary>
    private static string Url(string prefix, string template) =>
        "/" + RouteParameter().Replace(template.StartsWith("~/", StringComparison.Ordinal) ? template[2..] : string.Join('/', new[] { prefix, template }.Where(p => p.Length > 0)),
            m => SampleValues.GetValueOrDefault(m.Groups[1].Value + m.Groups[2].Value) ?? SampleValues[m.Groups[1].Value]);

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex RouteParameter();
}
