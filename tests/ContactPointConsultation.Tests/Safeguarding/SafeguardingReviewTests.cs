using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Staff;
using ContactPointConsultation.Web.Features.Safeguarding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactPointConsultation.Tests.Safeguarding;

public sealed class SafeguardingReviewTests
{
    internal const string Disclosure = "my step dad hits me when mum is out";
    internal const string Ordinary = "People who misuse ContactPoint should be punished";

    [Fact]
    public async Task Send_CommentThatDisclosesHarm_IsQueuedFromTheScreen_AndWithheldFromTheDownload()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).Answer(4, "yes", Ordinary));

        var item = await portal.QueryAsync(db => db.SafeguardingItems.Include(i => i.Flags).SingleAsync());
        Assert.Equal((reference, 3, SafeguardingStatus.Waiting, SafeguardingRelease.Withheld), (item.Reference, item.QuestionNumber, item.Status, item.Release));
        Assert.Equal(Disclosure, item.OriginalText);
        var flag = Assert.Single(item.Flags);
        Assert.Equal(FlagSource.Screen, flag.Source);
        Assert.Contains("hits me", flag.Reason, StringComparison.Ordinal);

        var row = await DownloadRowAsync(portal, reference);
        Assert.Equal("No", row["Q3 answer"]);
        Assert.Equal(Withholding.WithheldText, row["Q3 comments"]);
        Assert.Equal(Ordinary, row["Q4 comments"]);
    }

    [Fact]
    public async Task Send_OrdinaryCommentsOnly_QueuesNothing()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(4, "yes", Ordinary).Answer(5, "no", "substance abuse services are sensitive"));

        Assert.Equal(0, await portal.QueryAsync(db => db.SafeguardingItems.CountAsync()));
        Assert.Equal(0, await portal.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Start_WarmsTheScreenUpInTheBackground()
    {
        await using var portal = new PortalFactory();
        _ = portal.Server;

        Assert.Single(portal.Services.GetServices<IHostedService>().OfType<ScreenWarmUp>());
    }

    [Fact]
    public async Task Screen_FlaggedComment_PutsOneNotificationInTheOutboxWithTheFlag()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));

        var message = await portal.QueryAsync(db => db.OutboxMessages.SingleAsync());
        var item = await portal.QueryAsync(db => db.SafeguardingItems.SingleAsync());
        Assert.Equal(item.Id, message.SafeguardingItemId);
        Assert.Null(message.CompletedAt);
    }

    [Theory]
    [InlineData(StaffRoles.Analyst)]
    [InlineData(StaffRoles.Admin)]
    public async Task QueueAndItem_WithoutTheSafeguardingRole_AreForbidden(string role)
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        var id = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Id).SingleAsync());
        using var staff = await portal.SignedInStaffAsync(role);

        await staff.GetAsync("/staff/safeguarding");
        Assert.Equal(HttpStatusCode.Forbidden, staff.Status);
        await staff.GetAsync($"/staff/safeguarding/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, staff.Status);
        Assert.DoesNotContain("step dad", staff.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.FirstOpenedAt).SingleAsync()));
    }

    [Fact]
    public async Task Queue_ListsWaitingCommentsOldestFirst_WithWhoFlaggedThem_AndNoCommentText()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        await SendAsync(portal, Journey.Empty().Answer(7, "no", "and my uncle hits me too"));
        using var lead = await portal.SignedInStaffAsync(StaffRoles.Safeguarding);

        await lead.GetAsync("/staff/safeguarding");

        Assert.Equal(HttpStatusCode.OK, lead.Status);
        var rows = lead.Page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Question 3", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("Question 7", rows[1], StringComparison.Ordinal);
        Assert.Contains("The screen", lead.Text("tbody"), StringComparison.Ordinal);
        Assert.DoesNotContain("hits me", lead.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenItem_ShowsTheComment_IsAudited_AndTheFirstOpeningIsTheAcknowledgement()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure).AboutYou("11-to-13", null));
        using var lead = await portal.SignedInStaffAsync(StaffRoles.Safeguarding);
        var id = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Id).SingleAsync());

        await lead.GetAsync($"/staff/safeguarding/{id}");
        await lead.GetAsync($"/staff/safeguarding/{id}");

        Assert.Equal(Disclosure, lead.Page.QuerySelector(".app-comment bdi")!.TextContent);
        Assert.Contains("11 to 13", lead.Text("main"), StringComparison.Ordinal);
        Assert.Contains("hits me", lead.Text("main"), StringComparison.Ordinal);
        var item = await portal.QueryAsync(db => db.SafeguardingItems.SingleAsync());
        Assert.NotNull(item.FirstOpenedAt);
        Assert.StartsWith("safeguarding-", item.FirstOpenedBy, StringComparison.Ordinal);
        var opened = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SafeguardingItemOpened).ToListAsync());
        Assert.Equal(2, opened.Count);
        Assert.All(opened, e => Assert.Equal($"{reference} Q3", e.Target));
        Assert.All(opened, e => Assert.DoesNotContain("hits", e.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_NoConcernAsWritten_ReleasesTheCommentToTheDownload_AndLeavesTheQueue()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal);

        await lead.SubmitAsync(Decision("no-concern", "as-written"));

        Assert.Contains("Decision recorded: No safeguarding concern", lead.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Equal(Disclosure, (await DownloadRowAsync(portal, reference))["Q3 comments"]);
        await lead.GetAsync("/staff/safeguarding");
        Assert.Empty(lead.Page.QuerySelectorAll("tbody tr"));
        var decided = await portal.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SafeguardingDecided));
        Assert.Equal($"{reference} Q3", decided.Target);
    }

    [Fact]
    public async Task Decide_ConcernSharedWithARedactedCopy_RecordsTheSharing_AndAnalysisSeesOnlyTheCopy()
    {
        await using var portal = new PortalFactory();
        var reference = await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure + " at Oak Hill school"));
        using var lead = await OpenAsLeadAsync(portal);

        var fields = Decision("concern-shared", "redacted");
        fields["Organisation"] = "Leeds children's social care";
        fields["Role"] = "Duty social worker";
        (fields["SharedOnDay"], fields["SharedOnMonth"], fields["SharedOnYear"]) = ("1", "12", "2026");
        fields["WhatWasShared"] = "The comment and the school's name";
        fields["WhyShared"] = "A child says they are being hit at home";
        fields["RedactedText"] = "my step dad hits me when mum is out at [school]";
        await lead.SubmitAsync(fields);

        var decision = await portal.QueryAsync(db => db.SafeguardingDecisions.SingleAsync());
        Assert.Equal((SafeguardingOutcome.ConcernShared, "Leeds children's social care", "Duty social worker"), (decision.Outcome, decision.SharedWithOrganisation, decision.SharedWithRole));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), decision.SharedOn);
        Assert.Equal("my step dad hits me when mum is out at [school]", (await DownloadRowAsync(portal, reference))["Q3 comments"]);
        Assert.Equal(Disclosure + " at Oak Hill school", lead.Page.QuerySelector(".app-comment bdi")!.TextContent);
        Assert.Contains("Duty social worker, Leeds children's social care", lead.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_NothingSelected_ShowsAnErrorForEachChoice_AndKeepsWhatWasTyped()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal);

        await lead.SubmitAsync(new Dictionary<string, string?> { ["Notes"] = "Spoke to the deputy first" });

        Assert.Equal(["Select what you decided", "Select what analysts can read"], lead.ErrorSummary);
        Assert.StartsWith("Error: ", lead.Text("title"), StringComparison.Ordinal);
        Assert.Equal("Spoke to the deputy first", lead.Page.QuerySelector("textarea[name=Notes]")!.TextContent);
        Assert.Empty(await portal.QueryAsync(db => db.SafeguardingDecisions.ToListAsync()));
    }

    [Fact]
    public async Task Decide_SharedWithNoOrganisationRoleOrDate_ShowsEachMissingPart()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal);

        var fields = Decision("concern-shared", "withheld");
        fields["WhatWasShared"] = "The comment";
        await lead.SubmitAsync(fields);

        Assert.Equal(
            ["Enter the organisation you shared information with", "Enter the role of the person you shared information with", "Enter the date you shared information", "Enter why you shared it"],
            lead.ErrorSummary);
        Assert.Equal("The comment", lead.Page.QuerySelector("textarea[name=WhatWasShared]")!.TextContent);
        Assert.NotNull(lead.Page.QuerySelector("input[name=Outcome][value=concern-shared][checked]"));
        Assert.Empty(await portal.QueryAsync(db => db.SafeguardingDecisions.ToListAsync()));
    }

    [Fact]
    public async Task Decide_SharedOnADateInTheFuture_IsRefused()
    {
        await using var portal = new PortalFactory(now: new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal, at: portal.Clock!.GetUtcNow());

        var fields = SharedDecision();
        (fields["SharedOnDay"], fields["SharedOnMonth"], fields["SharedOnYear"]) = ("3", "12", "2026");
        await lead.SubmitAsync(fields);

        Assert.Equal(["The date you shared information must be today or in the past"], lead.ErrorSummary);
        Assert.Equal("3", lead.Page.QuerySelector<IHtmlInputElement>("input[name=SharedOnDay]")!.Value);
    }

    [Fact]
    public async Task Decide_TextOverItsLimit_ShowsAnError_AndKeepsTheText()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal);
        var tooLong = new string('x', SafeguardingLimits.NotesMaxLength + 1);

        var fields = Decision("no-concern", "as-written");
        fields["Notes"] = tooLong;
        await lead.SubmitAsync(fields);

        Assert.Equal(["Notes must be 2,000 characters or less"], lead.ErrorSummary);
        Assert.Equal(tooLong, lead.Page.QuerySelector("textarea[name=Notes]")!.TextContent);
        Assert.Empty(await portal.QueryAsync(db => db.SafeguardingDecisions.ToListAsync()));
    }

    [Fact]
    public async Task Decide_PostedTwice_RecordsOneDecision_AndTellsTheSecondWhatHappened()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var first = await OpenAsLeadAsync(portal);
        using var second = await OpenAsLeadAsync(portal);

        await first.SubmitAsync(Decision("no-concern", "as-written"));
        await second.SubmitAsync(Decision("concern-no-action", "withheld"));

        Assert.Single(await portal.QueryAsync(db => db.SafeguardingDecisions.ToListAsync()));
        Assert.Contains("Someone else has changed this record", second.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Contains("No safeguarding concern", second.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(second.Page.QuerySelector("input[name=Outcome][value=concern-no-action][checked]"));

        // Having read the record, the second lead can still add theirs deliberately: a correction.
        await second.SubmitAsync(Decision("concern-no-action", "withheld"));
        Assert.Equal(2, await portal.QueryAsync(db => db.SafeguardingDecisions.CountAsync()));
        Assert.Equal(SafeguardingRelease.Withheld, await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Release).SingleAsync()));
    }

    [Fact]
    public async Task Decide_ByTwoLeadsAtOnce_RecordsExactlyOne()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        var leads = new List<Respondent>();
        for (var i = 0; i < 4; i++)
        {
            leads.Add(await OpenAsLeadAsync(portal));
        }

        await Task.WhenAll(leads.Select(lead => lead.SubmitAsync(Decision("no-concern", "as-written"))));

        Assert.Single(await portal.QueryAsync(db => db.SafeguardingDecisions.ToListAsync()));
        Assert.Equal(3, leads.Count(l => l.Page.QuerySelector("#conflict-title") is not null));
        leads.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Decisions_AreAppendOnly_TheDatabaseRefusesAnEdit()
    {
        await using var portal = new PortalFactory();
        await SendAsync(portal, Journey.Empty().Answer(3, "no", Disclosure));
        using var lead = await OpenAsLeadAsync(portal);
        await lead.SubmitAsync(Decision("no-concern", "as-written"));

        var refused = await Assert.ThrowsAsync<SqliteException>(() => portal.QueryAsync(db =>
            db.SafeguardingDecisions.ExecuteUpdateAsync(set => set.SetProperty(d => d.Notes, "changed"))));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    internal static async Task<string> SendAsync(PortalFactory portal, Journey journey)
    {
        using var respondent = portal.CreateRespondent();
        return await respondent.SendAsync(journey);
    }

    /// <summary>A new lead, signed in, on the only item's page.</summary>
    internal static async Task<Respondent> OpenAsLeadAsync(PortalFactory portal, DateTimeOffset? at = null)
    {
        var lead = portal.CreateRespondent();
        var account = await portal.CreateStaffAsync(StaffRoles.Safeguarding);
        await lead.SignInAsync(account, account.CodeAt(at));
        var id = await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.Id).SingleAsync());
        await lead.GetAsync($"/staff/safeguarding/{id}");
        return lead;
    }

    internal static Dictionary<string, string?> Decision(string outcome, string release) => new()
    {
        ["Outcome"] = outcome,
        ["Release"] = release,
    };

    private static Dictionary<string, string?> SharedDecision()
    {
        var fields = Decision("concern-shared", "withheld");
        fields["Organisation"] = "Children's social care";
        fields["Role"] = "Duty social worker";
        fields["WhatWasShared"] = "The comment";
        fields["WhyShared"] = "A child says they are hit";
        return fields;
    }

    /// <summary>The response's row of the CSV download, by column name, as an analyst downloads it.</summary>
    internal static async Task<Dictionary<string, string>> DownloadRowAsync(PortalFactory portal, string reference)
    {
        using var analyst = await portal.SignedInStaffAsync();
        var csv = await analyst.Client.GetStringAsync(new Uri(ExportTests.CsvUrl, UriKind.Relative));
        var rows = ExportTests.ParseCsv(csv);
        var row = rows.Single(r => r[0] == reference);
        return rows[0].Zip(row).ToDictionary(p => p.First.TrimStart('\uFEFF'), p => p.Second);
    }
}
