using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Features.Shared;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>One page per question. Every Continue saves the answer to the draft on the server.</summary>
[RequireOpenConsultation]
[Route("questions/{number:int}")]
public sealed partial class QuestionController(
    RespondentSession session,
    DraftStore drafts,
    QuestionPage page,
    DrawnPages drawn,
    IValidator<AnswerInput> validator,
    IAntiforgery antiforgery,
    ILogger<QuestionController> logger) : RespondentFormController(antiforgery)
{
    /// <summary>Said when the page's form token had gone, so the answer shown again was not saved.</summary>
    public const string NotSavedYetMessage = "Your answer has not been saved yet. Check it, then select Continue.";

    public const string SaveAndReturnIntent = "save-and-return";

    [HttpGet("")]
    public async Task<IActionResult> Show(int number, string? change, CancellationToken cancellationToken)
    {
        // The saved answer first: it is read with the draft, in one round trip, and the draft says which wording to show.
        var input = await page.SavedAnswerAsync(number, cancellationToken);
        var content = await session.ContentAsync(cancellationToken);
        if (content.Find(number) is not { } question)
        {
            return NotFound();
        }

        var isChange = ChangeLink.IsChange(change);
        // Drawn once for each question of a settled version, each way here (from a change link or not) and each
        // option chosen; what was typed fills its hole.
        return drawn.View(
            this,
            QuestionPage.ViewPath,
            question,
            $"{isChange}/{input.Answer}",
            input.Comments,
            typed => page.ViewModel(content, question, new AnswerInput { Answer = input.Answer, Comments = typed }, isChange));
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

        input.Comments = TypedComment.Clean(input.Comments);
        if (!question.HasChoice)
        {
            input.Answer = null;
        }

        if (!await FormTokenIsValidAsync())
        {
            ViewData["NotSavedMessage"] = NotSavedYetMessage;
            return View(QuestionPage.ViewPath, page.ViewModel(content, question, input, isChange));
        }

        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View(QuestionPage.ViewPath, page.ViewModel(content, question, input, isChange));
        }

        if (await session.IsPreviewAsync(cancellationToken))
        {
            return Redirect(isChange ? RespondLinks.CheckAnswers : RespondLinks.AfterQuestion(number));
        }

        try
        {
            var draft = await session.FindOrStartDraftAsync(content.VersionId, cancellationToken);
            await drafts.SaveAnswerAsync(draft, number, AnswerOptions.Choices.Parse(input.Answer), input.Comments, cancellationToken);
            if (intent == SaveAndReturnIntent)
            {
                TempData[SaveAndReturnController.CodeKey] = await drafts.CreateResumeCodeAsync(draft, cancellationToken);
                TempData[SaveAndReturnController.ReturnToKey] = RespondLinks.Question(number, isChange);
                return RedirectToAction(nameof(SaveAndReturnController.Show), "SaveAndReturn");
            }
        }
        catch (Exception exception) when (DatabaseFaults.IsFault(exception))
        {
            // The page again, holding what was typed, rather than an error page with no form on it.
            LogNotSaved(logger, exception, number);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ModelState.AddModelError(QuestionPage.NotSavedField, QuestionPage.NotSavedMessage(StatusCodes.Status503ServiceUnavailable));
            return View(QuestionPage.ViewPath, page.ViewModel(content, question, input, isChange));
        }

        return Redirect(isChange ? RespondLinks.CheckAnswers : RespondLinks.AfterQuestion(number));
    }

    [LoggerMessage(LogLevel.Error, "An answer to question {QuestionNumber} was not saved; the page was shown again with what was typed")]
    private static partial void LogNotSaved(ILogger logger, Exception exception, int questionNumber);
}
