using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>One page per question. Every Continue saves the answer to the draft on the server.</summary>
[RequireOpenConsultation]
[Route("questions/{number:int}")]
public sealed class QuestionController(
    RespondentSession session,
    DraftStore drafts,
    GovUkMarkdown markdown,
    IValidator<AnswerInput> validator,
    IAntiforgery antiforgery) : RespondentFormController(antiforgery)
{
    public const string SaveAndReturnIntent = "save-and-return";

    [HttpGet("")]
    public async Task<IActionResult> Show(int number, string? change, CancellationToken cancellationToken)
    {
        var content = await session.ContentAsync(cancellationToken);
        if (content.Find(number) is not { } question)
        {
            return NotFound();
        }

        var saved = await session.FindDraftAsync(cancellationToken) is { } draft ? await drafts.FindAnswerAsync(draft, number) : null;
        var input = new AnswerInput { Answer = AnswerOptions.Choices.ValueOf(saved?.Choice), Comments = saved?.Comments };
        return View("Question", ToViewModel(content, question, input, ChangeLink.IsChange(change)));
    }

    [HttpPost("")]
    [EnableRateLimiting(WebSetup.FormRateLimit)]
    public async Task<IActionResult> Save(int number, AnswerInput input, string? change, string? intent, string? shownVersion, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            // The form itself could not be read (a NUL byte, say): nothing to keep, nothing to save.
            return BadRequest();
        }
        var isChange = ChangeLink.IsChange(change);
        var content = await session.ContentAsync(shownVersion, cancellationToken);
        if (content.Find(number) is not { } question)
        {
            return NotFound();
        }

        input.Comments = CommentText.Clean(input.Comments);
        if (!question.HasChoice)
        {
            input.Answer = null;
        }

        if (!await FormTokenIsValidAsync())
        {
            ViewData["NotSavedMessage"] = "Your answer has not been saved yet. Check it, then select Continue.";
            return View("Question", ToViewModel(content, question, input, isChange));
        }

        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View("Question", ToViewModel(content, question, input, isChange));
        }

        if (await session.IsPreviewAsync(cancellationToken))
        {
            return Redirect(isChange ? "/check-answers" : NextUrl(number));
        }

        var draft = await session.FindOrStartDraftAsync(content.VersionId, cancellationToken);
        await drafts.SaveAnswerAsync(draft, number, AnswerOptions.Choices.Parse(input.Answer), input.Comments, cancellationToken);

        if (intent == SaveAndReturnIntent)
        {
            TempData[SaveAndReturnController.CodeKey] = await drafts.CreateResumeCodeAsync(draft, cancellationToken);
            TempData[SaveAndReturnController.ReturnToKey] = QuestionUrl(number, isChange);
            return RedirectToAction(nameof(SaveAndReturnController.Show), "SaveAndReturn");
        }

        return Redirect(isChange ? "/check-answers" : NextUrl(number));
    }

    private QuestionViewModel ToViewModel(ConsultationContent content, QuestionContent question, AnswerInput input, bool change)
    {
        ViewData["Title"] = question.SectionTitle;
        return new QuestionViewModel
        {
            Question = question,
            ShownVersion = content.VersionId,
            QuestionCount = content.Questions.Count,
            HelpHtml = markdown.ToHtml(question.HelpText),
            Input = input,
            BackUrl = change ? "/check-answers" : PreviousUrl(question.Number),
            FormAction = QuestionUrl(question.Number, change),
        };
    }

    private static string QuestionUrl(int number, bool change) => change ? $"/questions/{number}?change=true" : $"/questions/{number}";

    private static string PreviousUrl(int number) =>
        number == ConsultationLimits.FirstQuestionNumber ? "/" : $"/questions/{number - 1}";

    private static string NextUrl(int number) =>
        number == ConsultationLimits.LastQuestionNumber ? "/about-you" : $"/questions/{number + 1}";
}
