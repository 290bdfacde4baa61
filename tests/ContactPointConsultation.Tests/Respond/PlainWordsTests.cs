using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Errors;
using ContactPointConsultation.Web.Features.Respond;
using Microsoft.AspNetCore.Http;

namespace ContactPointConsultation.Tests.Respond;

/// <summary>
/// Our own words on every page a young person can see read at age 11 or below (docs/readability.md, "Our
/// own pages"). The Government's consultation wording, marked <c>data-government-text</c> in the views, is
/// left out: it is theirs, and it is not ours to change.
/// </summary>
public sealed partial class PlainWordsTests(PlainWordsTests.OurPages pages) : IClassFixture<PlainWordsTests.OurPages>
{
    public static TheoryData<string> PageNames => [.. OurPages.Names];

    public static TheoryData<string, string> Messages => new()
    {
        { "Answer not one of the choices", Validate(new AnswerInputValidator(), new AnswerInput { Answer = "maybe" }) },
        { "Comments too long", Validate(new AnswerInputValidator(), new AnswerInput { Comments = new string('a', ConsultationLimits.CommentMaxLength + 1) }) },
        { "Age group not in the list", Validate(new AboutYouInputValidator(), new AboutYouInput { AgeGroup = "ancient" }) },
        { "Answering as not in the list", Validate(new AboutYouInputValidator(), new AboutYouInput { AnsweringAs = "robot" }) },
        { "No code entered", Validate(new ResumeInputValidator(), new ResumeInput()) },
        { "Code not found", SaveAndReturnController.CodeNotFoundMessage },
        { "Nothing to send", CheckAnswersController.NothingToSendMessage },
        { "About you not saved yet", AboutYouController.NotSavedMessage },
        { "Answer not saved yet", QuestionController.NotSavedYetMessage },
        { "Answers not sent yet", CheckAnswersController.NotSentMessage },
        { "Answer not saved, too many attempts", QuestionPage.NotSavedMessage(StatusCodes.Status429TooManyRequests) },
        { "Answer not saved, too long to read", QuestionPage.NotSavedMessage(StatusCodes.Status413PayloadTooLarge) },
        { "Answer not saved, a problem with the service", QuestionPage.NotSavedMessage(StatusCodes.Status503ServiceUnavailable) },
        { "Don't say who you are", CommentText.DontIdentifyYourself },
    };

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Page_ReadsAtAge11OrBelow(string page)
    {
        var text = pages.TextOf(page);
        var score = Readability.Estimate(text);

        Assert.NotNull(score);
        Assert.True(!score.IsAboveTarget, $"{page} reads at age {score.ReadingAge}:\n{text}");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_ReadsAtAge11OrBelow(string message, string text)
    {
        var score = Readability.Estimate(text);

        Assert.NotNull(score);
        Assert.True(!score.IsAboveTarget, $"The message \"{message}\" reads at age {score.ReadingAge}: {text}");
    }

    [Fact]
    public void AccessibilityStatement_PlainFirst_ThenTheFormalStatement()
    {
        var formal = pages.Formal("Accessibility statement");

        Assert.StartsWith("The formal statement", formal, StringComparison.Ordinal);
        foreach (var required in new[]
        {
            "Compliance status", "Non-accessible content", "Feedback and contact information", "Enforcement procedure",
            "Equality Advisory and Support Service", "Preparation of this accessibility statement", "24 November 2026",
        })
        {
            Assert.Contains(required, formal, StringComparison.Ordinal);
        }
    }

    private static string Validate<T>(FluentValidation.AbstractValidator<T> validator, T input) =>
        Assert.Single(validator.Validate(input).Errors).ErrorMessage;

    /// <summary>Each page a young person can see, visited once as they would reach it, as the text we wrote.</summary>
    public sealed partial class OurPages : IAsyncLifetime
    {
        public static readonly string[] Names =
        [
            "Start page", "Start page with saved answers", "Start page after Finished",
            "Continue with your code page", "Continue with your code page, with an error",
            "Save and come back later page", "Save and come back later page, code already shown",
            "About you page", "Check your answers page", "Check your answers page, after continuing with a code",
            "Confirmation page", "Already sent page", "Answers not found page", "Copy of your answers page",
            "Closed page", "Not open yet page",
            "Bad request error page", "Forbidden error page", "Page not found error page", "Too long error page",
            "Too many attempts error page", "Server error page",
            "Service unavailable error page", "Answers not saved error page", "Answers not sent error page", "Changes not saved error page",
            "Cookies page", "Accessibility statement", "Contact page", "Privacy notice for young people", "Full privacy notice",
            "Phase banner and footer",
        ];

        private readonly PortalFactory _portal = new();
        private readonly PortalFactory _closed = new(new Dictionary<string, string?>
        {
            ["Consultation:OpensAt"] = "2020-01-01T00:00:00Z",
            ["Consultation:ClosesAt"] = "2021-01-01T00:00:00Z",
        });
        private readonly PortalFactory _notOpen = new(new Dictionary<string, string?>
        {
            ["Consultation:OpensAt"] = "2098-01-01T00:00:00Z",
            ["Consultation:ClosesAt"] = "2099-01-01T00:00:00Z",
        });
        private readonly Dictionary<string, IElement> _pages = new(StringComparer.Ordinal);

        public string TextOf(string page) => OurText(_pages[page], formal: false);

        public string Formal(string page) => OurText(_pages[page], formal: true);

        public async ValueTask InitializeAsync()
        {
            using (var fresh = _portal.CreateRespondent())
            {
                await Visit(fresh, "/", "Start page");
                await Visit(fresh, "/check-answers", "Answers not found page");
                await Visit(fresh, "/resume", "Continue with your code page");
                await fresh.SubmitAsync();
                Keep(fresh, "Continue with your code page, with an error");
                await Visit(fresh, "/cookies", "Cookies page");
                await Visit(fresh, "/accessibility", "Accessibility statement");
                await Visit(fresh, "/contact", "Contact page");
                await Visit(fresh, "/privacy", "Privacy notice for young people");
                await Visit(fresh, "/privacy/full", "Full privacy notice");
                await Visit(fresh, "/error/400", "Bad request error page");
                await Visit(fresh, "/error/403", "Forbidden error page");
                await Visit(fresh, "/no-such-page", "Page not found error page");
                await Visit(fresh, "/error/413", "Too long error page");
                await Visit(fresh, "/error/429", "Too many attempts error page");
                await Visit(fresh, "/error/500", "Server error page");
                _pages["Phase banner and footer"] = Fragment(string.Concat(
                    fresh.Page.QuerySelector(".govuk-phase-banner")!.OuterHtml,
                    fresh.Page.QuerySelector("footer")!.OuterHtml));
            }

            using (var saver = _portal.CreateRespondent())
            {
                await saver.GetAsync("/questions/2");
                await saver.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes" }, ("intent", QuestionController.SaveAndReturnIntent));
                Keep(saver, "Save and come back later page");
                var code = saver.Text(".app-resume-code");
                await Visit(saver, "/save-and-return", "Save and come back later page, code already shown");
                await Visit(saver, "/", "Start page with saved answers");
                await Visit(saver, "/about-you", "About you page");
                await Visit(saver, "/check-answers", "Check your answers page");

                using var elsewhere = _portal.CreateRespondent();
                await elsewhere.GetAsync("/resume");
                await elsewhere.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code });
                Keep(elsewhere, "Check your answers page, after continuing with a code");
            }

            using (var sender = _portal.CreateRespondent())
            {
                await sender.AnswerAllAsync(Journey.Empty().Answer(3, "no"));
                await sender.SubmitAsync();
                Keep(sender, "Confirmation page");
                await Visit(sender, "/check-answers", "Already sent page");
                await Visit(sender, "/your-answers", "Copy of your answers page");
                await sender.SubmitAsync();
                Keep(sender, "Start page after Finished");
            }

            using (var late = _closed.CreateRespondent())
            {
                await Visit(late, "/", "Closed page");
            }

            using (var early = _notOpen.CreateRespondent())
            {
                await Visit(early, "/", "Not open yet page");
            }

            // The database is down: only a real fault reaches these, so they are rendered as the error page renders them.
            foreach (var (name, model) in new[]
            {
                ("Service unavailable error page", new ErrorViewModel("0123456789abcdef0123456789abcdef")),
                ("Answers not saved error page", new ErrorViewModel("0123456789abcdef0123456789abcdef", WasSending: true)),
                ("Answers not sent error page", new ErrorViewModel("0123456789abcdef0123456789abcdef", WasSending: true, SendingAnswers: true)),
                ("Changes not saved error page", new ErrorViewModel("0123456789abcdef0123456789abcdef", WasSending: true, ByStaff: true)),
            })
            {
                var rendered = await _portal.RenderAsync("/Features/Errors/DatabaseUnavailable.cshtml", model);
                _pages[name] = rendered.Body!;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _portal.DisposeAsync();
            await _closed.DisposeAsync();
            await _notOpen.DisposeAsync();
        }

        private async Task Visit(Respondent respondent, string url, string name)
        {
            await respondent.GetAsync(url);
            Keep(respondent, name);
        }

        private void Keep(Respondent respondent, string name) =>
            _pages[name] = respondent.Page.QuerySelector("main") ?? throw new InvalidOperationException($"No main on {respondent.Path}");

        private static IElement Fragment(string html) =>
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

        /// <summary>
        /// The words of <paramref name="root"/> a young person reads, each block (heading, paragraph, list item,
        /// label, button) on a line of its own, as the estimate counts a line as a sentence. Left out: the
        /// Government's wording, text only screen readers hear (it names the Government's questions), and
        /// the accessibility statement's formal statement, unless <paramref name="formal"/> asks for it alone.
        /// </summary>
        private static string OurText(IElement root, bool formal)
        {
            var copy = (IElement)root.Clone();
            foreach (var theirs in copy.QuerySelectorAll("[data-government-text], .govuk-visually-hidden, script, svg").ToList())
            {
                theirs.Remove();
            }

            if (formal)
            {
                copy = copy.QuerySelector("[data-formal-statement]") ?? throw new InvalidOperationException("No formal statement");
            }
            else
            {
                copy.QuerySelector("[data-formal-statement]")?.Remove();
            }

            var text = new StringBuilder();
            Walk(copy, text);
            var lines = text.ToString().Split('\n')
                .Select(line => Spaces().Replace(line, " ").Trim())
                .Where(line => line.Length > 0)
                .Distinct(StringComparer.Ordinal);
            return string.Join('\n', lines);
        }

        private static void Walk(INode node, StringBuilder text)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText words)
                {
                    text.Append(words.Data);
                }
                else if (child is IElement element)
                {
                    var block = element.LocalName is not ("a" or "strong" or "span" or "code" or "br" or "abbr" or "em");
                    if (block || element.LocalName == "br")
                    {
                        text.Append('\n');
                    }

                    Walk(element, text);
                    if (block)
                    {
                        text.Append('\n');
                    }
                }
            }
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Spaces();
    }
}
