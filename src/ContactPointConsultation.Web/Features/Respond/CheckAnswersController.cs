using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>Check your answers, send them exactly once, and show the reference.</summary>
public sealed class CheckAnswersController(
    RespondentSession session,
    SubmissionService submissions,
    IAntiforgery antiforgery) : RespondentFormController(antiforgery)
{
    /// <summary>Above the answers again after their Send was refused because the form was stale.</summary>
    public const string NotSentMessage = "Your answers have not been sent yet. Check them, then select Send my answers.";

    public const string NothingToSendMessage = "Answer a question or write a comment before you send your answers";

    [RequireOpenConsultation]
    [HttpGet("check-answers")]
    public async Task<IActionResult> Show(CancellationToken cancellationToken)
    {
        var isPreview = await session.IsPreviewAsync(cancellationToken);
        var draft = isPreview ? new Draft() : await session.FindDraftWithAnswersAsync(cancellationToken);
        if (draft is null)
        {
            return NotFoundOrAlreadySent();
        }

        var content = await session.ContentAsync(cancellationToken);
        return View("CheckAnswers", ToViewModel(content, draft, isPreview));
    }

    [RequireOpenConsultation]
    [HttpPost("check-answers")]
    [EnableRateLimiting(WebSetup.FormRateLimit)]
    public async Task<IActionResult> Send(Guid submissionKey, CancellationToken cancellationToken)
    {
        if (await session.IsPreviewAsync(cancellationToken))
        {
            return Redirect(RespondLinks.CheckAnswers);
        }

        var draft = await session.FindDraftWithAnswersAsync(cancellationToken);
        if (!await FormTokenIsValidAsync())
        {
            ViewData["NotSavedMessage"] = NotSentMessage;
            return draft is null ? NotFoundOrAlreadySent() : View("CheckAnswers", ToViewModel(await session.ContentAsync(cancellationToken), draft));
        }

        var result = await submissions.SubmitAsync(draft, submissionKey);
        switch (result.Outcome)
        {
            case SubmissionOutcome.Sent or SubmissionOutcome.AlreadySent:
                session.Finish(result.Reference!, forgetDraft: draft is null || draft.SubmissionKey == submissionKey);
                return RedirectToAction(nameof(Confirmation));
            case SubmissionOutcome.NothingToSend:
                ModelState.AddModelError("Answers", NothingToSendMessage);
                return View("CheckAnswers", ToViewModel(await session.ContentAsync(cancellationToken), draft!));
            default:
                return NotFoundOrAlreadySent();
        }
    }

    [HttpGet("confirmation")]
    public IActionResult Confirmation() =>
        session.SentReference() is { } reference
            ? View("Confirmation", new ConfirmationViewModel(reference))
            : Redirect(RespondLinks.Start);

    private ViewResult NotFoundOrAlreadySent()
    {
        if (session.SentReference() is { } reference)
        {
            return View("AlreadySent", new ConfirmationViewModel(reference));
        }

        return View("AnswersNotFound");
    }

    private CheckAnswersViewModel ToViewModel(ConsultationContent content, Draft draft, bool isPreview = false)
    {
        return new CheckAnswersViewModel
        {
            Rows = AnswerRow.For(content, number => draft.Answers.Find(a => a.QuestionNumber == number) is { } a ? (a.Choice, a.Comments) : null),
            AgeGroup = AnswerOptions.AgeGroups.LabelOf(draft.AgeGroup, content.AboutYou.AgeGroupLabels),
            AnsweringAs = AnswerOptions.AnsweringAs.LabelOf(draft.AnsweringAs, content.AboutYou.AnsweringAsLabels),
            IsPreview = isPreview,
            SubmissionKey = draft.SubmissionKey,
            JustResumed = TempData[SaveAndReturnController.ResumedKey] is not null,
        };
    }
}
