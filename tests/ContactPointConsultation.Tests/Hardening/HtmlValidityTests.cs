using System.Diagnostics;
using System.Text.Json;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Analysis;
using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>Every page, in its ordinary and its error states, checked by the Nu HTML Checker (npm vnu-jar, run with Java).</summary>
public sealed class HtmlValidityTests
{
    private static readonly string[] RespondentPages =
    [
        "/", .. Enumerable.Range(2, 11).Select(n => $"/questions/{n}"), "/about-you", "/check-answers", "/resume",
        "/privacy", "/privacy/full", "/cookies", "/accessibility", "/contact", "/no-such-page",
        "/error/400", "/error/403", "/error/413", "/error/429", "/error/500", "/staff/sign-in",
    ];

    private static readonly string[] AdminPages =
    [
        "/staff", "/staff/responses", "/staff/downloads", "/admin", "/admin/users", "/admin/users/new", "/admin/audit",
        "/admin/wording", "/admin/wording/edit/details", "/admin/wording/edit/q5", "/admin/wording/edit/q12",
        "/admin/wording/edit/about-you", "/admin/wording/edit/glossary", "/admin/wording/versions", "/admin/wording/versions/1",
        "/staff/analysis", "/staff/analysis/questions/3", "/staff/analysis/questions/3/themes/new", "/staff/analysis/codebook/import",
    ];

