using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Analysis;

public sealed record SuggestionsViewModel(int Question, string QuestionText, SuggestionProgress Progress, SuggestionScore Score, IReadOnlyList<PossibleTheme> PossibleThemes);

/// <summary>
/// A question's theme suggestions: how far the job has got, how the suggestions compare with what analysts
/// confirmed (precision, recall and F1), and the possible new themes among the comments that fit none.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis/questions/{question:int}/suggestions")]
public sealed class SuggestionsController(ThemeSuggestions suggestions, ContentCatalogue catalogue) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Suggestions(int question, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        return View(new SuggestionsViewModel(
            question, text,
            await suggestions.ProgressAsync(question, cancellationToken),
            await suggestions.ScoreAsync(question, cancellationToken),
            await suggestions.PossibleThemesAsync(question, cancellationToken)));
    }
}
