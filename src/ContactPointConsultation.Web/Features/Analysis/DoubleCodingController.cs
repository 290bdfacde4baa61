using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>A disagreement as the page lists it: the comment's text, if analysts may still read it, and both codings by theme name.</summary>
public sealed record DisagreementRow(Disagreement Disagreement, string? Comment, IReadOnlyList<string> First, IReadOnlyList<string> Second);

/// <summary>
/// The agreement page: one sample (the newest unless another is asked for), how far its second coding has
/// got, the agreement per theme and overall, a page of the disagreements left, and every sample drawn.
/// </summary>
public sealed record AgreementViewModel(
    int Question, string QuestionText, IReadOnlyList<SampleProgress> Samples, SampleProgress? Sample, SampleComparison? Comparison,
    IReadOnlyList<(Theme Theme, ThemeAgreement Agreement)> ThemeRows, IReadOnlyList<DisagreementRow> Disagreements, int Page, int PageCount, DrawSampleInput Input, bool CanDraw)
{
    public const int PageSize = 25;

    /// <summary>A banner: a sample just drawn, or a disagreement just settled.</summary>
    public string? Done { get; init; }
}

/// <summary>The blind second coding page: one sampled comment and the themes in use, without the first coding or its notes.</summary>
public sealed record SecondCodingViewModel(int Question, string QuestionText, SampleProgress? Sample, ItemToCode? Item, TagInput Input, IReadOnlyList<Theme> Themes)
{
    public string? Saved { get; init; }

    /// <summary>Why the comment cannot be coded, when a save found it coded, withdrawn or withheld meanwhile.</summary>
    public string? Unavailable { get; init; }
}