    [Fact]
    public async Task EveryPage_AndItsErrorStates_IsValidHtml()
    {
        // Every entered response is drawn for checking, so the check pages have one to show.
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Paper:VerifyPercent"] = "100" });
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", "A comment <b>with</b> \"quotes\"\nand a line break").Answer(12, null, "مرحبا 👩‍👩‍👧"));
        using var young = portal.CreateRespondent();
        await young.GetAsync("/questions/2");
        await young.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });
        foreach (var url in RespondentPages)
        {
            await young.GetAsync(url);
            pages[url] = young.Html;
        }

        await young.GetAsync("/questions/3");
        await young.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "Maybe", ["Comments"] = new string('a', 5001) });
        pages["/questions/3 with errors"] = young.Html;
        await young.GetAsync("/questions/3");
        await young.PostAsync("/questions/3", [.. young.HiddenFields(), new("Comments", new string('a', 2 * 1024 * 1024))]);
        pages["/questions/3 not saved, too long to read"] = young.Html;
        await young.GetAsync("/resume");
        await young.SubmitAsync(new Dictionary<string, string?> { ["Code"] = "nope" });
        pages["/resume with errors"] = young.Html;
        await young.GetAsync("/questions/4");
        await young.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Later" }, ("intent", "save-and-return"));
        pages["/save-and-return"] = young.Html;
        await young.GetAsync("/staff/sign-in");
        await young.SubmitAsync();
        pages["/staff/sign-in with errors"] = young.Html;
        await respondent.GetAsync("/confirmation");
        pages["/confirmation"] = respondent.Html;

        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        foreach (var url in AdminPages.Append($"/staff/responses/{reference}").Append($"/staff/responses/{reference}/withdraw"))
        {
            await admin.GetAsync(url);
            pages[url] = admin.Html;
        }

        foreach (var (name, url) in new[]
        {
            ("/staff with filter errors", "/staff?FromDay=1&FromYear=2027&ToDay=31&ToMonth=2&ToYear=2027&Age=bogus"),
            ("/staff/responses filtered by date", "/staff/responses?FromDay=1&FromMonth=11&FromYear=2026&ToDay=31&ToMonth=3&ToYear=2027"),
            ("/staff/downloads with a bad date", "/staff/downloads?FromDay=x&FromMonth=13&FromYear=2026"),
        })
        {
            await admin.GetAsync(url);
            pages[name] = admin.Html;
        }

        await admin.GetAsync("/admin/users/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Email"] = "not an email" });
        pages["/admin/users/new with errors"] = admin.Html;
        await admin.GetAsync("/admin/users");
        await admin.GetAsync(admin.Page.QuerySelector("main table a")!.GetAttribute("href")!);
        pages["/admin/users/{id}"] = admin.Html;

        await admin.GetAsync("/admin/wording/edit/details");
        await admin.SubmitKeepingAsync(new Dictionary<string, string>
        {
            ["Values[ConsultationName]"] = "",
            ["Day[ClosesAt]"] = "31",
            ["Month[ClosesAt]"] = "2",
        });
        pages["/admin/wording/edit/details with errors"] = admin.Html;
        await admin.GetAsync("/admin/wording/edit/glossary");
        var glossary = admin.Page.QuerySelector("textarea#glossary")!.TextContent.TrimStart('\n');
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[Glossary]"] = glossary + "\nshielding means hiding" });
        Assert.NotNull(admin.Page.QuerySelector(".govuk-error-summary"));
        pages["/admin/wording/edit/glossary with errors"] = admin.Html;
        await admin.EditWordingAsync("glossary", new Dictionary<string, string>
        {
            ["Values[Glossary]"] = glossary + "\nmandated: Established, regulated or required by legislation enacted by Parliament.",
        });
        await admin.GetAsync("/admin/wording/edit/glossary");
        Assert.Contains("mandated: reading age about", admin.Text("#glossary-reading-age li"), StringComparison.Ordinal);
        pages["/admin/wording/edit/glossary with a hard meaning"] = admin.Html;
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = "New **help**.\n\n* one\n* two" });
        foreach (var url in new[] { "/admin/wording", "/admin/wording/publish", "/admin/wording/delete-draft", "/admin/wording/versions?from=1&to=2" })
        {
            await admin.GetAsync(url);
            pages[url + " with a draft"] = admin.Html;
        }

        // Safeguarding: a flagged comment, the flag form and its error, the queue, the item, and a decision's errors and conflict.
        using var flagged = portal.CreateRespondent();
        var flaggedReference = await flagged.SendAsync(Journey.Empty().Answer(3, "no", "my step dad hits me when mum is out").Answer(4, "yes", "Fine"));
        await admin.GetAsync($"/staff/responses/{flaggedReference}");
        pages["/staff/responses/{reference} with a withheld comment"] = admin.Html;
        await admin.GetAsync($"/staff/responses/{flaggedReference}/questions/4/flag");
        pages["/staff/responses/{reference}/questions/4/flag"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Reason"] = "" });
        pages["/staff/responses/{reference}/questions/4/flag with errors"] = admin.Html;
        using var lead = await portal.SignedInStaffAsync(StaffRoles.Safeguarding);
        await lead.GetAsync("/staff/safeguarding");
        pages["/staff/safeguarding"] = lead.Html;
        await lead.GetAsync(lead.Page.QuerySelector("main tbody a")!.GetAttribute("href")!);
        pages["/staff/safeguarding/{id}"] = lead.Html;
        await lead.SubmitAsync(new Dictionary<string, string?> { ["Outcome"] = "concern-shared", ["SharedOnDay"] = "40", ["Notes"] = new string('n', 2001) });
        pages["/staff/safeguarding/{id} with errors"] = lead.Html;
        await lead.SubmitAsync(new Dictionary<string, string?> { ["Outcome"] = "no-concern", ["Release"] = "as-written" });
        pages["/staff/safeguarding/{id} decided"] = lead.Html;

        await admin.GetAsync("/staff/analysis/questions/3/themes/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "", ["Example"] = new string('e', 1001) });
        pages["/staff/analysis/questions/3/themes/new with errors"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "Worried about privacy" });
        await admin.GetAsync(admin.Page.QuerySelector("a[href$='/retire']")!.GetAttribute("href")!);
        pages["/staff/analysis/themes/{id}/retire"] = admin.Html;
        await admin.SubmitAsync();
        pages["/staff/analysis/questions/3 with a retired theme"] = admin.Html;
        await admin.GetAsync("/staff/analysis/codebook/import");
        await admin.UploadAsync("File", "codebook.csv", System.Text.Encoding.UTF8.GetBytes("question,theme\r\nQ1,=x\r\n"));
        pages["/staff/analysis/codebook/import with problems"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/tag");
        pages["/staff/analysis/questions/4/tag"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Note"] = new string('n', 1001) });
        pages["/staff/analysis/questions/4/comments/{reference} with errors"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Themes"] = admin.Page.QuerySelector("input[name=Themes]")!.GetAttribute("value") });
        pages["/staff/analysis/questions/4/tag saved, with the queue empty"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4");
        await admin.GetAsync(admin.Page.QuerySelector("a[href$='/split']")!.GetAttribute("href")!);
        pages["/staff/analysis/themes/{id}/split"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "" });
        pages["/staff/analysis/themes/{id}/split with errors"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/themes/new");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Name"] = "Fair", ["Description"] = "Says it is fair" });
        await admin.GetAsync(admin.Page.QuerySelector("a[href$='/merge']")!.GetAttribute("href")!);
        pages["/staff/analysis/themes/{id}/merge"] = admin.Html;
        await admin.SubmitAsync();
        pages["/staff/analysis/themes/{id}/merge with errors"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/results");
        pages["/staff/analysis/questions/4/results"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/results?Age=14-to-16&FromDay=40");
        pages["/staff/analysis/questions/4/results filtered, with errors"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/results?Theme=999999999");
        pages["/staff/analysis/questions/4/results with a theme of no question, an error"] = admin.Html;
        var theme = admin.Page.QuerySelector("select[name=Theme] option:not([value=''])")!.GetAttribute("value");
        await admin.GetAsync($"/staff/analysis/questions/4/results?Theme={theme}");
        pages["/staff/analysis/questions/4/results?Theme={id}"] = admin.Html;
        await admin.GetAsync($"/staff/analysis/questions/4/tag?Theme={theme}");
        pages["/staff/analysis/questions/4/tag?Theme={id}"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/results");
        await admin.GetAsync(admin.Page.QuerySelector("a[href*='/comments']")!.GetAttribute("href")!);
        pages["/staff/analysis/themes/{id}/comments"] = admin.Html;

        await admin.GetAsync("/staff/analysis/questions/4/agreement");
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = "ten" });
        pages["/staff/analysis/questions/4/agreement with errors"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["Percent"] = "100" });
        using var secondCoder = await portal.SignedInStaffAsync();
        await secondCoder.GetAsync("/staff/analysis/questions/4/second-coding");
        pages["/staff/analysis/questions/4/second-coding"] = secondCoder.Html;
        await secondCoder.SubmitAsync();
        pages["/staff/analysis/questions/4/second-coding with errors"] = secondCoder.Html;
        await secondCoder.SubmitAsync(new Dictionary<string, string?> { ["Themes"] = secondCoder.Page.QuerySelectorAll("input[name=Themes]")[^1].GetAttribute("value") });
        pages["/staff/analysis/questions/4/second-coding, all coded"] = secondCoder.Html;
        await admin.GetAsync("/staff/analysis/questions/4/agreement");
        pages["/staff/analysis/questions/4/agreement with a disagreement"] = admin.Html;

        await portal.RunSuggestionsAsync();
        await admin.GetAsync("/staff/analysis/questions/4/suggestions");
        pages["/staff/analysis/questions/4/suggestions"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/tag");
        foreach (var comment in new[] { "parents see it", "can my parents see my record", "will parents see the record" })
        {
            await portal.TagAsync(await portal.SendAsync(Journey.Empty().Answer(4, "no", comment)), 4, await portal.FixedThemeAsync(4, Core.Analysis.ThemeKind.Other));
        }

        await portal.SendAsync(Journey.Empty().Answer(4, "no", "the complaints bit is too long"));
        await portal.RunSuggestionsAsync();
        await admin.GetAsync("/staff/analysis/questions/4/tag");
        Assert.NotNull(admin.Page.QuerySelector("#suggestions"));
        pages["/staff/analysis/questions/4/tag with suggestions"] = admin.Html;
        await admin.GetAsync("/staff/analysis/questions/4/suggestions");
        Assert.NotNull(admin.Page.QuerySelector(".govuk-summary-card"));
        pages["/staff/analysis/questions/4/suggestions with possible themes"] = admin.Html;

        // Paper responses: the printable form, the entry page, its errors, "Save and enter another", the saved page, and the entered
        // response on the response page and in the safeguarding lead's item.
        await admin.GetAsync("/staff/paper-form");
        Assert.NotNull(admin.Page.QuerySelector("article.app-paper-form"));
        pages["/staff/paper-form"] = admin.Html;
        await admin.GetAsync("/staff/paper-form?version=99");
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/staff/paper-form of an unknown version"] = admin.Html;
        await admin.GetAsync("/staff/paper/checks");
        pages["/staff/paper/checks with none checked"] = admin.Html;
        await admin.GetAsync("/staff/paper");
        pages["/staff/paper"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["ReceivedDay"] = "40", ["Batch"] = new string('b', 101), ["Comments[3]"] = new string('a', 5001) });
        pages["/staff/paper with errors"] = admin.Html;
        await new PaperForm(Journey.Empty().Answer(2, "yes", "Typed from paper")).SaveAsync(admin, another: true);
        pages["/staff/paper after Save and enter another"] = admin.Html;
        await new PaperForm(Journey.Empty().Answer(2, "yes", "Typed from paper")).SaveAsync(admin);
        Assert.NotNull(admin.Page.QuerySelector("#duplicate-reason"));
        pages["/staff/paper of one already entered"] = admin.Html;
        await new PaperForm(Journey.Empty().Answer(3, "no", "my step dad hits me when mum is out")) { Batch = "Hillside Academy, 8B" }.SaveAsync(admin);
        pages["/staff/paper/entered/{reference}"] = admin.Html;
        await admin.GetAsync(admin.Page.QuerySelector("main a[href^='/staff/responses/']")!.GetAttribute("href")!);
        pages["/staff/responses/{reference} entered from paper"] = admin.Html;
        await admin.GetAsync(admin.Page.QuerySelector("main a[href$='/correct']")!.GetAttribute("href")!);
        pages["/staff/paper/{reference}/correct"] = admin.Html;
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Batch"] = "Hillside Academy, 8C", ["Comments[5]"] = new string('a', 5001) });
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/staff/paper/{reference}/correct with errors"] = admin.Html;
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Comments[5]"] = "Added when corrected" });
        Assert.NotNull(admin.Page.QuerySelector("main table.govuk-table"));
        pages["/staff/responses/{reference} corrected"] = admin.Html;
        await portal.ScreenSentResponsesAsync();
        await lead.GetAsync("/staff/safeguarding");
        await lead.GetAsync(lead.Page.QuerySelector("main tbody a")!.GetAttribute("href")!);
        Assert.Contains("Hillside Academy, 8C", lead.Text("main"), StringComparison.Ordinal);
        pages["/staff/safeguarding/{id} of a paper response"] = lead.Html;

        // A second person's check: keyed blind, its differences, a decision left out, and what it found.
        await portal.ScreenSentResponsesAsync();
        await secondCoder.GetAsync("/staff/paper/checks/next");
        Assert.NotNull(secondCoder.Page.QuerySelector("textarea[name='Comments[2]']"));
        pages["/staff/paper/checks/{id}"] = secondCoder.Html;
        await secondCoder.SubmitAsync(new Dictionary<string, string?> { ["Choice[2]"] = "no", ["Comments[2]"] = "Typed from the paper" });
        Assert.NotEmpty(secondCoder.Page.QuerySelectorAll("main form legend"));
        pages["/staff/paper/checks/{id} with differences"] = secondCoder.Html;
        await secondCoder.SubmitAsync();
        Assert.NotEmpty(secondCoder.ErrorSummary);
        pages["/staff/paper/checks/{id} with differences and errors"] = secondCoder.Html;
        await secondCoder.SubmitAsync(new Dictionary<string, string?> { ["right[Q2:choice]"] = "entered", ["right[Q2:comments]"] = "checked" });
        Assert.NotNull(secondCoder.Page.QuerySelector(".govuk-panel"));
        pages["/staff/paper/checks/{id} decided"] = secondCoder.Html;
        await secondCoder.GetAsync("/staff/paper/checks");
        Assert.NotNull(secondCoder.Page.QuerySelector("main table"));
        pages["/staff/paper/checks with error rates"] = secondCoder.Html;

        // A spreadsheet of responses: the upload page, its errors and a file's problems, the check with lookalikes, and what it stored.
        await admin.GetAsync("/staff/paper/import");
        pages["/staff/paper/import"] = admin.Html;
        await admin.UploadAsync("File", "riverside.xlsx", [1], new Dictionary<string, string?> { ["ReceivedDay"] = "40", ["Batch"] = new string('b', 101) });
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/staff/paper/import with errors"] = admin.Html;
        var sheet = new ResponseSheet().With(("Q2 answer", "Maybe")).With(("Q3 answer", "Yes"), ("Q3 comments", "=1+1"));
        await sheet.UploadAsync(admin);
        Assert.NotNull(admin.Page.QuerySelector("#problems"));
        pages["/staff/paper/import with problems in the file"] = admin.Html;
        await new ResponseSheet().With(("Q3 answer", "Yes"), ("Q3 comments", "=1+1")).With(("Q3 answer", "Yes"), ("Q3 comments", "=1+1")).UploadAsync(admin);
        Assert.NotNull(admin.Page.QuerySelector("#lookalikes"));
        pages["/staff/paper/import/{id} with lookalikes"] = admin.Html;
        await admin.SubmitAsync();
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/staff/paper/import/{id} with lookalikes and no reason"] = admin.Html;
        await admin.SubmitAsync(new Dictionary<string, string?> { ["DuplicateReason"] = "Two children ticked the same" });
        Assert.NotNull(admin.Page.QuerySelector(".govuk-panel"));
        pages["/staff/paper/import/{id} imported"] = admin.Html;

        var errors = await ValidateAsync(pages);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(pages.Count > 40, $"Only {pages.Count} pages were checked");
    }

    [Fact]
    public async Task CopyOfAnswers_AndYouSaidWeDid_InEveryState_AreValidHtml()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["Consultation:ClosesAt"] = "2027-03-31T22:59:59Z" },
            now: new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.AllAnswered().Answer(5, "no", "Mine <b>bold</b>\nand a line break"));
        await respondent.GetAsync("/your-answers");
        Assert.Equal("A copy of your answers", respondent.Text("h1"));
        pages["/your-answers"] = respondent.Html;
        await respondent.SubmitAsync();
        Assert.NotNull(respondent.Page.QuerySelector("#finished-title"));
        pages["/ after Finished"] = respondent.Html;
        await respondent.GetAsync("/outcome");
        pages["/outcome while open"] = respondent.Html;
        using (var early = await portal.SignedInStaffAsync(StaffRoles.Admin))
        {
            await early.WriteOutcomeAsync("early");
            await early.GetAsync("/admin/outcome/publish");
            Assert.Null(early.Page.QuerySelector("main form"));
            pages["/admin/outcome/publish while open"] = early.Html;
        }

        // The outcome is written and published after the consultation closes.
        portal.Clock!.SetUtcNow(new DateTimeOffset(2027, 7, 1, 10, 0, 0, TimeSpan.Zero));
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/outcome");
        pages["/admin/outcome with a draft, late"] = admin.Html;
        await admin.GetAsync("/admin/outcome/edit/q5");
        pages["/admin/outcome/edit/q5"] = admin.Html;
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[WhatWeDid]"] = "<b>no</b>" });
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/admin/outcome/edit/q5 with errors"] = admin.Html;
        await admin.EditOutcomeAsync("summary", new Dictionary<string, string> { ["Values[Summary]"] = "We listened.\n\n* One\n* Two", ["Values[SummaryEasyRead]"] = "" });
        pages["/admin/outcome with a part saved"] = admin.Html;
        await admin.GetAsync("/admin/outcome/publish");
        Assert.NotEmpty(admin.ErrorSummary);
        pages["/admin/outcome/publish with texts missing"] = admin.Html;
        await admin.WriteOutcomeAsync();
        await admin.GetAsync("/admin/outcome/publish");
        pages["/admin/outcome/publish"] = admin.Html;
        await admin.GetAsync("/admin/outcome/preview");
        pages["/admin/outcome/preview"] = admin.Html;
        await admin.PublishOutcomeAsync();
        pages["/admin/outcome published"] = admin.Html;
        await admin.GetAsync("/admin/outcome/versions/1");
        pages["/admin/outcome/versions/1"] = admin.Html;

        using var visitor = portal.CreateRespondent();
        foreach (var url in new[] { "/closed", "/outcome", "/outcome/check" })
        {
            await visitor.GetAsync(url);
            pages[url] = visitor.Html;
        }

        await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = "abc" });
        Assert.NotEmpty(visitor.ErrorSummary);
        pages["/outcome/check with errors"] = visitor.Html;
        await visitor.GetAsync("/outcome/check");
        await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = reference });
        Assert.Equal("What happened about your answers", visitor.Text("h1"));
        pages["/outcome/check found"] = visitor.Html;
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync("/staff");
        pages["/staff with the outcome published"] = analyst.Html;

        var errors = await ValidateAsync(pages);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<List<string>> ValidateAsync(Dictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("contactpoint-vnu-");
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ((url, html), index) in pages.Select((page, index) => (page, index)))
            {
                var file = Path.Combine(folder.FullName, $"page-{index}.html");
                await File.WriteAllTextAsync(file, html, TestContext.Current.CancellationToken);
                names[Path.GetFileName(file)] = url;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", VnuJar(), "--errors-only", "--format", "json", folder.FullName })
            {
                start.ArgumentList.Add(argument);
            }

            using var vnu = Process.Start(start)!;
            var report = await vnu.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await vnu.WaitForExitAsync(TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(report);
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{names.GetValueOrDefault(m.TryGetProperty("url", out var u) ? Path.GetFileName(u.GetString()!) : "", "?")}: " +
                    $"{m.GetProperty("message").GetString()} [{(m.TryGetProperty("extract", out var e) ? e.GetString() : "")}]")];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The checker the web project's npm install brings (package.json devDependencies).</summary>
    private static string VnuJar() => WebProject.Path("node_modules", "vnu-jar", "build", "dist", "vnu.jar");
}
