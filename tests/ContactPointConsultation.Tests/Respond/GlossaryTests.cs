using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>The hard words in the Government's text, explained beside it on each page that uses them.</summary>
public sealed class GlossaryTests(SharedPortal portal)
{
    private const string Summary = "What do these words mean?";

    public static TheoryData<string> WordsTheGuidanceNeeds =>
    [
        "ContactPoint", "guidance", "draft", "statutory", "local authority", "practitioner", "shielding",
        "subject access", "unauthorised", "misuse", "flowchart", "consultation",
    ];

    public static TheoryData<string, string> SeededEntries =>
        [.. Glossary.Parse(ContentSeeder.SuggestedGlossary).Select(e => (e.Word, e.Explanation))];

    [Theory]
    [MemberData(nameof(WordsTheGuidanceNeeds))]
    public void SeededGlossary_ExplainsEachHardWord(string word) =>
        Assert.Contains(Glossary.Parse(ContentSeeder.SuggestedGlossary), e => e.Word == word);

    [Theory]
    [MemberData(nameof(SeededEntries))]
    public void SeededExplanation_ReadsAtAge9OrBelow(string word, string explanation)
    {
        var age = Readability.Estimate(explanation)!.ReadingAge;
        Assert.True(age <= Glossary.TargetReadingAge, $"What “{word}” means reads at age {age}: “{explanation}”");
    }

    [Theory]
    [MemberData(nameof(WordsTheGuidanceNeeds))]
    public async Task EachHardWord_IsExplainedOnAPageThatUsesIt(string word)
    {
        var content = await portal.QueryAsync(db => db.ContentVersions.Include(v => v.Questions).SingleAsync(v => v.State == ContentVersionState.Live));
        var live = ContentCatalogue.ToContent(content);
        Assert.Contains(
            live.Questions.SelectMany(q => q.Words).Concat(live.IntroductionWords),
            e => e.Word == word);
    }

    [Theory]
    [InlineData("practitioner", "Practitioners will use it", true)]
    [InlineData("local authority", "each of the local authorities", true)]
    [InlineData("local authority", "a Local  Authority", true)]
    [InlineData("misuse", "if it is misused", true)]
    [InlineData("ContactPoint", "ContactPoint’s records", true)]
    [InlineData("statutory", "statutory guidance", true)]
    [InlineData("draft", "redraft it", false)]
    [InlineData("draft", "draftsman", false)]
    [InlineData("subject access", "the subject of access", false)]
    public void UsedIn_FindsTheWordInAnyCaseAndItsPluralOrPastTense(string word, string text, bool used) =>
        Assert.Equal(used, Glossary.UsedIn([new GlossaryEntry(word, "meaning")], text).Count == 1);

    [Fact]
    public void Problems_NameTheLine_AndSayHowToPutItRight()
    {
        var problems = Glossary.Problems("draft: a first try\nno colon here\n\nDraft: again\n: no word\n" + new string('x', 61) + ": long");

        Assert.Equal(
        [
            "Line 2 of the glossary must be a word, a colon, then what it means, like “draft: a first try”",
            "Line 4 of the glossary: “Draft” is in the glossary already",
            "Line 5 of the glossary must be a word, a colon, then what it means, like “draft: a first try”",
            "Line 6 of the glossary: the word must be 60 characters or less",
        ], problems);
    }

    [Fact]
    public async Task QuestionPage_ExplainsTheHardWordsOnIt_InADetailsComponentUnderTheHelpPanel()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/8");

        var details = respondent.Page.QuerySelector(".app-help-panel + details.govuk-details");
        Assert.NotNull(details);
        Assert.Equal(Summary, details.QuerySelector(".govuk-details__summary-text")!.TextContent.Trim());
        var words = details.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["ContactPoint", "guidance", "draft", "statutory", "local authority"], words);
        Assert.Equal("Set by the law, so people must do it.", details.QuerySelectorAll("dd")[words.IndexOf("statutory")].TextContent.Trim());
        Assert.Null(details.GetAttribute("open"));
    }

    [Fact]
    public async Task QuestionPage_ExplainsNoWordItDoesNotUse()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/6");

        var words = respondent.Page.QuerySelectorAll("details dt").Select(dt => dt.TextContent.Trim());
        Assert.Equal(["guidance", "flowchart"], words);
    }

    [Fact]
    public async Task StartPage_ExplainsTheHardWordsInTheIntroduction_AfterIt()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/");

        var details = respondent.Page.QuerySelector("[data-government-text] + details.govuk-details");
        Assert.NotNull(details);
        Assert.Equal(
            ["ContactPoint", "consultation", "guidance", "draft", "local authority"],
            details.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()));
    }

    [Fact]
    public async Task QuestionPage_KeepsTheGovernmentsTextAsItIs()
    {
        var seeded = await portal.WordingAsync(ContentVersionState.Live, 8);
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/8");

        // The explanations are beside the help panel, never inside it.
        Assert.Null(respondent.Page.QuerySelector(".app-help-panel details, .app-help-panel dl"));
        Assert.Contains("statutory", respondent.Text(".app-help-panel"), StringComparison.Ordinal);
        Assert.Equal(seeded.Question, respondent.Text("legend"));
    }
}

/// <summary>Admins edit the glossary with the wording: in a draft, previewed, then made live, each response keeping its own.</summary>
public sealed class GlossaryEditingTests
{
    private const string NewMeaning = "A rule in the law. People have to follow it.";

