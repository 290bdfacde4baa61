using System.Net;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Respond;

public sealed class AnswerValidationTests(SharedPortal portal)
{
    private static Dictionary<string, string?> Fields(string? answer, string? comments) => new() { ["Answer"] = answer, ["Comments"] = comments };

    [Theory]
    [InlineData(5001)]
    [InlineData(100_000)]
    public async Task Post_CommentTooLong_ShowsErrorAndKeepsText(int length)
    {
        using var respondent = portal.CreateRespondent();
        var comment = "Too long " + new string('x', length - 9);
        await respondent.GetAsync("/questions/3");

        await respondent.SubmitAsync(Fields("yes", comment));

        Assert.Equal("/questions/3", respondent.Path);
        Assert.StartsWith("Error: ", respondent.Page.Title, StringComparison.Ordinal);
        Assert.Equal(["Comments must be 5,000 characters or less"], respondent.ErrorSummary);
        Assert.Equal("#comments", respondent.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("Comments must be 5,000 characters or less", respondent.Text("#comments-error"), StringComparison.Ordinal);
        Assert.Equal(comment, respondent.Page.QuerySelector("textarea#comments")!.TextContent);
        Assert.NotNull(respondent.Page.QuerySelector("input#answer[checked]"));
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments!.StartsWith("Too long "))));
    }

    [Fact]
    public async Task Post_CommentExactlyAtLimitWithEmojiAndCombiningCharacters_IsStoredIdentically()
    {
        using var respondent = portal.CreateRespondent();
        // Counted as the on-page counter counts (UTF-16 units): 👩‍👩‍👧 is 8, é as e + U+0301 is 2.
        var start = "Ar y cyd 👩‍👩‍👧 café ";
        var comment = start + new string('ŵ', 5000 - start.Length);
        Assert.Equal(5000, comment.Length);
        await respondent.GetAsync("/questions/4");

        await respondent.SubmitAsync(Fields("not-sure", comment));

        Assert.Equal("/questions/5", respondent.Path);
        var reference = await SendFromHereAsync(respondent);
        Assert.Equal(comment, await StoredCommentAsync(reference, 4));
    }

    [Fact]
    public async Task Post_WindowsLineBreaks_CountAsOneCharacterEach()
    {
        using var respondent = portal.CreateRespondent();
        var line = new string('a', 99);
        var typed = string.Join("\r\n", Enumerable.Repeat(line, 50));
        Assert.Equal(5048, typed.Length);
        await respondent.GetAsync("/questions/2");

        await respondent.SubmitAsync(Fields(null, typed));

        Assert.Equal("/questions/3", respondent.Path);
        var reference = await SendFromHereAsync(respondent);
        Assert.Equal(typed.Replace("\r\n", "\n", StringComparison.Ordinal), await StoredCommentAsync(reference, 2));
    }

    [Theory]
    [InlineData("Maybe")]
    [InlineData("YES")]
    [InlineData("Yes")]
    [InlineData("not sure")]
    public async Task Post_UnknownAnswerValue_ShowsErrorAndKeepsComment(string value)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/5");

        await respondent.SubmitAsync(Fields(value, "My comment stays"));

        Assert.Equal(["Select yes, no or not sure"], respondent.ErrorSummary);
        Assert.Equal("#answer", respondent.Page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(respondent.Page.QuerySelector("#answer-error"));
        Assert.Equal("My comment stays", respondent.Page.QuerySelector("textarea#comments")!.TextContent);
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "My comment stays")));
    }

    [Fact]
    public async Task Post_TwoBadFields_ListsErrorsInPageOrderAndKeepsBoth()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/4");

        await respondent.SubmitAsync(Fields("Maybe", new string('y', 5001)));

        Assert.Equal(["Select yes, no or not sure", "Comments must be 5,000 characters or less"], respondent.ErrorSummary);
        Assert.Equal(["#answer", "#comments"], respondent.Page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(5001, respondent.Page.QuerySelector("textarea#comments")!.TextContent.Length);
    }

    [Fact]
    public async Task Post_ControlCharacters_AreDroppedAndTheRestIsStored()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/6");

        await respondent.SubmitAsync(Fields("no", "bell\a esc\u001b c1\u0085 tab\tkept\u202Eright-to-left kept"));

        Assert.Equal("/questions/7", respondent.Path);
        var reference = await SendFromHereAsync(respondent);
        Assert.Equal("bell esc c1 tab\tkept\u202Eright-to-left kept", await StoredCommentAsync(reference, 6));
    }

    [Fact]
    public async Task Post_NulCharacter_IsRefusedWithAFriendlyPageAndNothingIsStored()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/6");

        await respondent.SubmitAsync(Fields("no", "nul\0 here"));

        Assert.Equal(HttpStatusCode.BadRequest, respondent.Status);
        Assert.Equal("Sorry, we could not use what was sent", respondent.Text("h1"));
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments!.Contains("here"))));
    }

    public static TheoryData<string, string> UnreadableBodies
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var url in new[] { "/questions/2", "/questions/12", "/about-you", "/check-answers", "/resume", "/save-and-return" })
            {
                data.Add(url, "Comments=nul%00byte&AgeGroup=x%00&Code=x%00&SubmissionKey=x%00");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task Post_UnreadableBody_GetsAFriendlyClientErrorNeverA500(string url, string body)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(2, "yes"));
        var token = Uri.EscapeDataString(respondent.AntiforgeryToken);
        using var content = new StringContent($"__RequestVerificationToken={token}&{body}", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await respondent.Client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        await AssertFriendlyBadRequestAsync(response);
    }

    [Theory]
    [InlineData("/questions/2")]
    [InlineData("/about-you")]
    [InlineData("/check-answers")]
    [InlineData("/resume")]
    [InlineData("/staff/sign-in")]
    public async Task Post_5MegabyteBody_GetsAFriendly413AndNothingIsSaved(string url)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        var token = Uri.EscapeDataString(respondent.AntiforgeryToken);
        using var content = new StringContent($"__RequestVerificationToken={token}&Comments=" + new string('a', 5 * 1024 * 1024), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await respondent.Client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("What you sent was too long", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments!.StartsWith("aaaa"))));
    }

    /// <summary>A body over the limit cannot be read back: the page says so, and what the limit is.</summary>
    [Fact]
    public async Task Post_OverTheBodyLimitToAQuestion_ShowsTheQuestionAgainSayingWhatTheLimitIs_WithTheAnswerAsLastSaved()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/4");
        await respondent.SubmitAsync(Fields("yes", "Saved first"));
        await respondent.GetAsync("/questions/4");
        var form = respondent.HiddenFields();
        form.AddRange([new("Answer", "no"), new("Comments", new string('a', 2 * 1024 * 1024))]);

        await respondent.PostAsync("/questions/4", form);

        respondent.AssertQuestionShownAgain(HttpStatusCode.RequestEntityTooLarge, 4, "yes", "Saved first");
        Assert.Contains("This page can take up to 1 MB, and a comments box up to 5,000 characters", respondent.ErrorSummary[0], StringComparison.Ordinal);
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.QuestionNumber == 4 && a.Comments == "Saved first")));
    }

    [Fact]
    public async Task Post_LongestRealComment_InFourByteCharacters_IsWellUnderTheBodyLimit()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/3");
        var longest = string.Concat(Enumerable.Repeat("😀", 2500));

        await respondent.SubmitAsync(Fields("yes", longest));

        Assert.Equal("/questions/4", respondent.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == longest)));
    }

    [Theory]
    [InlineData("[spc")]
    [InlineData("Answer[0]")]
    [InlineData("a]b[c")]
    public async Task Post_MalformedFieldName_IsIgnored(string name)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/11");
        var body = respondent.HiddenFields();
        body.AddRange([new(name, "1"), new("Answer", "yes")]);

        await respondent.PostAsync("/questions/11", body);

        Assert.Equal("/questions/12", respondent.Path);
    }

    [Fact]
    public async Task Post_MarkupAndSql_AreStoredAsTypedAndShownAsText()
    {
        using var respondent = portal.CreateRespondent();
        const string nasty = "'; DROP TABLE Responses; -- <script>alert(1)</script> \"><img src=x onerror=alert(2)>";
        await respondent.GetAsync("/questions/7");
        await respondent.SubmitAsync(Fields("yes", nasty));

        await respondent.GetAsync("/questions/7");
        Assert.Equal(nasty, respondent.Page.QuerySelector("textarea#comments")!.TextContent);
        Assert.Empty(respondent.Page.QuerySelectorAll("main script, main img"));

        var reference = await SendFromHereAsync(respondent);
        Assert.Equal(nasty, await StoredCommentAsync(reference, 7));
    }

    [Fact]
    public async Task Post_UnknownFieldsAndDuplicateAnswers_AreIgnored()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/8");
        var body = respondent.HiddenFields();
        body.AddRange([new("Answer", "no"), new("Answer", "yes"), new("Comments", "dup"), new("SubmittedAt", "2000-01-01"), new("ContentVersionId", "999"), new("Reference", "AAAAAAAA")]);

        await respondent.PostAsync("/questions/8", body);

        Assert.Equal("/questions/9", respondent.Path);
        var reference = await SendFromHereAsync(respondent);
        var response = await portal.QueryAsync(db => db.Responses.Include(r => r.Answers).SingleAsync(r => r.Reference == reference));
        Assert.NotEqual("AAAAAAAA", response.Reference);
        Assert.True(response.SubmittedAt > new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var answer = Assert.Single(response.Answers);
        Assert.Equal(Choice.No, answer.Choice);
    }

    [Fact]
    public async Task Post_AnswerToCommentOnlyQuestion_IsIgnored()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/12");
        Assert.Empty(respondent.Page.QuerySelectorAll("input[name=Answer]"));

        await respondent.SubmitAsync(Fields("yes", "General thoughts"));

        var reference = await SendFromHereAsync(respondent);
        var answer = await portal.QueryAsync(db => db.ResponseAnswers.SingleAsync(a => a.QuestionNumber == 12 && db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == reference)));
        Assert.Null(answer.Choice);
        Assert.Equal("General thoughts", answer.Comments);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_ShowsThePageAgainWithTheTextAndStoresNothing()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/9");

        await respondent.PostAsync("/questions/9", [new("Answer", "no"), new("Comments", "forged or expired")]);

        Assert.Equal(HttpStatusCode.BadRequest, respondent.Status);
        Assert.Equal("/questions/9", respondent.Path);
        Assert.Contains("Your answer has not been saved yet", respondent.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Equal("forged or expired", respondent.Page.QuerySelector("textarea#comments")!.TextContent);
        Assert.NotNull(respondent.Page.QuerySelector("input#answer-2[checked]"));
        Assert.Equal(0, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "forged or expired")));
    }

    [Fact]
    public async Task Post_AfterTheBrowserLostItsCookies_KeepsTheTextAndSavesOnTheNextContinue()
    {
        using var before = portal.CreateRespondent();
        await before.GetAsync("/questions/8");
        var restoredTab = before.HiddenFields();
        restoredTab.Add(new("Comments", "Typed before the browser restarted"));

        using var after = portal.CreateRespondent();
        await after.PostAsync("/questions/8", restoredTab);
        Assert.Equal(HttpStatusCode.BadRequest, after.Status);
        await after.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = after.Page.QuerySelector("textarea#comments")!.TextContent });

        Assert.Equal("/questions/9", after.Path);
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Typed before the browser restarted")));
    }

    [Fact]
    public async Task Send_WithoutAntiforgeryToken_SendsNothingAndOffersToSendAgain()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(5, "yes"));
        var key = respondent.HiddenFields().Single(f => f.Key == "SubmissionKey");

        await respondent.PostAsync("/check-answers", [key]);

        Assert.Equal(HttpStatusCode.BadRequest, respondent.Status);
        Assert.Contains("Your answers have not been sent yet", respondent.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.False(await portal.QueryAsync(db => db.Responses.AnyAsync(r => r.SubmissionKey == Guid.Parse(key.Value))));
        await respondent.SubmitAsync();
        Assert.Equal("/confirmation", respondent.Path);
    }

    [Theory]
    [InlineData("bad%FF%FEbytes")]
    [InlineData("raw\u00FF\u00FEbytes")]
    [InlineData("cut%F0%9F%91short")]
    public async Task Post_InvalidUtf8_IsRefusedWithAFriendly400_AndNothingIsStored(string body)
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/10");

        using var response = await PostRawAsync(respondent, "/questions/10", body);

        await AssertRefusedBeforeAnyDraftAsync(response, respondent);
    }

    [Fact]
    public async Task Post_AsMultipart_WhichNoPortalFormSends_IsRefusedWithAFriendly400()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/10");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(respondent.AntiforgeryToken), "__RequestVerificationToken" },
            { new ByteArrayContent([0x62, 0x61, 0x64, 0xFF, 0xFE]), "Comments" },
        };

        using var response = await respondent.Client.PostAsync(new Uri("/questions/10", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await AssertRefusedBeforeAnyDraftAsync(response, respondent);
    }

    [Fact]
    public async Task Post_AReplacementCharacterThatWasTyped_IsValidUtf8AndStoredAsTyped()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/10");

        using var response = await PostRawAsync(respondent, "/questions/10", "typed %EF%BF%BD on purpose");

        Assert.EndsWith("/questions/11", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var reference = await SendFromHereAsync(respondent);
        Assert.Equal("typed \uFFFD on purpose", await StoredCommentAsync(reference, 10));
    }

    /// <summary>Posts a comment exactly as given, byte for byte, as a broken client might send it.</summary>
    private static async Task AssertFriendlyBadRequestAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, we could not use what was sent", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task AssertRefusedBeforeAnyDraftAsync(HttpResponseMessage response, Respondent respondent)
    {
        await AssertFriendlyBadRequestAsync(response);
        // A first answer would have started a draft: none was.
        Assert.Null(respondent.Cookies.GetCookies(respondent.Client.BaseAddress!)["cp_draft"]);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(Respondent respondent, string url, string comments)
    {
        var token = Uri.EscapeDataString(respondent.AntiforgeryToken);
        // Latin-1 turns \u00FF into the single byte 0xFF: bytes that are not UTF-8.
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes($"__RequestVerificationToken={token}&Comments={comments}"));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return await respondent.Client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Post_SameAnswerTwiceAtOnce_StoresOneAnswerWithoutAnError()
    {
        using var respondent = portal.CreateRespondent();
        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = "Creates the draft" });
        await respondent.GetAsync("/questions/9");
        var form = respondent.HiddenFields();
        form.AddRange([new("Answer", "yes"), new("Comments", "Double-clicked Continue")]);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await respondent.SendFormAsync("/questions/9", form);
            return (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath);
        }));

        Assert.All(statuses, s => Assert.Equal((HttpStatusCode.OK, "/questions/10"), s));
        Assert.Equal(1, await portal.QueryAsync(db => db.DraftAnswers.CountAsync(a => a.Comments == "Double-clicked Continue")));
    }

    private static async Task<string> SendFromHereAsync(Respondent respondent)
    {
        await respondent.GetAsync("/check-answers");
        await respondent.SubmitAsync();
        return respondent.Text(".govuk-panel__body strong");
    }

    private Task<string?> StoredCommentAsync(string reference, int number) =>
        portal.QueryAsync(db => db.ResponseAnswers
            .Where(a => a.QuestionNumber == number && db.Responses.Any(r => r.Id == a.ResponseId && r.Reference == reference))
            .Select(a => a.Comments).SingleAsync());
}