/// <summary>
/// Two people coding the same comments: an admin draws a random sample of a question's tagged comments, a
/// second analyst codes them again without seeing the first coding, and this compares the two, per theme
/// and overall, and lists the disagreements for the two to settle.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis/questions/{question:int}")]
public sealed class DoubleCodingController(
    DoubleCoding doubleCoding,
    Tagging tagging,
    Codebook codebook,
    ContentCatalogue catalogue,
    IValidator<DrawSampleInput> drawValidator,
    IValidator<TagInput> tagValidator) : Controller
{
    [HttpGet("agreement")]
    public async Task<IActionResult> Agreement(int question, [FromQuery] int? sample, [FromQuery] int page, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        var model = await AgreementPageAsync(question, text, sample, page, new DrawSampleInput(), cancellationToken);
        return model is null ? NotFound() : View(model with { Done = TempData["Done"] as string });
    }

    /// <summary>Under /admin, with every other address only admins may use; its form is on the agreement page.</summary>
    [HttpPost("~/admin/analysis/questions/{question:int}/coding-samples")]
    [Authorize(StaffPolicies.Admin)]
    public async Task<IActionResult> Draw(int question, DrawSampleInput input, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        input ??= new DrawSampleInput();
        var validation = await drawValidator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (validation.IsValid)
        {
            var drawn = await doubleCoding.DrawAsync(question, input.Value!.Value, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
            if (drawn is not null)
            {
                TempData["Done"] = "Sample drawn. A second analyst can now code it";
                return Redirect(AnalysisLinks.Agreement(question));
            }

            ModelState.AddModelError(nameof(DrawSampleInput.Percent), "There are no tagged comments to sample yet. Tag some comments first");
        }

        return View(nameof(Agreement), await AgreementPageAsync(question, text, null, 1, input, cancellationToken));
    }

    [HttpPost("agreement/disagreements/{item:long}/settle")]
    public async Task<IActionResult> Settle(int question, long item, [FromQuery] int? sample, CancellationToken cancellationToken)
    {
        if (!await doubleCoding.SettleAsync(item, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return NotFound();
        }

        TempData["Done"] = "Disagreement marked as settled";
        return Redirect(AnalysisLinks.Agreement(question, sample));
    }

    [HttpGet("second-coding")]
    public async Task<IActionResult> SecondCoding(int question, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        var item = await doubleCoding.NextAsync(question, Actor, cancellationToken);
        return View(await SecondCodingPageAsync(question, text, item, new TagInput(), cancellationToken) with { Saved = TempData["Saved"] as string });
    }

    [HttpPost("second-coding/{item:long}")]
    public async Task<IActionResult> SecondCode(int question, long item, TagInput input, CancellationToken cancellationToken)
    {
        if (await AnalysisQuestions.TextAsync(catalogue, question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        input ??= new TagInput();
        var validation = await tagValidator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (validation.IsValid)
        {
            var (outcome, theme) = await doubleCoding.SaveSecondAsync(question, item, TagInput.Ids(input.Themes), Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
            switch (outcome)
            {
                case SecondCodingOutcome.Done:
                    TempData["Saved"] = "Coding saved";
                    return Redirect(AnalysisLinks.SecondCoding(question));
                case SecondCodingOutcome.AlreadyCoded:
                    return await UnavailableAsync(question, text, input, "Another analyst has just coded this comment. Your coding was not saved", cancellationToken);
                case SecondCodingOutcome.NotBlind:
                    return await UnavailableAsync(question, text, input, "You tagged this comment the first time, so another analyst must code it again. Your coding was not saved", cancellationToken);
                case SecondCodingOutcome.Unavailable:
                    return await UnavailableAsync(question, text, input, "This comment has just been withdrawn or withheld for safeguarding review. Your coding was not saved", cancellationToken);
                default:
                    ModelState.AddModelError(nameof(TagInput.Themes), theme is null ? "Select themes from the list" : $"The theme “{theme}” has just been retired. Choose another theme");
                    break;
            }
        }

        // Shown again as ticked, over the same comment if it is still the analyst's to code.
        var again = await doubleCoding.NextAsync(question, Actor, cancellationToken);
        return again?.ItemId == item
            ? View(nameof(SecondCoding), await SecondCodingPageAsync(question, text, again, input, cancellationToken))
            : await UnavailableAsync(question, text, input, "This comment cannot be coded any more. Your coding was not saved", cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<ViewResult> UnavailableAsync(int question, string text, TagInput input, string problem, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(TagInput.CommentKey, problem);
        return View(nameof(SecondCoding), await SecondCodingPageAsync(question, text, null, input, cancellationToken) with { Unavailable = problem });
    }

    private async Task<SecondCodingViewModel> SecondCodingPageAsync(int question, string text, ItemToCode? item, TagInput input, CancellationToken cancellationToken)
    {
        var themes = (await codebook.ThemesAsync(question, cancellationToken)).Where(t => !t.IsRetired).ToList();
        var sample = (await doubleCoding.SamplesAsync(question, cancellationToken)).FirstOrDefault();
        ViewData["FieldOrder"] = TagInput.FieldOrder;
        return new(question, text, sample, item, input, themes);
    }

    private async Task<AgreementViewModel?> AgreementPageAsync(int question, string text, int? sampleId, int page, DrawSampleInput input, CancellationToken cancellationToken)
    {
        var samples = await doubleCoding.SamplesAsync(question, cancellationToken);
        var sample = sampleId is { } id ? samples.Find(s => s.Sample.Id == id) : samples.FirstOrDefault();
        if (sampleId is not null && sample is null)
        {
            return null;
        }

        var codebookOrder = await codebook.ThemesAsync(question, cancellationToken);
        var themes = codebookOrder.ToDictionary(t => t.Id);
        var comparison = sample is null ? null : await doubleCoding.CompareAsync(sample.Sample.Id, cancellationToken);

        // In codebook order, as every other analysis page lists themes.
        var agreed = comparison?.Agreement.Themes.ToDictionary(t => t.ThemeId) ?? [];
        List<(Theme, ThemeAgreement)> themeRows = [.. codebookOrder.Where(t => agreed.ContainsKey(t.Id)).Select(t => (t, agreed[t.Id]))];
        var unsettled = comparison?.Unsettled ?? [];
        var pageCount = Math.Max(1, (unsettled.Count + AgreementViewModel.PageSize - 1) / AgreementViewModel.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = unsettled.Skip((page - 1) * AgreementViewModel.PageSize).Take(AgreementViewModel.PageSize).ToList();
        var texts = await tagging.TextsAsync(question, [.. shown.Select(d => d.Reference)], cancellationToken);
        List<DisagreementRow> rows = [.. shown.Select(disagreement => new DisagreementRow(
            disagreement,
            texts.GetValueOrDefault(disagreement.Reference),
            [.. disagreement.First.Select(t => themes[t].Name)],
            [.. disagreement.Second.Select(t => themes[t].Name)]))];

        ViewData["FieldOrder"] = (string[])[nameof(DrawSampleInput.Percent)];
        return new(question, text, samples, sample, comparison, themeRows, rows, page, pageCount, input, User.IsInRole(StaffRoles.Admin));
    }
}
