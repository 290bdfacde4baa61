using ContactPointConsultation.Core;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed record StartViewModel(string ConsultationName, HtmlString IntroductionHtml, bool HasDraft, DateTime ClosesAt);

public sealed record ClosedViewModel(string ConsultationName, DateTime OpensAt, DateTime ClosesAt, bool NotYetOpen);

/// <summary>The start page with the introduction, and the "closed" page outside the consultation's dates.</summary>
[AllowAnonymous]
public sealed class StartController(
    RespondentSession session,
    GovUkMarkdown markdown,
    IOptions<ConsultationOptions> options,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!session.IsOpen(clock.GetUtcNow()))
        {
            return Redirect("/closed");
        }

        var content = await session.ContentAsync(cancellationToken);
        var hasDraft = await session.FindDraftAsync(cancellationToken) is not null;
        ViewData["Title"] = content.ConsultationName;
        return View("Start", new StartViewModel(
            content.ConsultationName, markdown.ToHtml(content.Introduction), hasDraft, options.Value.ClosesAt));
    }

    [HttpGet("closed")]
    public async Task<IActionResult> Closed(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (session.IsOpen(now))
        {
            return Redirect("/");
        }

        var content = await session.ContentAsync(cancellationToken);
        var settings = options.Value;
        var notYetOpen = now.UtcDateTime < settings.OpensAt.ToUniversalTime();
        ViewData["Title"] = notYetOpen ? "This consultation is not open yet" : "This consultation has closed";
        return View("Closed", new ClosedViewModel(content.ConsultationName, settings.OpensAt, settings.ClosesAt, notYetOpen));
    }
}
