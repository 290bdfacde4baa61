using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>
/// The tagging page: one comment, the question's themes in use to tick, and a note. <see cref="Comment"/> is
/// null when there is nothing to show: the queue is empty, or the comment was withdrawn or withheld as it was saved.
/// </summary>
public sealed record TagViewModel(
    int Question, string QuestionText, CommentToTag? Comment, TagInput Input, IReadOnlyList<Theme> Themes,
    ResultsFilterViewModel Filters, bool Filtered, TaggingProgress Progress)
{
    /// <summary>Showing the queue's next comment, rather than one comment asked for by its reference.</summary>
    public bool FromQueue { get; init; }

    /// <summary>The reference of the comment just saved, for the success banner.</summary>
    public string? Saved { get; init; }

    /// <summary>Why the comment cannot be shown any more, when a save found it withdrawn or withheld.</summary>
    public string? Unavailable { get; init; }

    /// <summary>The themes the suggestions job ranked for the comment, best first: shown as suggestions, never ticked.</summary>
    public IReadOnlyList<SuggestionRecord> Suggestions { get; init; } = [];

    /// <summary>The theme chosen in the filters: the queue goes through the comments tagged with it, rather than the untagged.</summary>
    public Theme? Theme { get; init; }

    /// <summary>The filters as a query string, carried from page to page.</summary>
    public string FilterQuery => Filters.Filter.QueryString();
}

