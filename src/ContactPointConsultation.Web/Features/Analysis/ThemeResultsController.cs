using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>One theme's line of the results: counts are null where they are too small to show in a filtered view.</summary>
public sealed record ThemeResultRow(Theme Theme, int? Comments, int? Percent, int? Yes, int? No, int? NotSure, IReadOnlyList<ThemedComment> Examples);

public sealed record ThemeResultsViewModel(
    int Question, string QuestionText, bool HasChoice, ResultsFilterViewModel Filters, bool Filtered, int SuppressBelow,
    TaggingProgress Progress, IReadOnlyList<ThemeResultRow> Rows)
{
    /// <summary>The theme chosen in the filters: the table counts, of the comments tagged with it, the themes they have.</summary>
    public Theme? Theme { get; init; }

    /// <summary>Whether the responses are filtered (dates, age group, answering as, version), apart from any theme.</summary>
    public bool ResponsesFiltered { get; init; }

    public string FilterQuery => Filters.Filter.QueryString();
}

public sealed record ThemeCommentsViewModel(
    Theme Theme, string QuestionText, ResultsFilterViewModel Filters, IReadOnlyList<ThemedComment> Comments, int? Total, int SuppressBelow, int Page, int PageCount)
{
    /// <summary>The theme chosen in the filters: only the comments that have it as well.</summary>
    public Theme? AlsoTagged { get; init; }

    public const int PageSize = 25;

    public string FilterQuery => Filters.Filter.QueryString();
}

/// <summary>
/// What the tags say: for each question, each theme's count and share of the comments, split by answer,
/// with a few example comments and a link to all of them. The results filters apply, and in a filtered
/// view small counts are hidden, as on the dashboard, with the examples of a theme whose count is hidden.
/// With a theme chosen in the filters, the table is of the comments tagged with it: which themes go with it.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis")]
public sealed class ThemeResultsController(
    Tagging tagging,
    Codebook codebook,
    ContentCatalogue catalogue,
    ConsultationDbContext db,
    SmallNumberSuppression suppression,
    IValidator<ResultsFilterInput> filterValidator) : Controller
{
    /// <summary>The example comments shown under each theme.</summary>
    public const int ExamplesShown = 3;

    [HttpGet("questions/{question:int}/results")]
    public async Task<IActionResult> Results(int question, [FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        var themes = await codebook.ThemesAsync(question, cancellationToken);
        var chosen = AnalysisQuestions.ChosenTheme(filter, themes, ModelState);

        // A theme's comments are a smaller group, so its small counts are hidden as in any filtered view.
        var filtered = responseFilter.IsFiltered || chosen is not null;
        var progress = (await tagging.ProgressAsync(responseFilter, question, chosen?.Id, cancellationToken)).Single();
        var counts = await tagging.ThemeCountsAsync(question, responseFilter, chosen?.Id, cancellationToken);
        var rows = new List<ThemeResultRow>();
        foreach (var theme in themes)
        {
            var mine = counts.Where(c => c.ThemeId == theme.Id).ToList();
            int CountOf(Choice? choice) => mine.Where(c => c.Choice == choice).Sum(c => c.Count);
            var total = mine.Sum(c => c.Count);
            if (theme.IsRetired && total == 0)
            {
                continue;
            }

            // Yes, No, Not sure and no answer add up to the theme's count, so they are hidden as a set.
            IReadOnlyList<int?> split = [CountOf(Choice.Yes), CountOf(Choice.No), CountOf(Choice.NotSure), CountOf(null)];
            var shownTotal = filtered ? suppression.Apply(total) : total;
            if (filtered)
            {
                split = suppression.Apply([.. split.Select(c => c!.Value)]);
            }

            // The count is known already: only the examples are read.
            var examples = shownTotal is > 0 ? await tagging.TaggedWithAsync(theme, responseFilter, 0, ExamplesShown, chosen?.Id, cancellationToken) : [];
            rows.Add(new ThemeResultRow(theme, shownTotal, Percent(shownTotal, progress.Comments), split[0], split[1], split[2], examples));
        }

        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        var content = await catalogue.GetLiveAsync(cancellationToken);
        return View("Results", new ThemeResultsViewModel(
            question, text, content.Find(question)?.HasChoice ?? true,
            await FiltersAsync(filter, AnalysisLinks.Results(question), filtered, cancellationToken) with { Themes = themes },
            filtered, suppression.Threshold, progress,
            [.. rows.OrderByDescending(r => r.Comments ?? 0).ThenBy(r => r.Theme.Kind).ThenBy(r => r.Theme.Name, StringComparer.InvariantCultureIgnoreCase)])
        {
            Theme = chosen,
            ResponsesFiltered = responseFilter.IsFiltered,
        });
    }

    [HttpGet("themes/{id:int}/comments")]
    public async Task<IActionResult> Comments(int id, [FromQuery] ResultsFilterInput filter, [FromQuery] int page, CancellationToken cancellationToken)
    {
        if (await codebook.FindAsync(id, cancellationToken) is not { } theme || await AnalysisQuestions.TextAsync(catalogue, theme.QuestionNumber, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        var themes = await codebook.ThemesAsync(theme.QuestionNumber, cancellationToken);
        var also = AnalysisQuestions.ChosenTheme(filter, themes, ModelState);
        page = Math.Max(page, 1);
        var comments = await tagging.TaggedWithAsync(theme, responseFilter, (page - 1) * ThemeCommentsViewModel.PageSize, ThemeCommentsViewModel.PageSize, also?.Id, cancellationToken);
        var total = await tagging.CountTaggedWithAsync(theme, responseFilter, also?.Id, cancellationToken);

        // A filtered group too small to count is too small to read through, for the same reason.
        var filtered = responseFilter.IsFiltered || also is not null;
        var shown = filtered ? suppression.Apply(total) : total;
        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("ThemeComments", new ThemeCommentsViewModel(
            theme, text, await FiltersAsync(filter, AnalysisLinks.ThemeComments(id), filtered, cancellationToken) with { Themes = themes },
            shown is null ? [] : comments, shown, suppression.Threshold, page, Math.Max(1, (int)Math.Ceiling(total / (double)ThemeCommentsViewModel.PageSize)))
        {
            AlsoTagged = also,
        });
    }

    private async Task<ResultsFilterViewModel> FiltersAsync(ResultsFilterInput filter, string action, bool open, CancellationToken cancellationToken) =>
        new(filter, action, await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken), open);

    private static int? Percent(int? count, int of) => count is null || of == 0 ? null : (int)Math.Round(100.0 * count.Value / of);
}
