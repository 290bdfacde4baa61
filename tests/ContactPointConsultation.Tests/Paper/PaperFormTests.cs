using System.Net;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>The printable paper form, made from a published wording version. Printing it to PDF is in the browser tests.</summary>
public sealed class PaperFormTests
{
    [Fact]
    public async Task Form_ShowsTheLiveWording_WithEachQuestionsHelpTickBoxesAndWritingSpace_AboutYou_AndAReferenceBox()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var live = await portal.Services.GetRequiredService<ContentCatalogue>().GetLiveAsync(TestContext.Current.CancellationToken);

        await analyst.GetAsync("/staff/paper-form");

        Assert.Equal(HttpStatusCode.OK, analyst.Status);
        var form = analyst.Page.QuerySelector("article.app-paper-form")!;
        Assert.Equal(live.ConsultationName, form.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal($"Wording version {live.VersionNumber}", form.QuerySelector(".app-paper-form__version")!.TextContent.Trim());
        Assert.Equal(ReferenceCode.Length, form.QuerySelectorAll(".app-paper-form__office .app-paper-form__box").Length);
        var questions = form.QuerySelectorAll("section.app-paper-form__question").Take(live.Questions.Count).ToList();
        Assert.Equal(live.Questions.Select(q => $"Question {q.Number}: {q.SectionTitle}"), questions.Select(s => s.QuerySelector("h3")!.TextContent.Trim()));
        foreach (var (question, section) in live.Questions.Zip(questions))
        {
            Assert.Equal(question.Question, section.QuerySelector(".app-paper-form__answer .govuk-body")!.TextContent.Trim());
            Assert.NotEmpty(section.QuerySelector(".app-help-panel")!.TextContent.Trim());
            Assert.Equal(
                question.HasChoice ? ["Yes", "No", "Not sure"] : [],
                section.QuerySelectorAll(".app-paper-form__tick").Select(t => t.TextContent.Trim()));
            Assert.NotNull(section.QuerySelector(".app-paper-form__write"));
        }

        var aboutYou = form.QuerySelector("#paper-about-you")!.ParentElement!;
        Assert.Equal(
            [.. AnswerOptions.AgeGroups.RadiosWith(live.AboutYou.AgeGroupLabels).Select(o => o.Label), .. AnswerOptions.AnsweringAs.RadiosWith(live.AboutYou.AnsweringAsLabels).Select(o => o.Label)],
            aboutYou.QuerySelectorAll(".app-paper-form__tick").Select(t => t.TextContent.Trim()));
        Assert.Contains("call Childline", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("a trained person will read it", form.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/staff/paper-form/{live.VersionNumber}/pages.css", analyst.Page.QuerySelector("head link[href$='pages.css']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Form_PrintsTheWordsEachPartUses_OpenUnderTheirHeading_AsThePageOnlineExplainsThem()
    {
        await using var portal = new PortalFactory();
        using var analyst = await portal.SignedInStaffAsync();
        var live = await portal.Services.GetRequiredService<ContentCatalogue>().GetLiveAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(live.IntroductionWords);
        Assert.Contains(live.Questions, q => q.Words.Count > 0);

        await analyst.GetAsync("/staff/paper-form");

        var form = analyst.Page.QuerySelector("article.app-paper-form")!;
        // Paper cannot open a details component, so there is none; the words are printed under their heading.
        Assert.Empty(form.QuerySelectorAll("details"));
        var introduction = form.QuerySelector(".app-paper-form__introduction + .app-paper-form__glossary");
        Assert.Equal(live.IntroductionWords.Select(w => (w.Word, w.Explanation)), Printed(introduction));
        Assert.Equal(Glossary.Heading, introduction!.QuerySelector("h3")!.TextContent.Trim());

        var questions = form.QuerySelectorAll("section.app-paper-form__question").Take(live.Questions.Count);
        foreach (var (question, section) in live.Questions.Zip(questions))
        {
            var words = section.QuerySelector(".app-paper-form__glossary");
            Assert.Equal(question.Words.Select(w => (w.Word, w.Explanation)), Printed(words));
            if (words is not null)
            {
                Assert.Equal(Glossary.Heading, words.QuerySelector("h4")!.TextContent.Trim());
            }
        }

        static IEnumerable<(string, string)> Printed(AngleSharp.Dom.IElement? glossary) => glossary is null ? [] :
            glossary.QuerySelectorAll("dt").Zip(glossary.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent.Trim(), dd.TextContent.Trim()));
    }

    [Fact]
    public async Task Form_PlacesTheIntroductionsHeadingsUnderTheFormsTitle_AndTheHelpUnderItsQuestion()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[HelpText]"] = "## What it means\n\nA list of every child." });
        await admin.PublishWordingAsync();

        await admin.GetAsync("/staff/paper-form");

        var form = admin.Page.QuerySelector("article.app-paper-form")!;
        // One h2, the consultation's name: the introduction's own headings sit under it, as h3.
        Assert.Single(form.QuerySelectorAll("h2"));
        Assert.Equal(["Introduction", "ContactPoint"], form.QuerySelectorAll(".app-paper-form__introduction h3").Take(2).Select(h => h.TextContent.Trim()));
        Assert.Equal("What it means", form.QuerySelector("#paper-question-5")!.ParentElement!.QuerySelector(".app-help-panel h4")!.TextContent.Trim());
    }

    [Fact]
    public async Task Form_OfAnEarlierVersion_ShowsTheWordingThatVersionHad_AndItsPagesNameIt()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        var before = (await portal.WordingAsync(ContentVersionState.Live, 5)).Question;
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[Question]"] = "Do you understand what shielding means?" });
        await admin.PublishWordingAsync();

        await admin.GetAsync("/staff/paper-form");
        Assert.Equal("Wording version 2", admin.Text(".app-paper-form__version"));
        Assert.Contains("Do you understand what shielding means?", admin.Text("article"), StringComparison.Ordinal);
        await admin.GetAsync("/staff/paper-form?version=1");
        Assert.Equal("Wording version 1", admin.Text(".app-paper-form__version"));
        Assert.Contains(before, admin.Text("article"), StringComparison.Ordinal);
        Assert.DoesNotContain("Do you understand what shielding means?", admin.Text("article"), StringComparison.Ordinal);
        Assert.Equal(["Version 1", "Version 2 (live)"], admin.Page.QuerySelectorAll("#version option").Select(o => o.TextContent.Trim()));
        Assert.Equal("1", admin.Page.QuerySelector("#version option[selected]")!.GetAttribute("value"));

        using var pages = await admin.Client.GetAsync(new Uri("/staff/paper-form/1/pages.css", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("text/css", pages.Content.Headers.ContentType!.MediaType);
        var css = await pages.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.Contains("\"ContactPoint consultation, wording version 1\"", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("2")]
    [InlineData("one")]
    public async Task Form_OfAVersionNotPublished_ShowsTheChooserWithAnError_AndNoForm(string version)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        // Version 2 is a draft: never printed, since nobody answers a draft.
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[Question]"] = "Not published yet" });

        await admin.GetAsync($"/staff/paper-form?version={version}");

        Assert.Equal(HttpStatusCode.BadRequest, admin.Status);
        Assert.Equal(["Select a wording version from the list"], admin.ErrorSummary);
        Assert.Equal("Select a wording version from the list", admin.Text("#version-error").Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Null(admin.Page.QuerySelector("article"));
        Assert.Null(admin.Page.QuerySelector("head link[href$='pages.css']"));
    }

    [Theory]
    [InlineData("/staff/paper-form/99/pages.css")]
    [InlineData("/staff/paper-form/2/pages.css")]
    public async Task Pages_OfAVersionNotPublished_IsNotFound(string url)
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);
        await admin.EditWordingAsync("q5", new Dictionary<string, string> { ["Values[Question]"] = "Not published yet" });

        using var response = await admin.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Form_ForASafeguardingLeadWhoIsNothingElse_IsForbidden()
    {
        await using var portal = new PortalFactory();
        using var lead = await portal.SignedInStaffAsync(StaffRoles.Safeguarding);

        await lead.GetAsync("/staff/paper-form");

        Assert.Equal(HttpStatusCode.Forbidden, lead.Status);
        Assert.Null(lead.Page.QuerySelector("article"));
    }
}
