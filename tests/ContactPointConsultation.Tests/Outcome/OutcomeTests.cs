using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Analysis;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Outcome;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Outcome;

/// <summary>"You said, we did": written and published by admins, read by anyone, and checked by reference.</summary>
public sealed class OutcomeTests
{
    private static readonly DateTimeOffset WhileOpen = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closed = new(2027, 4, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Open until the end of 31 March 2027; the clock starts on 1 March, for responses to be sent.</summary>
    private static PortalFactory Portal(int suppressBelow = 0, int checksPerWindow = 1000, DateTimeOffset? now = null) => new(new Dictionary<string, string?>
    {
        ["Consultation:ClosesAt"] = "2027-03-31T22:59:59Z",
        ["Results:SuppressBelow"] = suppressBelow.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:ResumeAttemptsPerWindow"] = checksPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, now: now ?? WhileOpen);

    /// <summary>The outcome is published once the consultation has closed: the clock moves on to then if it is not there yet.</summary>
    private static async Task CloseAndPublishAsync(PortalFactory portal, string marker = "v1")
    {
        if (portal.Clock!.GetUtcNow() < Closed)
        {
            portal.Clock.SetUtcNow(Closed);
        }

        await portal.PublishWholeOutcomeAsync(marker);
    }

    [Fact]
    public async Task Get_Outcome_WhileOpen_SaysItComesAfterTheConsultationCloses()
    {
        await using var portal = Portal();
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/outcome");

        Assert.Equal(HttpStatusCode.OK, visitor.Status);
        Assert.Equal("We have not said what we did yet", visitor.Text("h1"));
        Assert.Contains("still open", visitor.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Outcome_AfterClosing_BeforePublishing_SaysByWhen_And12WeeksIsTheDate()
    {
        await using var portal = Portal();
        portal.Clock!.SetUtcNow(Closed);
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/outcome");

        Assert.Contains("closed on 31 March 2027", visitor.Text("main"), StringComparison.Ordinal);
        Assert.Contains("by 23 June 2027", visitor.Text("main"), StringComparison.Ordinal);
        await visitor.GetAsync("/outcome/check");
        Assert.Equal("We have not said what we did yet", visitor.Text("h1"));
    }

    [Fact]
    public async Task ClosedPage_LinksToTheOutcomeAndTheCheck()
    {
        await using var portal = Portal();
        portal.Clock!.SetUtcNow(Closed);
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/");

        Assert.Equal("/closed", visitor.Path);
        Assert.NotNull(visitor.Page.QuerySelector("main a[href='/outcome']"));
        Assert.NotNull(visitor.Page.QuerySelector("main a[href='/outcome/check']"));
    }

    [Fact]
    public async Task Edit_StartsADraft_ThePublicPageIsUnchanged_UntilPublished_ThenShowsEasyReadFirst()
    {
        await using var portal = Portal(now: Closed);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var visitor = portal.CreateRespondent();

        await admin.WriteOutcomeAsync("first");
        await visitor.GetAsync("/outcome");
        Assert.Equal("We have not said what we did yet", visitor.Text("h1"));
        Assert.DoesNotContain("first", visitor.Html, StringComparison.Ordinal);

        await admin.PublishOutcomeAsync();
        Assert.Equal("Version 1 of the outcome is published", admin.Text(".govuk-notification-banner__heading"));

        await visitor.GetAsync("/outcome");
        Assert.Equal("You said, we did", visitor.Text("h1"));
        var main = visitor.Text("main");
        Assert.True(main.IndexOf("Easy summary first.", StringComparison.Ordinal) < main.IndexOf("Overall summary first.", StringComparison.Ordinal),
            "the easy-read version comes first");
        Assert.True(main.IndexOf("Easy we did 5 first.", StringComparison.Ordinal) < main.IndexOf("We did 5 first.", StringComparison.Ordinal));
        var question = await portal.WordingAsync(Core.Data.ContentVersionState.Live, 5);
        Assert.Equal(question.Question, visitor.Page.QuerySelector("#question-5")!.ParentElement!.QuerySelectorAll("p.govuk-body")[0].TextContent);
        var audit = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.OutcomePublished).ToListAsync());
        Assert.Equal("Outcome version 1", Assert.Single(audit).Target);
    }

    [Fact]
    public async Task Publish_WithTextsMissing_ListsEachOne_AndPublishesNothing()
    {
        await using var portal = Portal(now: Closed);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditOutcomeAsync("q4", new Dictionary<string, string> { ["Values[WhatYouSaid]"] = "Only this." });

        await admin.GetAsync("/admin/outcome/publish");

        Assert.Equal("Finish the outcome before you publish it", admin.Text("h1"));
        var errors = admin.ErrorSummary;
        Assert.Contains("Write “summary” for the summary", errors);
        Assert.Contains("Write “what you said in easy read” for question 4", errors);
        Assert.Contains("Write “what we did” for question 12", errors);
        Assert.DoesNotContain("Write “what you said in easy read” for question 5", errors);
        Assert.Empty(admin.Page.QuerySelectorAll("main form"));
        foreach (var link in admin.Page.QuerySelectorAll(".govuk-error-summary a"))
        {
            Assert.NotNull(admin.Page.GetElementById(link.GetAttribute("href")![1..]));
        }

        Assert.False(await portal.QueryAsync(db => db.OutcomeVersions.AnyAsync(v => v.State == OutcomeState.Published)));
    }

    [Fact]
    public async Task Publish_AStaleDraft_IsRefused_AndSaysWhy()
    {
        await using var portal = Portal(now: Closed);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.WriteOutcomeAsync();
        await admin.GetAsync("/admin/outcome/publish");
        var openForm = admin.HiddenFields();
        await admin.EditOutcomeAsync("q3", new Dictionary<string, string> { ["Values[WhatWeDid]"] = "Changed meanwhile." });

        await admin.PostAsync("/admin/outcome/publish", openForm);

        Assert.Contains(OutcomeEditController.StaleMessage, admin.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.False(await portal.QueryAsync(db => db.OutcomeVersions.AnyAsync(v => v.State == OutcomeState.Published)));
    }

    [Fact]
    public async Task Publish_KeepsTheCountsAsTheyWere_AndALaterVersionReplacesIt_KeepingBoth()
    {
        await using var portal = Portal();
        var withdrawn = await portal.SendAsync(Journey.Empty().Answer(2, "yes").Answer(3, "no"));
        await portal.SendAsync(Journey.Empty().Answer(2, "yes"));
        await portal.SendAsync(Journey.Empty().Answer(2, "not-sure"));
        await CloseAndPublishAsync(portal, "v1");

        // A response withdrawn after publication changes the results, not what was published.
        using (var analyst = await portal.SignedInStaffAsync())
        {
            await analyst.GetAsync($"/staff/responses/{withdrawn}/withdraw");
            await analyst.SubmitAsync();
        }

        using var visitor = portal.CreateRespondent();
        await visitor.GetAsync("/outcome");
        Assert.Equal(["Yes 2 67%", "No 0 0%", "Not sure 1 33%"], Rows(visitor, 2));
        Assert.Contains("3 people sent answers", visitor.Text("main"), StringComparison.Ordinal);

        await CloseAndPublishAsync(portal, "v2");
        await visitor.GetAsync("/outcome");
        Assert.Equal(["Yes 1 50%", "No 0 0%", "Not sure 1 50%"], Rows(visitor, 2));
        Assert.Contains("2 people sent answers", visitor.Text("main"), StringComparison.Ordinal);
        Assert.Contains("We did 2 v2.", visitor.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("v1", visitor.Text("main"), StringComparison.Ordinal);

        var versions = await portal.QueryAsync(db => db.OutcomeVersions.OrderBy(v => v.Number).Select(v => v.State).ToListAsync());
        Assert.Equal([OutcomeState.Superseded, OutcomeState.Published], versions);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/outcome/versions/1");
        Assert.Contains("We did 2 v1.", admin.Text("main"), StringComparison.Ordinal);
        Assert.Equal(["Yes 2 67%", "No 0 0%", "Not sure 1 33%"], Rows(admin, 2));
        Assert.NotNull(admin.Page.QuerySelector("a.govuk-back-link[href='/admin/outcome']"));
    }

    [Fact]
    public async Task Publish_WhileTheConsultationIsOpen_IsRefused_AndSaysWhen()
    {
        await using var portal = Portal();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.WriteOutcomeAsync();

        await admin.GetAsync("/admin/outcome/publish");
        Assert.Equal("You can publish the outcome when the consultation has closed", admin.Text("h1"));
        Assert.Contains("closes on 31 March 2027", admin.Text("main"), StringComparison.Ordinal);
        Assert.Null(admin.Page.QuerySelector("main form"));
        // Posted all the same, as a page left open from before would: the form's token from another of the admin's pages.
        var stamp = await portal.QueryAsync(db => db.OutcomeVersions.Select(v => v.ConcurrencyStamp).SingleAsync());
        await admin.GetAsync("/admin/outcome/edit/summary");
        var token = admin.HiddenFields().Where(f => f.Key == "__RequestVerificationToken");
        await admin.PostAsync("/admin/outcome/publish", [.. token, new("DraftStamp", stamp.ToString())]);

        Assert.Equal("You can publish the outcome when the consultation has closed", admin.Text("h1"));
        Assert.False(await portal.QueryAsync(db => db.OutcomeVersions.AnyAsync(v => v.State == OutcomeState.Published)));
        using var visitor = portal.CreateRespondent();
        await visitor.GetAsync("/outcome");
        Assert.Equal("We have not said what we did yet", visitor.Text("h1"));
    }

    [Fact]
    public async Task Publish_OnADatabaseThatRetriesFailures_AsSqlServerDoes_KeepsTheCounts()
    {
        await using var portal = Portal();
        await portal.SendAsync(Journey.Empty().Answer(2, "yes"));
        portal.Clock!.SetUtcNow(Closed);
        using (var admin = await portal.SignedInStaffAsync(StaffRoles.Admin))
        {
            await admin.WriteOutcomeAsync();
        }

        await using var db = RetryingStrategy.Context(portal);
        var clock = portal.Clock;
        var editor = new OutcomeEditor(db, portal.Services.GetRequiredService<ContentCatalogue>(), new ResultsQuery(db), new AuditLog(db, clock), clock);
        var draft = (await editor.InStateAsync(OutcomeState.Draft, TestContext.Current.CancellationToken))!;
        var preview = await editor.WithResultsAsync(draft, TestContext.Current.CancellationToken);
        Assert.Equal(1, preview.Question(2)!.Yes);

        var published = await editor.PublishAsync(draft.ConcurrencyStamp, "admin@example.gov.uk", from: null, TestContext.Current.CancellationToken);

        Assert.Equal(new PublishResult.Published(1), published);
        Assert.Equal(1, await portal.QueryAsync(db => db.OutcomeQuestions.Where(q => q.QuestionNumber == 2).Select(q => q.Yes).SingleAsync()));
    }

    [Fact]
    public async Task Outcome_SmallCounts_AreHiddenAsOnTheDashboard()
    {
        await using var portal = Portal(suppressBelow: 2);
        await portal.SendAsync(Journey.Empty().Answer(2, "yes").Answer(3, "yes"));
        await portal.SendAsync(Journey.Empty().Answer(2, "yes").Answer(3, "yes"));
        await portal.SendAsync(Journey.Empty().Answer(2, "yes").Answer(3, "no"));
        await portal.SendAsync(Journey.Empty().Answer(2, "no").Answer(3, "no"));
        await portal.SendAsync(Journey.Empty().Answer(2, "no").Answer(3, "not-sure"));
        await CloseAndPublishAsync(portal);
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/outcome");

        // Q2: no one was not sure, under 2, so hidden, and the next smallest with it, or it would be the total less the rest.
        Assert.Equal(["Yes 3 60%", "No Too few to show Not shown", "Not sure Too few to show Not shown"], Rows(visitor, 2));
        Assert.Equal(3, Rows(visitor, 3).Count);
        Assert.Contains("Not sure Too few to show Not shown", Rows(visitor, 3));
        Assert.Contains("Not sure: too few people to show", visitor.Page.QuerySelector("#easy-question-2")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_TooLongOrHtml_ShowsTheErrorsAndKeepsWhatWasTyped_AndSavesNothing()
    {
        await using var portal = Portal();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var tooLong = new string('a', OutcomeLimits.TextMaxLength + 1);

        await admin.EditOutcomeAsync("q6", new Dictionary<string, string>
        {
            ["Values[WhatWeDid]"] = tooLong,
            ["Values[WhatWeDidEasyRead]"] = "We <b>changed</b> it.",
        });

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal(["What we did must be 10,000 characters or less", "What we did in easy read must not contain HTML tags. Use Markdown for bold text, lists and links"], admin.ErrorSummary);
        Assert.Equal(tooLong, admin.Page.QuerySelector<IHtmlTextAreaElement>("#what-we-did")!.Value);
        Assert.Equal("We <b>changed</b> it.", admin.Page.QuerySelector<IHtmlTextAreaElement>("#what-we-did-easy-read")!.Value);
        Assert.Equal(0, await portal.QueryAsync(db => db.OutcomeVersions.CountAsync()));
    }

    [Fact]
    public async Task Edit_AHeadingInTheText_IsRefused_AsThePageGivesEachTextItsOwn()
    {
        await using var portal = Portal();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditOutcomeAsync("q8", new Dictionary<string, string> { ["Values[WhatWeDid]"] = "## Changes\n\nWe changed it." });

        Assert.Equal(["What we did must not have headings. The page gives it one"], admin.ErrorSummary);
        Assert.Equal("## Changes\n\nWe changed it.", admin.Page.QuerySelector<IHtmlTextAreaElement>("#what-we-did")!.Value);
    }

    [Fact]
    public async Task Edit_ShowsTheReadingAgeOfEachText_OnTheEditPageAndTheOverview()
    {
        await using var portal = Portal();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditOutcomeAsync("summary", new Dictionary<string, string>
        {
            ["Values[Summary]"] = "Notwithstanding considerable administrative complexities, practitioners' statutory responsibilities necessitated comprehensive reconsideration of the organisational arrangements.",
            ["Values[SummaryEasyRead]"] = "We read what you said. We changed the rules. Thank you.",
        });

        await admin.GetAsync("/admin/outcome/edit/summary");

        Assert.NotNull(admin.Page.QuerySelector("#summary-reading-age.govuk-warning-text"));
        var easy = admin.Text("#summary-easy-read-reading-age");
        Assert.Matches(@"^Reading age about [5-9]\.$", easy);
        Assert.Contains("summary-easy-read-reading-age", admin.Page.QuerySelector("#summary-easy-read")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        await admin.GetAsync("/admin/outcome");
        Assert.Equal(2, admin.Page.QuerySelectorAll(".govuk-summary-list__row")[2].QuerySelectorAll(".govuk-tag").Length);
    }

    [Fact]
    public async Task Edit_ATextBetweenTheTwoReadingAges_IsFineAsTheFullVersion_ButFlaggedInEasyRead()
    {
        const string text = "We read all that you told us, and we changed the rules for the people who work with children.";
        var age = Readability.Estimate(text)!.ReadingAge;
        Assert.InRange(age, ReadabilityScore.EasyReadTargetReadingAge + 1, ReadabilityScore.TargetReadingAge);
        await using var portal = Portal();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.EditOutcomeAsync("summary", new Dictionary<string, string> { ["Values[Summary]"] = text, ["Values[SummaryEasyRead]"] = text });
        await admin.GetAsync("/admin/outcome/edit/summary");

        Assert.Equal($"Reading age about {age}.", admin.Text("#summary-reading-age"));
        Assert.NotNull(admin.Page.QuerySelector("#summary-easy-read-reading-age.govuk-warning-text"));
        await admin.GetAsync("/admin/outcome");
        var tags = admin.Page.QuerySelectorAll(".govuk-summary-list__row")[2].QuerySelectorAll(".govuk-tag");
        Assert.Equal(["govuk-tag--green", "govuk-tag--orange"], tags.Select(t => t.ClassList.Single(c => c.StartsWith("govuk-tag--", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Edit_WhatYouSaid_StartsFromTheTopConfirmedThemes()
    {
        await using var portal = Portal();
        var first = await portal.SendAsync(Journey.Empty().Answer(4, "no", "It feels unsafe"));
        var second = await portal.SendAsync(Journey.Empty().Answer(4, "no", "Unsafe and scary"));
        var safety = await portal.AddThemeAsync(4, "Worried about safety");
        var privacy = await portal.AddThemeAsync(4, "Privacy");
        await portal.TagAsync(first, 4, safety);
        await portal.TagAsync(second, 4, safety);
        await portal.TagAsync(second, 4, privacy);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.GetAsync("/admin/outcome/edit/q4");

        Assert.Equal(["Worried about safety: 2 comments", "Privacy: 1 comment"], admin.Page.QuerySelectorAll("main ol li").Select(li => li.TextContent.Trim()).ToList());
        Assert.Equal("The main things people told us about were:\n\n* Worried about safety\n* Privacy",
            admin.Page.QuerySelector<IHtmlTextAreaElement>("#what-you-said")!.Value);
        Assert.NotNull(admin.Page.QuerySelector("#started-from-themes"));
        Assert.Equal(0, await portal.QueryAsync(db => db.OutcomeVersions.CountAsync()));
    }

    [Fact]
    public async Task Edit_ByTwoAdminsAtOnce_TheSecondIsToldAndKeepsTheirText()
    {
        await using var portal = Portal();
        using var first = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var second = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await first.GetAsync("/admin/outcome/edit/q7");
        await second.GetAsync("/admin/outcome/edit/q7");

        await first.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[WhatWeDid]"] = "First admin's words." });
        await second.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[WhatWeDid]"] = "Second admin's words." });

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Second admin's words.", second.Page.QuerySelector<IHtmlTextAreaElement>("#what-we-did")!.Value);
        Assert.Contains("First admin's words.", second.Text("#what-we-did-saved"), StringComparison.Ordinal);
        Assert.Equal("First admin's words.", await portal.QueryAsync(db => db.OutcomeQuestions.Where(q => q.QuestionNumber == 7).Select(q => q.WhatWeDid).SingleAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.Analyst)]
    [InlineData(StaffRoles.Safeguarding)]
    public async Task AdminPages_AreForAdminsOnly(string role)
    {
        await using var portal = Portal();
        using var staff = await portal.SignedInStaffAsync(role);

        await staff.GetAsync("/admin/outcome");

        Assert.Equal(HttpStatusCode.Forbidden, staff.Status);
    }

    [Fact]
    public async Task Check_AKnownReference_NamesTheQuestionsItAnswered_AndNeverItsOwnWords()
    {
        await using var portal = Portal();
        var reference = await portal.SendAsync(Journey.Empty().Answer(2, "yes", "My secret words").Answer(5, null, "More of mine").Answer(9, "not-sure"));
        await CloseAndPublishAsync(portal);
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/outcome/check");
        await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = reference });

        Assert.Equal("What happened about your answers", visitor.Text("h1"));
        // Numbered as the young person saw them online and on their copy: the consultation's Q2 was their question 1.
        Assert.Equal("You answered questions 1, 4 and 8. Here is what happened about them.", visitor.Text("main p.govuk-body-l"));
        Assert.Equal("Question 4: Shielding", visitor.Text("#easy-question-5"));
        var main = visitor.Text("main");
        Assert.Contains("Easy we did 5 v1.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Easy we did 3 v1.", main, StringComparison.Ordinal);
        // The full version sits closed under the easy read, one for each question answered.
        var fullVersions = visitor.Page.QuerySelectorAll("main details.govuk-details:not([open])");
        Assert.Equal(["The full version for question 1", "The full version for question 4", "The full version for question 8"], fullVersions.Select(d => d.QuerySelector("summary")!.TextContent.Trim()));
        Assert.Contains("We did 5 v1.", fullVersions[1].QuerySelector(".govuk-details__text")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("My secret words", visitor.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("More of mine", visitor.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your answer", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("spaced")]
    [InlineData("hyphen")]
    public async Task Check_AReferenceTypedLoosely_IsFoundAsResumeCodesAre(string how)
    {
        await using var portal = Portal();
        var reference = await portal.SendAsync(Journey.Empty().Answer(3, "no"));
        await CloseAndPublishAsync(portal);
        using var visitor = portal.CreateRespondent();
        var typed = how switch
        {
            "lower" => reference.ToLowerInvariant(),
            "spaced" => $"  {reference[..4]} {reference[4..]} ",
            _ => $"{reference[..4]}-{reference[4..].ToLowerInvariant()}",
        };

        await visitor.GetAsync("/outcome/check");
        await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = typed });

        Assert.Equal("You answered question 2. Here is what happened about it.", visitor.Text("main p.govuk-body-l"));
    }

    [Fact]
    public async Task Check_UnknownWithdrawnOrMistyped_AllGetTheSameFriendlyWords_AndKeepWhatWasTyped()
    {
        await using var portal = Portal();
        var withdrawn = await portal.SendAsync(Journey.Empty().Answer(3, "no"));
        await portal.QueryAsync(db => db.Responses.Where(r => r.Reference == withdrawn).ExecuteDeleteAsync());
        await CloseAndPublishAsync(portal);
        using var visitor = portal.CreateRespondent();

        // Never given; withdrawn; and with an O and an I, which no reference has.
        foreach (var typed in new[] { "ZZZZ ZZZZ", withdrawn, "HOIK 2345" })
        {
            await visitor.GetAsync("/outcome/check");
            await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = typed });

            Assert.Equal(HttpStatusCode.OK, visitor.Status);
            Assert.Equal([OutcomeController.NotFoundMessage], visitor.ErrorSummary);
            Assert.Equal(typed, visitor.Page.QuerySelector<IHtmlInputElement>("#reference")!.Value);
        }
    }

    [Theory]
    [InlineData("", "Enter your reference number")]
    [InlineData("ABC 234", "Your reference number has 8 letters and numbers, like HXK3 7PWT")]
    [InlineData("ABCDE-23456", "Your reference number has 8 letters and numbers, like HXK3 7PWT")]
    public async Task Check_EmptyOrTheWrongLength_ShowsTheErrorAndKeepsWhatWasTyped(string typed, string error)
    {
        await using var portal = Portal();
        await CloseAndPublishAsync(portal);
        using var visitor = portal.CreateRespondent();

        await visitor.GetAsync("/outcome/check");
        await visitor.SubmitAsync(new Dictionary<string, string?> { ["Reference"] = typed });

        Assert.Equal([error], visitor.ErrorSummary);
        Assert.Equal(typed, visitor.Page.QuerySelector<IHtmlInputElement>("#reference")!.Value);
        Assert.StartsWith("Error: ", visitor.Text("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AThousandGuessesFromOneAddress_AreThrottled_AndAuditedOnce()
    {
        await using var portal = Portal(checksPerWindow: 10);
        await CloseAndPublishAsync(portal);
        using var guesser = portal.CreateRespondent();
        await guesser.GetAsync("/outcome/check");
        var form = guesser.HiddenFields();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            using var response = await guesser.SendFormAsync("/outcome/check", [.. form, new("Reference", $"ZZZZ{i:0000}")]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(990, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var audited = await portal.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.OutcomeCheckThrottled).ToListAsync());
        Assert.Single(audited);
        Assert.Equal("Outcome check", audited[0].Target);
    }

    [Fact]
    public async Task Dashboard_ShowsThe12WeekClock_OnlyOnceClosed_ThenOverdue_ThenWhenPublished()
    {
        await using var portal = Portal();
        async Task<Respondent> DashboardAsync()
        {
            // Signed in afresh each time the clock moves on by weeks, as the sign-in itself would have expired.
            var analyst = await portal.SignedInStaffAsync();
            await analyst.GetAsync("/staff");
            return analyst;
        }

        using (var open = await DashboardAsync())
        {
            Assert.Null(open.Page.QuerySelector("#outcome-clock"));
        }

        portal.Clock!.SetUtcNow(Closed);
        using (var closed = await DashboardAsync())
        {
            Assert.Contains("Publish the outcome by 23 June 2027", closed.Text("#outcome-clock"), StringComparison.Ordinal);
            Assert.Contains("83 days left", closed.Text("#outcome-clock"), StringComparison.Ordinal);
        }

        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 25, 9, 0, 0, TimeSpan.Zero));
        using (var late = await DashboardAsync())
        {
            Assert.Contains("The outcome is 2 days late", late.Text("main .govuk-warning-text"), StringComparison.Ordinal);
        }

        await CloseAndPublishAsync(portal);
        using (var published = await DashboardAsync())
        {
            Assert.Contains("was published on 25 June 2027, 86 days after the consultation closed", published.Text("#outcome-clock"), StringComparison.Ordinal);
        }

        // A correction published later is not the outcome published late.
        portal.Clock.SetUtcNow(new DateTimeOffset(2027, 8, 1, 9, 0, 0, TimeSpan.Zero));
        await CloseAndPublishAsync(portal, "v2");
        using var corrected = await DashboardAsync();
        Assert.Contains("was published on 25 June 2027", corrected.Text("#outcome-clock"), StringComparison.Ordinal);
        Assert.Null(corrected.Page.QuerySelector(".govuk-warning-text"));
    }

    /// <summary>The table of counts under one question's full version, as "Answer People Percentage" rows.</summary>
    private static List<string> Rows(Respondent page, int question) =>
        [.. page.Page.QuerySelector($"#question-{question}")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(' ', tr.Children.Select(c => c.TextContent.Trim())))];
}
