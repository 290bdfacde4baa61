using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Outcome;

/// <summary>
/// Admins write "You said, we did": part by part in a draft, each text with an easy-read version and its reading
/// age; preview it as the public page will show it; publish it as a new version; read any version published.
/// </summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin/outcome")]
public sealed class OutcomeEditController(
    OutcomeEditor editor,
    ContentCatalogue catalogue,
    ResultsQuery results,
    Tagging tagging,
    SmallNumberSuppression suppression,
    GovUkMarkdown markdown,
    TimeProvider clock) : Controller
{
    public const string StaleMessage = "Someone else has changed or published the outcome since you opened this page. Check it again before you publish";

    private const string BannerKey = "OutcomeBanner";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var editable = await editor.EditableAsync(cancellationToken);
        var parts = OutcomeParts.All.Select(part =>
        {
            var values = part.Read(editable);
            return new OutcomePartSummary(part, SummaryOf(part, editable),
                [.. part.Fields.Select(f => (f, ReadabilityOf(f, values[f.Key])))], part.Missing(values).Count());
        }).ToList();
        var live = await catalogue.GetLiveAsync(cancellationToken);
        return View("Index", new OutcomeIndexViewModel(
            editable, await editor.InStateAsync(OutcomeState.Published, cancellationToken), parts,
            await editor.PublishedVersionsAsync(cancellationToken), OutcomeClock.At(live.ClosesAt, clock.GetUtcNow()), TempData[BannerKey] as string));
    }

    [HttpGet("edit/{partId}")]
    public async Task<IActionResult> Edit(string partId, CancellationToken cancellationToken)
    {
        if (OutcomeParts.Find(partId) is not { } part)
        {
            return NotFound();
        }

        var saved = part.Read(await editor.EditableAsync(cancellationToken));
        var input = OutcomePartInput.From(part, saved);
        var facts = await FactsAsync(part, cancellationToken);

        // "What you said" starts from the question's top confirmed themes, for the admin to rewrite; nothing is saved
        // until they select Save, and the page says the box was filled in for them.
        var fromThemes = facts is { TopThemes.Count: > 0 } && saved[OutcomeParts.WhatYouSaid].Length == 0;
        if (fromThemes)
        {
            input.Values[OutcomeParts.WhatYouSaid] = "The main things people told us about were:\n\n"
                + string.Join('\n', facts!.TopThemes.Select(t => $"* {t.Theme}"));
        }

        return await EditViewAsync(part, input, saved, facts, conflict: null, cancellationToken, startedFromThemes: fromThemes);
    }

    [HttpPost("edit/{partId}")]
    public async Task<IActionResult> Edit(string partId, OutcomePartInput input, CancellationToken cancellationToken)
    {
        if (OutcomeParts.Find(partId) is not { } part)
        {
            return NotFound();
        }

        if (input is null)
        {
            return BadRequest();
        }

        var validation = await new OutcomePartInputValidator(part).ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            var saved = part.Read(await editor.EditableAsync(cancellationToken));
            return await EditViewAsync(part, input, saved, await FactsAsync(part, cancellationToken), conflict: null, cancellationToken);
        }

        switch (await editor.SaveAsync(part, input.ToValues(part), input.StartedFrom ?? "", Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            case EditResult.Conflict conflict:
                // Their text stays in the boxes; saving again now knowingly replaces what the other admin saved.
                input.StartedFrom = conflict.Fingerprint;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await EditViewAsync(part, input, conflict.Current, await FactsAsync(part, cancellationToken), conflict, cancellationToken);
            case EditResult.Saved saved:
                TempData[BannerKey] = $"{Display.Sentence(part.Title)} saved in draft version {saved.VersionNumber}";
                break;
            default:
                TempData[BannerKey] = $"{Display.Sentence(part.Title)}: nothing had changed";
                break;
        }

        return Redirect(OutcomeLinks.Edit);
    }

    /// <summary>The draft as the public page will show it, with the counts as they stand today.</summary>
    [HttpGet("preview")]
    public async Task<IActionResult> Preview(CancellationToken cancellationToken)
    {
        if (await editor.InStateAsync(OutcomeState.Draft, cancellationToken) is not { } draft)
        {
            TempData[BannerKey] = "There is no draft to preview";
            return Redirect(OutcomeLinks.Edit);
        }

        return View("Outcome", OutcomeViewModel.Of(await editor.WithResultsAsync(draft, cancellationToken), OutcomeShown.Preview, suppression, markdown) with { IsForAdmins = true });
    }

    [HttpGet("versions/{number:int}")]
    public async Task<IActionResult> Version(int number, CancellationToken cancellationToken)
    {
        if (await editor.VersionAsync(number, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        var shown = version.State == OutcomeState.Published ? OutcomeShown.Published : OutcomeShown.Earlier;
        return View("Outcome", OutcomeViewModel.Of(version, shown, suppression, markdown) with { IsForAdmins = true });
    }

    [HttpGet("publish")]
    public async Task<IActionResult> Publish(CancellationToken cancellationToken) => await ConfirmAsync(problem: null, cancellationToken);

    [HttpPost("publish")]
    public async Task<IActionResult> Publish(Guid draftStamp, CancellationToken cancellationToken)
    {
        switch (await editor.PublishAsync(draftStamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            case PublishResult.Published published:
                TempData[BannerKey] = $"Version {published.VersionNumber} of the outcome is published";
                return Redirect(OutcomeLinks.Edit);
            case PublishResult.Incomplete or PublishResult.StillOpen:
                return await ConfirmAsync(problem: null, cancellationToken);
            default:
                return await ConfirmAsync(StaleMessage, cancellationToken);
        }
    }

    private async Task<IActionResult> ConfirmAsync(string? problem, CancellationToken cancellationToken)
    {
        if (await editor.InStateAsync(OutcomeState.Draft, cancellationToken) is not { } draft)
        {
            TempData[BannerKey] = "There is no draft to publish";
            return Redirect(OutcomeLinks.Edit);
        }

        // Each text still to write is an error, linked to its row in the list of them on the page.
        var missing = OutcomeEditor.Missing(draft);
        foreach (var (part, field) in missing)
        {
            ModelState.AddModelError(OutcomePublishViewModel.KeyOf(part, field), OutcomePublishViewModel.MissingMessage(part, field));
        }

        ViewData["FieldOrder"] = missing.Select(m => OutcomePublishViewModel.KeyOf(m.Part, m.Field)).ToArray();
        return View("Publish", new OutcomePublishViewModel(draft, missing, problem) { OpenUntil = await editor.OpenUntilAsync(cancellationToken) });
    }

    private async Task<ViewResult> EditViewAsync(
        OutcomePart part, OutcomePartInput input, IReadOnlyDictionary<string, string> saved, QuestionFacts? facts, EditResult.Conflict? conflict,
        CancellationToken cancellationToken, bool startedFromThemes = false)
    {
        var editable = await editor.EditableAsync(cancellationToken);
        var fields = part.Fields.Select(f =>
        {
            var typed = input.Text(f.Key);
            var theirs = conflict is not null && saved[f.Key] != typed ? saved[f.Key] : null;
            return new OutcomeFieldView(f, ModelStateExtensions.FieldId(f.Key), input.Values.GetValueOrDefault(f.Key), ReadabilityOf(f, typed), theirs);
        }).ToList();
        return View("Edit", new OutcomeEditViewModel(part, input, fields, editable.Number, editable.State == OutcomeState.Draft && editable.Id != 0, facts, conflict)
        {
            StartedFromThemes = startedFromThemes,
        });
    }

    /// <summary>For a question: its live wording, today's counts (shown whatever their size: admins see the results) and top themes.</summary>
    private async Task<QuestionFacts?> FactsAsync(OutcomePart part, CancellationToken cancellationToken)
    {
        if (part.QuestionNumber is not { } number)
        {
            return null;
        }

        var asked = (await catalogue.GetLiveAsync(cancellationToken)).Find(number)!;
        IReadOnlyList<OutcomeCount> counts = [];
        if (asked.HasChoice)
        {
            var c = (await results.GetAsync(ResponseFilter.None, [number], cancellationToken)).Questions.Single();
            int[] all = [c.Yes, c.No, c.NotSure];
            counts = OutcomeCount.ForChoices(all, [.. all.Select(n => (int?)n)]);
        }

        var themes = await tagging.TopThemesAsync(number, OutcomeLimits.TopThemes, cancellationToken);
        return new QuestionFacts(asked, counts, themes);
    }

    private static ReadabilityScore? ReadabilityOf(OutcomeField field, string text) =>
        Readability.Estimate(GovUkMarkdown.ToPlainText(text)) is { } score ? score with { Target = field.TargetReadingAge } : null;

    private static string SummaryOf(OutcomePart part, OutcomeVersion version)
    {
        var text = GovUkMarkdown.ToPlainText(part.Read(version)[part.QuestionNumber is null ? OutcomeParts.Summary : OutcomeParts.WhatWeDid]).Trim();
        return text.Length == 0 ? "Not written yet" : text.Length <= 120 ? text : text[..117].TrimEnd() + "…";
    }

    private string Actor => User.Identity?.Name ?? "unknown";
}
