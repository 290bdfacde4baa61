using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Respond;

/// <param name="Finished">A young person has just selected Finished on the copy of their answers.</param>
public sealed record StartViewModel(
    string ConsultationName, HtmlString IntroductionHtml, IReadOnlyList<GlossaryEntry> IntroductionWords, bool HasDraft, DateTime ClosesAt, bool Finished);

public sealed record ClosedViewModel(string ConsultationName, DateTime OpensAt, DateTime ClosesAt, bool NotYetOpen, bool Finished);

/// <summary>The start page with the introduction, and the "closed" page outside the consultation's dates.</summary>
[AllowAnonymous]
public sealed class StartController(
    RespondentSession session,
    GovUkMarkdown markdown,
    ContentCatalogue catalogue,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!await session.IsOpenAsync(clock.GetUtcNow(), cancellationToken))
        {
            return Redirect(RespondLinks.Closed);
        }

        var content = await session.ContentAsync(cancellationToken);
        var hasDraft = await session.FindDraftAsync(cancellationToken) is not null;

        // Whatever wording a respondent is pinned to, the dates in force are the live version's; a
        // preview shows the draft's own.
        var closesAt = await session.IsPreviewAsync(cancellationToken) ? content.ClosesAt : (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt;
        return View("Start", new StartViewModel(
            content.ConsultationName, markdown.ToHtml(content.Introduction), content.IntroductionWords, hasDraft, closesAt, JustFinished));
    }

    [HttpGet("closed")]
    public async Task<IActionResult> Closed(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await session.IsOpenAsync(now, cancellationToken))
        {
            return Redirect(RespondLinks.Start);
        }

        var live = await catalogue.GetLiveAsync(cancellationToken);
        var notYetOpen = now.UtcDateTime < live.OpensAt;
        return View("Closed", new ClosedViewModel(live.ConsultationName, live.OpensAt, live.ClosesAt, notYetOpen, JustFinished));
    }

    private bool JustFinished => TempData[YourAnswersController.FinishedKey] is not null;
}
