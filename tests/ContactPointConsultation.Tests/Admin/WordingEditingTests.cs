using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Staff;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Admin;

public sealed class WordingEditingTests
{
    private const string NewHelp = "ContactPoint is a list of every child in England. It helps the adults who work with you to find each other.";

    [Fact]
    public async Task EditPreviewPublish_NewRespondentSeesTheNewWording()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var oldHelp = (await portal.WordingAsync(ContentVersionState.Live, 5)).HelpText;

        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = NewHelp });

        Assert.Equal("/admin/wording", admin.Path);
        Assert.Equal("Q5 saved in draft version 2", admin.Text(".govuk-notification-banner__heading"));
        using (var respondent = portal.CreateRespondent())
        {
            await respondent.GetAsync("/questions/5");
            Assert.DoesNotContain("a list of every child", respondent.Text(".app-help-panel"), StringComparison.Ordinal);
        }

        await admin.SubmitAsync();
        Assert.Equal("/", admin.Path);
        await admin.GetAsync("/questions/5");
        Assert.Equal(NewHelp, admin.Text(".app-help-panel"));
        Assert.Equal("Preview of draft version 2. Nothing you type is saved or sent.", admin.Text(".app-preview-banner p"));
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes", ["Comments"] = "A preview comment" });
        Assert.Equal("/questions/6", admin.Path);
        await admin.GetAsync("/check-answers");
        Assert.Null(admin.Page.QuerySelector("main form"));
        Assert.Equal(0, await portal.QueryAsync(db => db.Drafts.CountAsync()));

        await admin.PostAsync("/admin/wording/preview/stop", [new("__RequestVerificationToken", admin.AntiforgeryToken)]);
        await admin.GetAsync("/admin/wording/publish");
        Assert.Contains("list of every child in England", string.Concat(admin.Page.QuerySelectorAll("ins").Select(e => e.TextContent)), StringComparison.Ordinal);
        await admin.SubmitAsync();

        Assert.Equal("Version 2 is now live. New respondents see this wording; anyone part way through keeps the wording they started with", admin.Text(".govuk-notification-banner__heading"));
        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync("/questions/5");
        Assert.Equal(NewHelp, newcomer.Text(".app-help-panel"));
        Assert.Equal(0, await portal.QueryAsync(db => db.Responses.CountAsync()));
        var audit = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("Wording")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.WordingEdited, AuditActions.WordingPublished], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("admin-", e.Actor, StringComparison.Ordinal));
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(oldHelp)[1..^1], audit[0].Details!, StringComparison.Ordinal);
        Assert.Contains(NewHelp, audit[0].Details!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondentPartWayThrough_KeepsTheirWording_AndTheirResponseAndTheExportSayWhich()
    {
        await using var portal = new PortalFactory();
        using var halfway = portal.CreateRespondent();
        await halfway.GetAsync("/questions/2");
        await halfway.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });
        var oldHelp = (await portal.WordingAsync(ContentVersionState.Live, 5)).HelpText;

        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = NewHelp });
        await admin.PublishWordingAsync();

        await halfway.GetAsync("/questions/5");
        Assert.Equal(GovUkText(oldHelp), halfway.Text(".app-help-panel").Split('\n')[0].Trim());
        var oldReference = await halfway.SendAsync(Journey.Empty().Answer(5, "no", "Still on the old words"));
        using var newcomer = portal.CreateRespondent();
        var newReference = await newcomer.SendAsync(Journey.Empty().Answer(5, "yes"));

        var versions = await portal.QueryAsync(db => db.Responses
            .Join(db.ContentVersions, r => r.ContentVersionId, v => v.Id, (r, v) => new { r.Reference, v.Number })
            .ToDictionaryAsync(x => x.Reference, x => x.Number));
        Assert.Equal(1, versions[oldReference]);
        Assert.Equal(2, versions[newReference]);

        using var file = new MemoryStream(await admin.Client.GetByteArrayAsync(new Uri(ExportTests.XlsxUrl, UriKind.Relative), TestContext.Current.CancellationToken));
        using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
        var codebook = ExportTests.TextRows(ExportTests.Worksheet(workbook, "Codebook"));
        Assert.Equal(1 + 22, codebook.Count);
        Assert.Equal(oldHelp, Assert.Single(codebook, r => r[0] == "1" && r[1] == "5")[4]);
        Assert.Equal(NewHelp, Assert.Single(codebook, r => r[0] == "2" && r[1] == "5")[4]);
    }

    [Fact]
    public async Task AnswerTypedJustBeforeNewWordingWentLive_IsPinnedToTheWordsOnTheirPage()
    {
        await using var portal = new PortalFactory();
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        var oldTitle = respondent.Text("h1");
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q2", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Reworded while they typed" });
        await admin.PublishWordingAsync();

        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });

        Assert.Equal("/questions/3", respondent.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.Drafts.Join(db.ContentVersions, d => d.ContentVersionId, v => v.Id, (d, v) => v.Number).SingleAsync()));
        await respondent.GetAsync("/questions/2");
        Assert.Equal(oldTitle, respondent.Text("h1"));
    }

    [Theory]
    [InlineData("the draft")]
    [InlineData("999999")]
    [InlineData("-1")]
    [InlineData("not a number")]
    public async Task ShownVersion_ThatWasNeverLive_IsIgnoredAndTheAnswerGoesOnTheLiveVersion(string shown)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q2", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Not live yet" });
        var draftId = await portal.QueryAsync(db => db.ContentVersions.Where(v => v.State == ContentVersionState.Draft).Select(v => v.Id).SingleAsync());
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");

        await respondent.SubmitKeepingAsync(new Dictionary<string, string>
        {
            ["ShownVersion"] = shown == "the draft" ? draftId.ToString(System.Globalization.CultureInfo.InvariantCulture) : shown,
            ["Answer"] = "no",
        });

        Assert.Equal("/questions/3", respondent.Path);
        Assert.Equal(ContentVersionState.Live, await portal.QueryAsync(db => db.Drafts.Join(db.ContentVersions, d => d.ContentVersionId, v => v.Id, (d, v) => v.State).SingleAsync()));
        await respondent.GetAsync("/questions/2");
        Assert.NotEqual("Not live yet", respondent.Text("h1"));
    }

    [Fact]
    public async Task TwoAdminsEditTheSameQuestion_TheSecondSeesBothTextsAndKeepsTheirs()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await first.GetAsync("/admin/wording/edit/q7");
        await second.GetAsync("/admin/wording/edit/q7");

        await first.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[SectionTitle]"] = "First admin's title" });
        await second.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[SectionTitle]"] = "Second admin's title" });

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Someone else has changed this text", second.Text("h1"));
        Assert.Equal("Second admin's title", second.Page.QuerySelector<IHtmlInputElement>("#section-title")!.Value);
        Assert.Contains("First admin's title", second.Text("#section-title-saved"), StringComparison.Ordinal);
        Assert.Equal("First admin's title", (await portal.WordingAsync(ContentVersionState.Draft, 7)).SectionTitle);

        await second.SubmitKeepingAsync(new Dictionary<string, string>());

        Assert.Equal("/admin/wording", second.Path);
        Assert.Equal("Second admin's title", (await portal.WordingAsync(ContentVersionState.Draft, 7)).SectionTitle);
        Assert.Equal(2, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.WordingEdited)));
    }

    [Fact]
    public async Task ConflictOnTheDetails_ShowsTheOtherAdminsClosingDate_SoItIsNotUndoneUnseen()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await first.GetAsync("/admin/wording/edit/details");
        await second.GetAsync("/admin/wording/edit/details");

        await first.SubmitKeepingAsync(new Dictionary<string, string> { ["Day[ClosesAt]"] = "15", ["Month[ClosesAt]"] = "6", ["Year[ClosesAt]"] = "2030" });
        await second.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[ConsultationName]"] = "A new name" });

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Their date, saved meanwhile: 15 June 2030", string.Join(' ', second.Text("#closes-at-saved").Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Null(second.Page.QuerySelector("#opens-at-saved"));
        Assert.Contains("closes-at-saved", second.Page.QuerySelector("#closes-at")!.Closest("fieldset")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoAdminsEditDifferentQuestions_BothChangesAreKept()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await first.GetAsync("/admin/wording/edit/q3");
        await second.GetAsync("/admin/wording/edit/q4");

        await first.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[SectionTitle]"] = "Three" });
        await second.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[SectionTitle]"] = "Four" });

        Assert.Equal("/admin/wording", second.Path);
        Assert.Equal("Three", (await portal.WordingAsync(ContentVersionState.Draft, 3)).SectionTitle);
        Assert.Equal("Four", (await portal.WordingAsync(ContentVersionState.Draft, 4)).SectionTitle);
    }

    [Fact]
    public async Task Publish_AfterTheDraftChangedUnderneath_MakesNothingLiveAndSaysWhy()
    {
        await using var portal = new PortalFactory();
        using var first = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await first.EditWordingAsync("q3", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Looked at" });
        await first.GetAsync("/admin/wording/publish");

        await second.EditWordingAsync("q3", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Not looked at" });
        await first.SubmitAsync();

        Assert.Contains("The draft has changed since you opened this page", first.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.QueryAsync(db => db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => v.Number).SingleAsync()));
    }

    [Theory]
    [InlineData("Values[SectionTitle]", "", "Enter the page title")]
    [InlineData("Values[HelpText]", "<script>alert('hi')</script> Read this", "Help panel must not contain HTML tags. Use Markdown for bold text, lists and links")]
    [InlineData("Values[HelpText]", "<img src=x onerror=alert(1)>", "Help panel must not contain HTML tags. Use Markdown for bold text, lists and links")]
    [InlineData("Values[HelpText]", "Hello. [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "Help panel has too many brackets, lists or quotes inside each other. Take some out")]
    public async Task Save_BadText_ShowsTheErrorKeepsTheTextAndSavesNothing(string field, string typed, string message)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditWordingAsync("q6", new Dictionary<string, string> { [field] = typed });

        Assert.Equal([message], admin.ErrorSummary);
        var box = admin.Page.QuerySelector($"[name='{field}']")!;
        Assert.Equal(typed, box is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)box).Value);
        Assert.Equal(0, await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.State == ContentVersionState.Draft)));
    }

    [Fact]
    public async Task PublishPage_MarksParagraphsJoined_ThoughNoWordChanged()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var help = (await portal.WordingAsync(ContentVersionState.Live, 5)).HelpText;
        var split = help.IndexOf("\n\n", StringComparison.Ordinal);
        Assert.True(split > 0, "Q5's help panel has more than one paragraph");
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = help[..split] + " " + help[(split + 2)..] });

        await admin.GetAsync("/admin/wording/publish");

        Assert.Equal("¶[line break removed]", admin.Text("del"));
        Assert.Null(admin.Page.QuerySelector("ins"));
    }

    [Fact]
    public async Task Publish_UnderARetryingExecutionStrategy_AsOnSqlServer_MakesTheDraftLive()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q7", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Published with retries" });
        var stamp = await portal.QueryAsync(db => db.ContentVersions.Where(v => v.State == ContentVersionState.Draft).Select(v => v.ConcurrencyStamp).SingleAsync());
        await using var db = RetryingStrategy.Context(portal);
        var editor = new ContentEditor(db, portal.Services.GetRequiredService<ContentCatalogue>(), new AuditLog(db, TimeProvider.System), TimeProvider.System);

        var published = await editor.PublishAsync(stamp, "admin@example.gov.uk", from: null, TestContext.Current.CancellationToken);

        Assert.Equal(2, published);
        Assert.Equal("Published with retries", (await portal.WordingAsync(ContentVersionState.Live, 7)).SectionTitle);
    }

    [Fact]
    public async Task Save_HelpTextTooLong_ShowsTheLimit()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditWordingAsync("q6", new Dictionary<string, string> { ["Values[HelpText]"] = new string('a', 10_001) });

        Assert.Equal(["Help panel must be 10,000 characters or less"], admin.ErrorSummary);
    }

    [Theory]
    [InlineData("31", "2", "2027", "The closing date must be a real date")]
    [InlineData("", "", "", "Enter the closing date")]
    [InlineData("31", "", "2027", "The closing date must include a month")]
    [InlineData("", "3", "", "The closing date must include a day and year")]
    [InlineData("31", "3", "27", "The closing date must be a real date")]
    [InlineData("2", "1", "2000", "The closing date must be the same as or after the opening date")]
    public async Task Save_BadClosingDate_ShowsTheError(string day, string month, string year, string message)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditWordingAsync("details", new Dictionary<string, string>
        {
            ["Day[ClosesAt]"] = day,
            ["Month[ClosesAt]"] = month,
            ["Year[ClosesAt]"] = year,
        });

        Assert.Equal([message], admin.ErrorSummary);
        Assert.Equal("#closes-at", admin.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(day, admin.Page.QuerySelector<IHtmlInputElement>("#closes-at")!.Value);
    }

    [Fact]
    public async Task ClosingDateBroughtForward_ClosesTheConsultationOnlyOnceLive()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditWordingAsync("details", new Dictionary<string, string>
        {
            ["Day[OpensAt]"] = "1",
            ["Month[OpensAt]"] = "1",
            ["Year[OpensAt]"] = "2026",
            ["Day[ClosesAt]"] = "2",
            ["Month[ClosesAt]"] = "1",
            ["Year[ClosesAt]"] = "2026",
        });
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/");
        Assert.Equal("/", respondent.Path);

        await admin.PublishWordingAsync();
        await respondent.GetAsync("/");

        Assert.Equal("/closed", respondent.Path);
        Assert.Contains("2 January 2026", respondent.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_AnEarlierVersion_PutsItsWordingInADraftAndTheVersionsPageShowsTheWords()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var original = (await portal.WordingAsync(ContentVersionState.Live, 9)).SectionTitle;
        await admin.EditWordingAsync("q9", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Reworded for younger readers" });
        await admin.PublishWordingAsync();

        await admin.GetAsync("/admin/wording/versions?from=1&to=2");
        Assert.Equal("Reworded for younger readers", string.Concat(admin.Page.QuerySelectorAll("ins").Select(e => e.TextContent.Replace("[added: ", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))).Trim());
        Assert.Contains(original, admin.Text("del"), StringComparison.Ordinal);

        await admin.GetAsync("/admin/wording/versions/1");
        await admin.SubmitAsync();

        Assert.Equal("The wording of version 1 is now in draft version 3. Preview it, then make it live", admin.Text(".govuk-notification-banner__heading"));
        Assert.Equal(original, (await portal.WordingAsync(ContentVersionState.Draft, 9)).SectionTitle);
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.WordingRestored)));
    }

    [Fact]
    public async Task DeleteDraft_LeavesTheLiveWordingAndIsAudited()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q3", new Dictionary<string, string> { ["Values[SectionTitle]"] = "Never mind" });

        await admin.GetAsync("/admin/wording/delete-draft");
        await admin.SubmitAsync();

        Assert.Equal("Draft deleted. The live wording has not changed", admin.Text(".govuk-notification-banner__heading"));
        Assert.Equal(0, await portal.QueryAsync(db => db.ContentVersions.CountAsync(v => v.State == ContentVersionState.Draft)));
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.WordingDraftDeleted)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(StaffRoles.Analyst)]
    [InlineData(StaffRoles.Admin)]
    public async Task PreviewCookie_IsIgnoredForAnyoneButTheAdminWhoStartedIt(string? role)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = NewHelp });
        await admin.GetAsync("/admin/wording");
        await admin.SubmitAsync();
        var previewCookie = admin.Cookies.GetAllCookies().Single(c => c.Name == "cp_preview");

        using var stranger = role is null ? portal.CreateRespondent() : await portal.SignedInStaffAsync(role);
        stranger.Cookies.Add(new Cookie(previewCookie.Name, previewCookie.Value, "/", previewCookie.Domain));
        await stranger.GetAsync("/questions/5");

        Assert.DoesNotContain("a list of every child", stranger.Text(".app-help-panel"), StringComparison.Ordinal);
        Assert.Null(stranger.Page.QuerySelector(".app-preview-banner"));
    }

    [Fact]
    public async Task ResumeCode_InAPreview_DoesNotTakeOverTheYoungPersonsAnswers()
    {
        await using var portal = new PortalFactory();
        using var young = portal.CreateRespondent();
        await young.GetAsync("/questions/4");
        await young.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Mine" }, ("intent", "save-and-return"));
        var code = young.Text(".app-resume-code");
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = NewHelp });
        await admin.GetAsync("/admin/wording");
        await admin.SubmitAsync();

        await admin.GetAsync("/resume");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code });

        Assert.Equal("/check-answers", admin.Path);
        Assert.DoesNotContain("Mine", admin.Text("main"), StringComparison.Ordinal);
        Assert.Null(admin.Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "cp_draft" && !c.Expired));
        await young.GetAsync("/questions/4");
        Assert.Equal("Mine", young.Page.QuerySelector("textarea#comments")!.TextContent);
    }

    [Fact]
    public async Task EditPage_WarnsWhenATextReadsAboveAgeEleven()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditWordingAsync("q5", new Dictionary<string, string>
        {
            ["Values[HelpText]"] = "Practitioners delivering integrated services must establish appropriate communication arrangements.",
        });
        await admin.GetAsync("/admin/wording/edit/q5");

        Assert.Contains("This may be hard for younger readers", admin.Text("#help-text-reading-age"), StringComparison.Ordinal);
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[HelpText]"] = "We want to know what you think. Tell us in the box." });
        await admin.GetAsync("/admin/wording/edit/q5");
        Assert.Matches(@"^Reading age about \d+\.$", admin.Text("#help-text-reading-age"));
    }

    /// <summary>The first paragraph of Markdown help text, as the page shows it.</summary>
    private static string GovUkText(string markdown) => markdown.Split("\n\n")[0].Trim();
}
