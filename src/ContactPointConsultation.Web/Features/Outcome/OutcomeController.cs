using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Outcome;

/// <summary>
/// "You said, we did" for everyone, and the check by reference: which questions a response answered, and what
/// happened about them. The check never shows the response's own answers or comments.
/// </summary>
[AllowAnonymous]
public sealed class OutcomeController(
    OutcomeEditor outcomes,
    OutcomeCheck check,
    ContentCatalogue catalogue,
    SmallNumberSuppression suppression,
    GovUkMarkdown markdown,
    IValidator<OutcomeCheckInput> validator,
    TimeProvider clock) : Controller
{
    public const string NotFoundMessage = "We could not show anything for that reference number. Check it and try again";

    [HttpGet("outcome")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await PublishedAsync(cancellationToken) is { } outcome
            ? View("Outcome", outcome)
            : await NotPublishedAsync(cancellationToken);

    [HttpGet("outcome/check")]
    public async Task<IActionResult> Check(CancellationToken cancellationToken) =>
        await PublishedAsync(cancellationToken) is { } outcome
            ? View("Check", new OutcomeCheckViewModel(new OutcomeCheckInput(), outcome, Answered: null))
            : await NotPublishedAsync(cancellationToken);

    /// <summary>
    /// Shown in answer to the post, not after a redirect: a reference is a receipt, and in an address it would be
    /// kept in the browser's history and in logs. Each guess counts against the address's limit, as resume codes do.
    /// </summary>
    [HttpPost("outcome/check")]
    [EnableRateLimiting(OutcomeSetup.CheckRateLimit)]
    public async Task<IActionResult> Check(OutcomeCheckInput input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return BadRequest();
        }

        if (await PublishedAsync(cancellationToken) is not { } outcome)
        {
            return await NotPublishedAsync(cancellationToken);
        }

        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View("Check", new OutcomeCheckViewModel(input, outcome, Answered: null));
        }

        // Unknown, withdrawn and mistyped references all get the same words: the page does not say which.
        if (await check.AnsweredAsync(input.Reference, cancellationToken) is not { } answered)
        {
            ModelState.AddModelError(nameof(OutcomeCheckInput.Reference), NotFoundMessage);
            return View("Check", new OutcomeCheckViewModel(input, outcome, Answered: null));
        }

        return View("Check", new OutcomeCheckViewModel(input, outcome, [.. outcome.Questions.Where(q => answered.Contains(q.Number))]));
    }

    private async Task<OutcomeViewModel?> PublishedAsync(CancellationToken cancellationToken) =>
        await outcomes.InStateAsync(OutcomeState.Published, cancellationToken) is { } published
            ? OutcomeViewModel.Of(published, OutcomeShown.Published, suppression, markdown)
            : null;

    private async Task<ViewResult> NotPublishedAsync(CancellationToken cancellationToken)
    {
        var live = await catalogue.GetLiveAsync(cancellationToken);
        return View("NotPublished", new NotPublishedViewModel(OutcomeClock.At(live.ClosesAt, clock.GetUtcNow())));
    }
}
