using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContactPointConsultation.Tests.Safeguarding.SafeguardingReviewTests;

namespace ContactPointConsultation.Tests.Safeguarding;

public sealed class StaffFlagTests
{
    /// <summary>A comment the screen lets through, that a person reading it may still worry about.</summary>
    private const string Worrying = "things at home are hard right now";

    [Fact]
    public void TheWorryingComment_IsOneTheScreenLetsThrough() => Assert.False(DisclosureScreen.Screen(Worrying).Flagged);

    [Fact]
    public async Task Flag_ByAnAnalyst_QueuesTheComment_WithholdsIt_AndNotifiesTheLeads()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(6, "no", Worrying));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{reference}");

        await analyst.GetAsync(analyst.Page.QuerySelectorAll("main a").Single(a => a.TextContent.StartsWith("Flag for safeguarding review", StringComparison.Ordinal)).GetAttribute("href")!);
        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "Sounds like neglect at home" });

        Assert.Equal($"/staff/responses/{reference}", analyst.Path);
        Assert.Contains("flagged for safeguarding review", analyst.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.DoesNotContain(Worrying, analyst.Html, StringComparison.Ordinal);
        Assert.Contains(Withholding.WithheldText, analyst.Text("main"), StringComparison.Ordinal);
        var item = await portal.QueryAsync(db => db.SafeguardingItems.Include(i => i.Flags).SingleAsync());
        var flag = Assert.Single(item.Flags);
        Assert.Equal((FlagSource.Staff, "Sounds like neglect at home"), (flag.Source, flag.Reason));
        Assert.StartsWith("analyst-", flag.FlaggedBy, StringComparison.Ordinal);
        Assert.Equal(item.Id, await portal.QueryAsync(db => db.OutboxMessages.Select(m => m.SafeguardingItemId).SingleAsync()));
        Assert.Equal(Withholding.WithheldText, (await DownloadRowAsync(portal, reference))["Q6 comments"]);
    }

    [Fact]
    public async Task Flag_WithNoReason_ShowsAnError_AndAReasonTooLong_KeepsWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(6, "no", Worrying));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{reference}/questions/6/flag");

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "  " });
        Assert.Equal(["Enter why this comment worries you"], analyst.ErrorSummary);

        var tooLong = new string('w', SafeguardingLimits.ReasonMaxLength + 1);
        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = tooLong });
        Assert.Equal(["The reason must be 1,000 characters or less"], analyst.ErrorSummary);
        Assert.Equal(tooLong, analyst.Page.QuerySelector("textarea[name=Reason]")!.TextContent);
        Assert.Equal(0, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync()));
    }

    [Fact]
    public async Task Flag_AQuestionWithNoComment_IsNotFound()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(6, "no", Worrying).Answer(7, "yes"));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{reference}/questions/7/flag");

        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "Worried" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, analyst.Status);
        Assert.Equal(0, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync()));
    }

    [Fact]
    public async Task Search_NeverFindsAWithheldComment_ButFindsItOnceReleased()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var analyst = await portal.SignedInStaffAsync();

        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString("step dad"));
        Assert.Empty(analyst.Page.QuerySelectorAll("tbody tr"));
        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString("Withheld"));
        Assert.Empty(analyst.Page.QuerySelectorAll("tbody tr"));

        using var lead = await OpenAsLeadAsync(portal);
        await lead.SubmitAsync(Decision("no-concern", "as-written"));
        await analyst.GetAsync("/staff/responses?search=" + Uri.EscapeDataString("step dad"));
        Assert.Equal([reference], analyst.Page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ResponsePage_ForALead_LinksToTheReview_AndTheDashboardSaysHowManyWait()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var leadAndAnalyst = portal.CreateRespondent();
        var account = await portal.CreateStaffAsync(StaffRoles.Analyst);
        await portal.WithUserAsync(account.Email, (users, user) => users.AddToRoleAsync(user, StaffRoles.Safeguarding));
        await leadAndAnalyst.SignInAsync(account);

        await leadAndAnalyst.GetAsync($"/staff/responses/{reference}");
        var id = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Id).SingleAsync());
        Assert.Contains(leadAndAnalyst.Page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/staff/safeguarding/{id}");
        Assert.DoesNotContain(Disclosure, leadAndAnalyst.Html, StringComparison.Ordinal);

        await leadAndAnalyst.GetAsync("/staff");
        Assert.Equal("1 waiting for safeguarding review, the oldest less than an hour old.", leadAndAnalyst.Text(".app-safeguarding-summary"));
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff");
        Assert.Null(analyst.Page.QuerySelector(".app-safeguarding-summary"));
    }
}
