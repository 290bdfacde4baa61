using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Staff;

public sealed record QuestionTotals(int Number, string SectionTitle, int Yes, int No, int NotSure, int NotAnswered);

public sealed record DashboardViewModel(int Responses, IReadOnlyList<QuestionTotals> Questions);

/// <summary>The results at a glance. Counts are computed by the database, never by loading responses.</summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff")]
public sealed class DashboardController(ConsultationDbContext db, ContentCatalogue catalogue) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var responses = await db.Responses.CountAsync(cancellationToken);
        var counts = await db.ResponseAnswers
            .Where(a => a.Choice != null)
            .GroupBy(a => new { a.QuestionNumber, a.Choice })
            .Select(g => new { g.Key.QuestionNumber, g.Key.Choice, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var content = await catalogue.GetLiveAsync(cancellationToken);

        int Count(int number, Choice choice) => counts.Find(c => c.QuestionNumber == number && c.Choice == choice)?.Count ?? 0;
        var questions = content.Questions.Where(q => q.HasChoice).Select(q =>
        {
            int yes = Count(q.Number, Choice.Yes), no = Count(q.Number, Choice.No), notSure = Count(q.Number, Choice.NotSure);
            return new QuestionTotals(q.Number, q.SectionTitle, yes, no, notSure, responses - yes - no - notSure);
        }).ToList();

        ViewData["Title"] = "Results";
        return View("Dashboard", new DashboardViewModel(responses, questions));
    }
}
