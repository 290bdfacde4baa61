using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Web.Features.Staff;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactPointConsultation.Web.Features.Analysis;

public static class AnalysisQuestions
{
    /// <summary>The question's live wording, for a page's caption; null when it is not a question with a codebook, so the page is not found.</summary>
    public static async Task<string?> TextAsync(ContentCatalogue catalogue, int question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Codebook.Questions.Contains(question) ? (await catalogue.GetLiveAsync(cancellationToken)).Find(question)?.Question : null;
    }

    /// <summary>
    /// The theme chosen in the filters, when it is one of the question's themes; any other is an error under the
    /// field, as a wrong wording version is, and means no theme.
    /// </summary>
    public static Theme? ChosenTheme(ResultsFilterInput filter, IEnumerable<Theme> themes, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(filter.Theme))
        {
            return null;
        }

        var chosen = themes.FirstOrDefault(t => t.Id == filter.ThemeId);
        // Not twice: the filters' validator has already said so of a theme that is not a number.
        if (chosen is null && modelState[nameof(ResultsFilterInput.Theme)] is not { Errors.Count: > 0 })
        {
            modelState.AddModelError(nameof(ResultsFilterInput.Theme), "Select a theme from the list");
        }

        return chosen;
    }
}
