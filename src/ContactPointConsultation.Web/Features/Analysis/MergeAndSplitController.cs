using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Analysis;

public sealed record MergeViewModel(Theme Theme, IReadOnlyList<Theme> Targets, int Comments, MergeInput Input, bool Conflict);

public sealed record SplitViewModel(Theme Theme, IReadOnlyList<ThemedComment> Comments, int Total, SplitInput Input, bool Conflict)
{
    /// <summary>The comments listed to choose from; a bigger theme is split in more than one go.</summary>
    public const int CommentsShown = 500;
}

/// <summary>
/// Merging a theme into another (its tags move, and it is retired) and splitting one (a new theme, and the
/// comments an analyst chooses move to it). Both are audited; of two analysts changing one theme at once,
/// one wins and the other is told, with what they chose still on the page.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis/themes/{id:int}")]
public sealed class MergeAndSplitController(Codebook codebook, Tagging tagging, IValidator<MergeInput> mergeValidator, IValidator<SplitInput> splitValidator) : Controller
{
    [HttpGet("merge")]
    public async Task<IActionResult> Merge(int id, CancellationToken cancellationToken) =>
        await codebook.FindAsync(id, cancellationToken) is { IsFixed: false, IsRetired: false } theme
            ? View("Merge", await MergePageAsync(theme, new MergeInput { Stamp = theme.ConcurrencyStamp }, conflict: false, cancellationToken))
            : NotFound();

    [HttpPost("merge")]
    public async Task<IActionResult> ConfirmMerge(int id, MergeInput input, CancellationToken cancellationToken)
    {
        if (await codebook.FindAsync(id, cancellationToken) is not { IsFixed: false } theme)
        {
            return NotFound();
        }

        input ??= new MergeInput();
        var validation = await mergeValidator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (validation.IsValid)
        {
            var (outcome, moved) = await codebook.MergeAsync(id, input.Stamp, input.IntoId!.Value, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
            switch (outcome)
            {
                case CodebookOutcome.Done:
                    var into = await codebook.FindAsync(input.IntoId.Value, cancellationToken);
                    return Changed(theme.QuestionNumber, $"Theme “{theme.Name}” merged into “{into?.Name}”: {Display.Number(moved)} {(moved == 1 ? "tag" : "tags")} moved");
                case CodebookOutcome.SameTheme:
                    ModelState.AddModelError(nameof(MergeInput.Into), "A theme cannot be merged into itself. Select another theme");
                    break;
                case CodebookOutcome.TargetNotInUse:
                    ModelState.AddModelError(nameof(MergeInput.Into), "That theme is not in use any more. Select another theme");
                    break;
                case CodebookOutcome.Conflict when await codebook.FindAsync(id, cancellationToken) is { } now:
                    if (now.IsRetired)
                    {
                        return Changed(theme.QuestionNumber, $"Someone else merged or retired “{now.Name}” a moment ago. Your merge was not made");
                    }

                    input.Stamp = now.ConcurrencyStamp;
                    return View("Merge", await MergePageAsync(now, input, conflict: true, cancellationToken));
                default:
                    return NotFound();
            }
        }

        return theme.IsRetired ? NotFound() : View("Merge", await MergePageAsync(theme, input, conflict: false, cancellationToken));
    }

    [HttpGet("split")]
    public async Task<IActionResult> Split(int id, CancellationToken cancellationToken) =>
        await codebook.FindAsync(id, cancellationToken) is { IsRetired: false } theme
            ? View("Split", await SplitPageAsync(theme, new SplitInput { Stamp = theme.ConcurrencyStamp }, conflict: false, cancellationToken))
            : NotFound();

    [HttpPost("split")]
    public async Task<IActionResult> ConfirmSplit(int id, SplitInput input, CancellationToken cancellationToken)
    {
        if (await codebook.FindAsync(id, cancellationToken) is not { IsRetired: false } theme)
        {
            return NotFound();
        }

        input ??= new SplitInput();
        var validation = await splitValidator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (validation.IsValid)
        {
            var (outcome, _, moved) = await codebook.SplitAsync(id, input.Stamp, input.ToText(), input.Comments, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
            switch (outcome)
            {
                case CodebookOutcome.Done:
                    return Changed(theme.QuestionNumber, $"Theme “{Theme.Tidy(input.Name!)}” added, with {Display.Number(moved)} {(moved == 1 ? "comment" : "comments")} moved from “{theme.Name}”");
                case CodebookOutcome.DuplicateName:
                    ModelState.AddModelError(nameof(SplitInput.Name), $"Q{theme.QuestionNumber} already has a theme called “{Theme.Tidy(input.Name!)}”. Choose another name, or merge into that theme instead");
                    break;
                case CodebookOutcome.NothingToMove:
                    ModelState.AddModelError(nameof(SplitInput.Comments), "The comments you selected no longer have this theme. Select others");
                    break;
                case CodebookOutcome.Conflict when await codebook.FindAsync(id, cancellationToken) is { IsRetired: false } now:
                    input.Stamp = now.ConcurrencyStamp;
                    return View("Split", await SplitPageAsync(now, input, conflict: true, cancellationToken));
                case CodebookOutcome.Conflict:
                    return Changed(theme.QuestionNumber, $"Someone else merged or retired “{theme.Name}” a moment ago. Your split was not made");
                default:
                    return NotFound();
            }
        }

        return View("Split", await SplitPageAsync(theme, input, conflict: false, cancellationToken));
    }

    private async Task<MergeViewModel> MergePageAsync(Theme theme, MergeInput input, bool conflict, CancellationToken cancellationToken)
    {
        var targets = (await codebook.ThemesAsync(theme.QuestionNumber, cancellationToken)).Where(t => !t.IsRetired && t.Id != theme.Id).ToList();
        var comments = await tagging.CountTaggedWithAsync(theme, ResponseFilter.None, cancellationToken: cancellationToken);
        return new MergeViewModel(theme, targets, comments, input, conflict);
    }

    private async Task<SplitViewModel> SplitPageAsync(Theme theme, SplitInput input, bool conflict, CancellationToken cancellationToken)
    {
        var comments = await tagging.TaggedWithAsync(theme, ResponseFilter.None, 0, SplitViewModel.CommentsShown, cancellationToken: cancellationToken);
        var total = await tagging.CountTaggedWithAsync(theme, ResponseFilter.None, cancellationToken: cancellationToken);
        ViewData["FieldOrder"] = SplitInput.FieldOrder;
        return new SplitViewModel(theme, comments, total, input, conflict);
    }

    private RedirectResult Changed(int question, string message)
    {
        TempData["Changed"] = message;
        return Redirect(AnalysisLinks.Codebook(question));
    }

    private string Actor => User.Identity?.Name ?? "unknown";
}