    [Fact]
    public async Task EditedInADraft_IsPreviewed_ThenLive_AndSomeoneAlreadyAnsweringKeepsTheWordsTheyStartedWith()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        using var started = portal.CreateRespondent();
        await started.GetAsync("/questions/2");
        await started.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" });

        await admin.GetAsync("/admin/wording/edit/glossary");
        var typed = admin.Page.QuerySelector("textarea")!.TextContent.Replace("statutory: Set by the law, so people must do it.", "statutory: " + NewMeaning, StringComparison.Ordinal);
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[Glossary]"] = typed });
        Assert.Equal("What the hard words mean (glossary) saved in draft version 2", admin.Text(".govuk-notification-banner__heading"));

        await admin.SubmitAsync();
        await admin.GetAsync("/questions/8");
        Assert.Contains(NewMeaning, admin.Text("details"), StringComparison.Ordinal);
        await admin.PostAsync("/admin/wording/preview/stop", [new("__RequestVerificationToken", admin.AntiforgeryToken)]);
        using (var beforePublishing = portal.CreateRespondent())
        {
            await beforePublishing.GetAsync("/questions/8");
            Assert.DoesNotContain(NewMeaning, beforePublishing.Text("details"), StringComparison.Ordinal);
        }

        await admin.PublishWordingAsync();

        using var newcomer = portal.CreateRespondent();
        await newcomer.GetAsync("/questions/8");
        Assert.Contains(NewMeaning, newcomer.Text("details"), StringComparison.Ordinal);
        await started.GetAsync("/questions/8");
        Assert.Contains("Set by the law, so people must do it.", started.Text("details"), StringComparison.Ordinal);
        Assert.DoesNotContain(NewMeaning, started.Text("details"), StringComparison.Ordinal);

        // The version the early respondent answered still holds the glossary their pages showed.
        var versions = await portal.QueryAsync(db => db.ContentVersions.OrderBy(v => v.Number).Select(v => v.Glossary).ToListAsync());
        Assert.Contains("statutory: Set by the law", versions[0], StringComparison.Ordinal);
        Assert.Contains("statutory: " + NewMeaning, versions[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LineWithoutAColon_ShowsErrorAndKeepsText()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        const string Typed = "draft: A first try.\nshielding means hiding";

        await admin.EditWordingAsync("glossary", new Dictionary<string, string> { ["Values[Glossary]"] = Typed });

        Assert.Equal("/admin/wording/edit/glossary", admin.Path);
        Assert.Equal("Line 2 of the glossary must be a word, a colon, then what it means, like “draft: a first try”", admin.Text(".govuk-error-summary__list a"));
        Assert.Equal(Typed, admin.Page.QuerySelector("textarea")!.TextContent.TrimStart('\n'));
        Assert.Equal(1, await portal.QueryAsync(db => db.ContentVersions.CountAsync()));
    }

    [Fact]
    public async Task HardMeaning_IsFlaggedForTheAdmin_InOnePromptNamingIt_ButStillSaves()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        const string Hard = "statutory: Established, regulated or mandated by legislation enacted by Parliament.";

        await admin.GetAsync("/admin/wording/edit/glossary");
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[Glossary]"] = Hard });
        Assert.Equal("/admin/wording", admin.Path);

        await admin.GetAsync("/admin/wording/edit/glossary");
        // One prompt, naming the hard meaning, and read out with the box: not a second, general one beside it.
        var prompt = Assert.Single(admin.Page.QuerySelectorAll("[id$='-reading-age']"));
        Assert.Contains("statutory: reading age about", prompt.TextContent, StringComparison.Ordinal);
        Assert.Empty(admin.Page.QuerySelectorAll(".govuk-warning-text"));
        Assert.Contains(prompt.Id!, admin.Page.QuerySelector("textarea")!.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Fact]
    public async Task WordingIndex_RatesTheGlossaryAgainstItsOwnReadingAge_NotTheGeneralOne()
    {
        // Above the glossary's reading age but not above the general one: the case the index used to pass.
        const string Meaning = "A list on a computer of every child in England and who helps them.";
        Assert.InRange(Readability.Estimate(Meaning)!.ReadingAge, Glossary.TargetReadingAge + 1, ReadabilityScore.TargetReadingAge);
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.GetAsync("/admin/wording/edit/glossary");
        await admin.SubmitKeepingAsync(new Dictionary<string, string> { ["Values[Glossary]"] = "index: " + Meaning });

        Assert.Equal("/admin/wording", admin.Path);
        var row = admin.Page.QuerySelectorAll(".govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == ContentParts.Glossary.Title);
        Assert.NotNull(row.QuerySelector(".govuk-tag.govuk-tag--orange"));
    }

    [Fact]
    public async Task AVersionWithoutAGlossary_StartsTheEditFromTheSuggestedWords()
    {
        await using var portal = new PortalFactory();
        await portal.QueryAsync(db => db.ContentVersions.ExecuteUpdateAsync(set => set.SetProperty(v => v.Glossary, "")));
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        using (var respondent = portal.CreateRespondent())
        {
            await respondent.GetAsync("/questions/8");
            Assert.Null(respondent.Page.QuerySelector("details"));
        }

        await admin.GetAsync("/admin/wording/edit/glossary");
        Assert.Equal(ContentSeeder.SuggestedGlossary, admin.Page.QuerySelector("textarea")!.TextContent.TrimStart('\n'));
    }
}