/// <summary>
/// Tagging a question's comments with its themes: the queue of untagged comments that match the results
/// filters (or, with a theme chosen, of the comments tagged with it, to go back through), and any one
/// comment's tags. Each tag records who added it and when; every change is audited.
/// A comment withheld for safeguarding review is never offered or shown here.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis/questions/{question:int}")]
public sealed class TaggingController(
    Tagging tagging,
    ThemeSuggestions suggestions,
    Codebook codebook,
    ContentCatalogue catalogue,
    ConsultationDbContext db,
    IValidator<ResultsFilterInput> filterValidator,
    IValidator<TagInput> validator) : Controller
{
    [HttpGet("tag")]
    public async Task<IActionResult> Queue(int question, [FromQuery] ResultsFilterInput filter, [FromQuery] string? after, CancellationToken cancellationToken)
    {
        if (await QuestionTextAsync(question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        var themes = await ThemesAsync(question, filter, ModelState, cancellationToken);
        var comment = await tagging.NextAsync(question, responseFilter, after, themes.Chosen?.Id, cancellationToken);
        var page = await PageAsync(question, text, comment, null, filter, responseFilter, themes, cancellationToken);
        return View("Tag", page with { FromQueue = true, Saved = TempData["Saved"] as string });
    }

    [HttpGet("comments/{reference}")]
    public async Task<IActionResult> Comment(int question, string reference, [FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        if (await QuestionTextAsync(question, cancellationToken) is not { } text || await tagging.FindAsync(question, reference, cancellationToken) is not { } comment)
        {
            return NotFound();
        }

        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        var themes = await ThemesAsync(question, filter, ModelState, cancellationToken);
        return View("Tag", await PageAsync(question, text, comment, null, filter, responseFilter, themes, cancellationToken));
    }

    [HttpPost("comments/{reference}")]
    public async Task<IActionResult> Save(int question, string reference, [FromQuery] ResultsFilterInput filter, TagInput input, CancellationToken cancellationToken)
    {
        if (await QuestionTextAsync(question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        // The filters only say where to go next: checked when the queue shows, not here.
        filter ??= new ResultsFilterInput();
        input ??= new TagInput();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (validation.IsValid)
        {
            var (outcome, theme) = await tagging.SaveAsync(input.ToChange(question, reference), User.Identity?.Name ?? "unknown", HttpContext.Connection.RemoteIpAddress, cancellationToken);
            switch (outcome)
            {
                case TaggingOutcome.Done:
                    TempData["Saved"] = ReferenceCode.Normalise(reference);

                    // Going through one theme's comments, the one just saved may still have it: move on past it.
                    return Redirect(string.IsNullOrEmpty(filter.Theme)
                        ? AnalysisLinks.Queue(question, filter.QueryString())
                        : AnalysisLinks.Queue(question, filter.QueryString(), ReferenceCode.Normalise(reference)));
                case TaggingOutcome.Gone:
                    return await UnavailableAsync(question, text, input, filter, "This response has just been withdrawn, so its comment cannot be tagged. Your tags were not saved", cancellationToken);
                case TaggingOutcome.Withheld:
                    return await UnavailableAsync(question, text, input, filter, "This comment has just been withheld for safeguarding review, so it cannot be tagged. Your tags were not saved", cancellationToken);
                default:
                    ModelState.AddModelError(nameof(TagInput.Themes), theme is null
                        ? "Select themes from the list"
                        : $"The theme “{theme}” has just been retired. Choose another theme");
                    break;
            }
        }

        // Shown again as typed, over the comment as it is now, which may have gone meanwhile.
        if (await tagging.FindAsync(question, reference, cancellationToken) is not { } comment)
        {
            return await UnavailableAsync(question, text, input, filter, "This comment cannot be tagged any more: it has been withdrawn or withheld. Your tags were not saved", cancellationToken);
        }

        var valid = (await filterValidator.ValidateAsync(filter, cancellationToken)).IsValid;
        var themes = await ThemesAsync(question, filter, new ModelStateDictionary(), cancellationToken);
        return View("Tag", await PageAsync(question, text, comment, input, filter, valid ? filter.ToFilter() : ResponseFilter.None, themes, cancellationToken));
    }

    private async Task<ViewResult> UnavailableAsync(int question, string text, TagInput input, ResultsFilterInput filter, string problem, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(TagInput.CommentKey, problem);
        var themes = await ThemesAsync(question, filter, new ModelStateDictionary(), cancellationToken);
        return View("Tag", await PageAsync(question, text, null, input, filter, ResponseFilter.None, themes, cancellationToken) with { Unavailable = problem });
    }

    /// <summary>The question's themes, and the one chosen in the filters; a wrong one is an error only where <paramref name="errors"/> is the page's.</summary>
    private async Task<(List<Theme> All, Theme? Chosen)> ThemesAsync(int question, ResultsFilterInput filter, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        var all = await codebook.ThemesAsync(question, cancellationToken);
        return (all, AnalysisQuestions.ChosenTheme(filter, all, errors));
    }

    private async Task<TagViewModel> PageAsync(
        int question, string text, CommentToTag? comment, TagInput? input, ResultsFilterInput filter, ResponseFilter responseFilter,
        (List<Theme> All, Theme? Chosen) allThemes, CancellationToken cancellationToken)
    {
        var (all, chosen) = allThemes;
        var themes = all.Where(t => !t.IsRetired).ToList();
        var progress = (await tagging.ProgressAsync(responseFilter, question, chosen?.Id, cancellationToken)).Single();
        var versions = await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken);
        ViewData["FieldOrder"] = (string[])[.. ResultsFilterInput.FieldOrder, .. TagInput.FieldOrder];
        return new TagViewModel(
            question, text, comment,
            input ?? (comment is null ? new TagInput() : TagInput.Of(comment, themes.Select(t => t.Id))),
            themes,
            new ResultsFilterViewModel(filter, AnalysisLinks.Queue(question), versions, responseFilter.IsFiltered || chosen is not null) { Themes = all },
            responseFilter.IsFiltered,
            progress)
        {
            Theme = chosen,
            Suggestions = comment is null ? [] : await suggestions.ForCommentAsync(comment.Reference, question, cancellationToken),
        };
    }

    private Task<string?> QuestionTextAsync(int question, CancellationToken cancellationToken) =>
        AnalysisQuestions.TextAsync(catalogue, question, cancellationToken);
}
