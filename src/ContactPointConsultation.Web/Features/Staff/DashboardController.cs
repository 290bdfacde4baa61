using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Features.Safeguarding;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Staff;

public sealed record DashboardViewModel(
    ResultsFilterInput Filter, bool Filtered, int SuppressBelow, int? Responses,
    IReadOnlyList<(DateOnly Day, int? Count)> PerDay, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<int> Versions,
    QueueSummary? Safeguarding, DateTime Now)
{
    /// <summary>How many arrived each way: online, or entered from paper, an email, a letter or an event.</summary>
    public IReadOnlyList<(string Channel, int? Count)> ByChannel { get; init; } = [];

    /// <summary>Once the consultation has closed: the 12 weeks to publish "You said, we did", and when it was.</summary>
    public OutcomeClock? OutcomeClock { get; init; }
    public DateTime? OutcomePublishedAt { get; init; }
}

/// <summary>
/// The results at a glance. Counts come from the database; small ones are hidden in filtered views.
/// This is where staff land after signing in: a safeguarding lead who is not also an analyst or admin
/// goes on to the safeguarding queue, and one who is sees how many comments are waiting.
/// </summary>
[Authorize(StaffPolicies.StaffOrSafeguarding)]
[Route("staff")]
public sealed class DashboardController(
    ConsultationDbContext db,
    ContentCatalogue catalogue,
    ResultsQuery results,
    IValidator<ResultsFilterInput> validator,
    SmallNumberSuppression suppression,
    SafeguardingReview safeguarding,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        if (!StaffRoles.CanReadResponses(User.IsInRole))
        {
            return Redirect(SafeguardingLinks.Queue);
        }

        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, validator, ModelState, cancellationToken, withChannel: true);

        var content = await catalogue.GetLiveAsync(cancellationToken);
        var numbers = await results.GetAsync(responseFilter, content.Questions.Where(q => q.HasChoice).Select(q => q.Number), cancellationToken);
        var total = responseFilter.IsFiltered ? suppression.Apply(numbers.Responses) : numbers.Responses;
        IReadOnlyList<int?> Suppressed(IReadOnlyList<int> counts) => responseFilter.IsFiltered ? suppression.Apply(counts) : counts.Select(c => (int?)c).ToList();
        int? Percent(int? count) => count is null || numbers.Responses == 0 ? null : (int)Math.Round(100.0 * count.Value / numbers.Responses);

        string[] labels = ["Yes", "No", "Not sure", "Not answered"];
        var questions = content.Questions.Where(q => q.HasChoice).Select(q =>
        {
            var c = numbers.Questions.Single(n => n.QuestionNumber == q.Number);
            var shown = Suppressed([c.Yes, c.No, c.NotSure, c.NotAnswered]);
            return new QuestionResult(q.Number, q.SectionTitle, q.Question,
                labels.Select((label, i) => new ResultBar(label, shown[i], Percent(shown[i]))).ToList());
        }).ToList();
        var perDay = Suppressed(numbers.PerDay.Select(d => d.Responses).ToList());
        var versions = await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken);
        var byChannel = await results.ByChannelAsync(responseFilter, numbers.Responses, cancellationToken);
        var byChannelShown = Suppressed([.. byChannel.Select(c => c.Count)]);

        // Only once closed does the outcome's clock run, so an open consultation's dashboard asks nothing more.
        var outcomeClock = OutcomeClock.At(content.ClosesAt, clock.GetUtcNow());
        // The clock stopped when the outcome was first published; a later version corrects it, it is not late.
        var outcomePublishedAt = outcomeClock is null ? null : await db.OutcomeVersions
            .Where(v => v.State != OutcomeState.Draft).MinAsync(v => v.PublishedAt, cancellationToken);

        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("Dashboard", new DashboardViewModel(filter, responseFilter.IsFiltered, suppression.Threshold, total,
            numbers.PerDay.Select((d, i) => (d.Day, perDay[i])).ToList(), questions, versions,
            User.IsInRole(StaffRoles.Safeguarding) ? await safeguarding.SummaryAsync(cancellationToken) : null,
            clock.GetUtcNow().UtcDateTime)
        {
            ByChannel = [.. byChannel.Select((c, i) => (AnswerOptions.Channels.LabelOf(c.Channel)!, byChannelShown[i]))],
            OutcomeClock = outcomeClock,
            OutcomePublishedAt = outcomePublishedAt,
        });
    }
}
