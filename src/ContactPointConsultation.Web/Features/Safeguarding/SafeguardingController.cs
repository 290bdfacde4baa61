using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Safeguarding;

public sealed record QueueViewModel(IReadOnlyList<QueueEntry> Waiting, IReadOnlyList<SafeguardingItem> RecentlyDecided, DateTime Now);

/// <summary>The response a flagged comment came from, as far as it is still there.</summary>
public sealed record ItemContext(QuestionContent? Wording, string? Answer, string? AgeGroup, string? AnsweringAs, int? VersionNumber, DateTime? SubmittedAt)
{
    /// <summary>How the response reached us, and for one typed in from paper and the like, the day received and its batch.</summary>
    public ResponseChannel Channel { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    /// <summary>The school or group it came with: a route to the child that an online response never gives.</summary>
    public string? Batch { get; init; }
}

public sealed record ItemViewModel(SafeguardingItem Item, ItemContext Context, DecisionInput Input, DateTime Now, bool Conflict);

/// <summary>
/// The safeguarding lead's queue and decisions. Only the Safeguarding role gets here, and only it ever
/// sees a flagged comment's words before a decision. Opening an item is audited, and the first opening
/// is the acknowledgement that stops the reminder.
/// </summary>
[Authorize(StaffPolicies.Safeguarding)]
[Route("staff/safeguarding")]
public sealed class SafeguardingController(
    SafeguardingReview review,
    ConsultationDbContext db,
    ContentCatalogue catalogue,
    IValidator<DecisionInput> validator,
    TimeProvider clock) : Controller
{
    public const int RecentlyDecidedShown = 20;

    [HttpGet("")]
    public async Task<IActionResult> Queue(CancellationToken cancellationToken) =>
        View("Queue", new QueueViewModel(
            await review.WaitingAsync(cancellationToken),
            await review.RecentlyDecidedAsync(RecentlyDecidedShown, cancellationToken),
            clock.GetUtcNow().UtcDateTime));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken)
    {
        if (await review.OpenAsync(id, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        ViewData["Decided"] = TempData["Decided"];
        return View("Item", await ViewModelAsync(item, new DecisionInput { Stamp = item.ConcurrencyStamp }, conflict: false, cancellationToken));
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Decide(long id, DecisionInput input, CancellationToken cancellationToken)
    {
        input ??= new DecisionInput();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return await ItemAgainAsync(id, input, conflict: false, cancellationToken);
        }

        switch (await review.DecideAsync(id, input.Stamp, input.ToRecord(), Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            case DecisionOutcome.Recorded:
                TempData["Decided"] = SafeguardingChoices.Outcomes.LabelOf(input.ToRecord().Outcome);
                return Redirect(SafeguardingLinks.Item(id));
            case DecisionOutcome.Conflict:
                return await ItemAgainAsync(id, input, conflict: true, cancellationToken);
            default:
                return NotFound();
        }
    }

    /// <summary>The item page again, with what was typed. After a conflict the form takes the item's new state, so a second, deliberate post can go through.</summary>
    private async Task<IActionResult> ItemAgainAsync(long id, DecisionInput input, bool conflict, CancellationToken cancellationToken)
    {
        if (await review.FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (conflict)
        {
            input.Stamp = item.ConcurrencyStamp;
        }

        return View("Item", await ViewModelAsync(item, input, conflict, cancellationToken));
    }

    private async Task<ItemViewModel> ViewModelAsync(SafeguardingItem item, DecisionInput input, bool conflict, CancellationToken cancellationToken)
    {
        var response = item.ResponseId is { } responseId
            ? await db.Responses.AsNoTracking().Include(r => r.Answers).SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken)
            : null;
        var context = new ItemContext(null, null, null, null, null, null);
        if (response is not null)
        {
            var wording = await catalogue.GetVersionAsync(response.ContentVersionId, cancellationToken);
            var answer = response.Answers.Find(a => a.QuestionNumber == item.QuestionNumber);
            context = new ItemContext(
                wording.Questions.FirstOrDefault(q => q.Number == item.QuestionNumber),
                AnswerOptions.Choices.LabelOf(answer?.Choice),
                AnswerOptions.AgeGroups.LabelOf(response.AgeGroup, wording.AboutYou.AgeGroupLabels),
                AnswerOptions.AnsweringAs.LabelOf(response.AnsweringAs, wording.AboutYou.AnsweringAsLabels),
                wording.VersionNumber,
                response.SubmittedAt)
            {
                Channel = response.Channel,
                ReceivedOn = response.ReceivedOn,
                Batch = response.Batch,
            };
        }

        return new ItemViewModel(item, context, input, clock.GetUtcNow().UtcDateTime, conflict);
    }

    private string Actor => User.Identity?.Name ?? "unknown";
}
