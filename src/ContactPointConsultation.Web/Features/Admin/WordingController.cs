using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>
/// Admins edit the consultation's wording: edit a draft part by part, preview it through the real
/// respondent pages, make it live, compare versions and restore an earlier one.
/// </summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin/wording")]
public sealed class WordingController(ContentEditor editor, ContentPreview preview) : Controller
{
    private const string BannerKey = "WordingBanner";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var live = (await editor.InStateAsync(ContentVersionState.Live, cancellationToken))!;
        var draft = await editor.InStateAsync(ContentVersionState.Draft, cancellationToken);
        var editable = draft ?? live;
        var parts = ContentParts.All.Select(part =>
        {
            var values = part.Read(editable);
            var hardest = part.Fields
                .Select(f => ReadabilityOf(f, values[f.Key]))
                .OfType<ReadabilityScore>()
                .MaxBy(s => s.ReadingAge);
            return new PartSummary(part, SummaryOf(part, editable), hardest);
        }).ToList();

        return View("Wording", new WordingIndexViewModel(live, draft, parts, TempData[BannerKey] as string));
    }

    [HttpGet("edit/{partId}")]
    public async Task<IActionResult> Edit(string partId, CancellationToken cancellationToken)
    {
        if (ContentParts.Find(partId) is not { } part)
        {
            return NotFound();
        }

        var editable = await editor.EditableAsync(cancellationToken);
        var input = WordingInput.From(part, part.Read(editable));

        // A version from before the glossary has none: the form starts from the portal's own words, saved only on Save.
        if (part.Id == ContentParts.GlossaryId && string.IsNullOrEmpty(editable.Glossary))
        {
            input.Values["Glossary"] = ContentSeeder.SuggestedGlossary;
        }

        return EditView(part, input, editable, conflict: null);
    }

    [HttpPost("edit/{partId}")]
    public async Task<IActionResult> Edit(string partId, WordingInput input, CancellationToken cancellationToken)
    {
        if (ContentParts.Find(partId) is not { } part)
        {
            return NotFound();
        }

        if (input is null)
        {
            return BadRequest();
        }

        var editable = await editor.EditableAsync(cancellationToken);
        var validation = await new WordingInputValidator(part).ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return EditView(part, input, editable, conflict: null);
        }

        var values = input.ToValues(part, part.Read(editable));
        var result = await editor.SaveAsync(part, values, input.StartedFrom ?? "", Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (result)
        {
            case EditResult.Conflict conflict:
                // Their text stays in the form; saving again now knowingly replaces what the other admin saved.
                input.StartedFrom = conflict.Fingerprint;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return EditView(part, input, await editor.EditableAsync(cancellationToken), conflict);
            case EditResult.Saved saved:
                TempData[BannerKey] = $"{part.Title} saved in draft version {saved.VersionNumber}";
                break;
            default:
                TempData[BannerKey] = $"{part.Title}: nothing had changed";
                break;
        }

        return Redirect(AdminLinks.Wording);
    }

    [HttpPost("preview")]
    public async Task<IActionResult> Preview(CancellationToken cancellationToken)
    {
        var versions = await editor.VersionsAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.State == ContentVersionState.Draft) is not { } draft)
        {
            TempData[BannerKey] = "There is no draft to preview";
            return Redirect(AdminLinks.Wording);
        }

        preview.Start(draft.Id);
        return Redirect(RespondLinks.Start);
    }

    [HttpPost("preview/stop")]
    public IActionResult StopPreview()
    {
        preview.Stop();
        return Redirect(AdminLinks.Wording);
    }

    [HttpGet("publish")]
    public async Task<IActionResult> Publish(CancellationToken cancellationToken) =>
        await ConfirmAsync("Publish", problem: null, cancellationToken);

    [HttpPost("publish")]
    public async Task<IActionResult> Publish(Guid draftStamp, CancellationToken cancellationToken)
    {
        if (await editor.PublishAsync(draftStamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken) is not { } number)
        {
            return await ConfirmAsync("Publish", StaleDraftMessage, cancellationToken);
        }

        TempData[BannerKey] = $"Version {number} is now live. New respondents see this wording; anyone part way through keeps the wording they started with";
        return Redirect(AdminLinks.Wording);
    }

    [HttpGet("delete-draft")]
    public async Task<IActionResult> DeleteDraft(CancellationToken cancellationToken) =>
        await ConfirmAsync("DeleteDraft", problem: null, cancellationToken);

    [HttpPost("delete-draft")]
    public async Task<IActionResult> DeleteDraft(Guid draftStamp, CancellationToken cancellationToken)
    {
        if (!await editor.DeleteDraftAsync(draftStamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return await ConfirmAsync("DeleteDraft", StaleDraftMessage, cancellationToken);
        }

        TempData[BannerKey] = "Draft deleted. The live wording has not changed";
        return Redirect(AdminLinks.Wording);
    }

    [HttpGet("versions")]
    public async Task<IActionResult> Versions(int? from, int? to, CancellationToken cancellationToken)
    {
        var versions = await editor.VersionsAsync(cancellationToken);
        var live = versions.Single(v => v.State == ContentVersionState.Live).Number;
        var fromNumber = from ?? versions.Where(v => v.Number < live).Select(v => (int?)v.Number).FirstOrDefault() ?? live;
        var toNumber = to ?? versions.Max(v => v.Number);
        var before = await editor.VersionAsync(fromNumber, cancellationToken);
        var after = await editor.VersionAsync(toNumber, cancellationToken);
        if (before is null || after is null)
        {
            return NotFound();
        }

        return View("Versions", new CompareViewModel(versions, fromNumber, toNumber, Diff(before, after)));
    }

    [HttpGet("versions/{number:int}")]
    public async Task<IActionResult> Version(int number, CancellationToken cancellationToken)
    {
        if (await editor.VersionAsync(number, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        var draft = (await editor.VersionsAsync(cancellationToken)).FirstOrDefault(v => v.State == ContentVersionState.Draft);
        return View("Version", new VersionViewModel(version, draft));
    }

    [HttpPost("versions/{number:int}/restore")]
    public async Task<IActionResult> Restore(int number, Guid? draftStamp, CancellationToken cancellationToken)
    {
        if (await editor.VersionAsync(number, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await editor.RestoreAsync(number, draftStamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken) is not { } draft)
        {
            TempData[BannerKey] = "The draft changed while you were looking at it, so nothing was restored. Check it, then try again";
            return Redirect(AdminLinks.Version(number));
        }

        TempData[BannerKey] = $"The wording of version {number} is now in draft version {draft}. Preview it, then make it live";
        return Redirect(AdminLinks.Wording);
    }

    private const string StaleDraftMessage = "The draft has changed since you opened this page, or has already been made live or deleted. Check the changes below, then try again";

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult> ConfirmAsync(string view, string? problem, CancellationToken cancellationToken)
    {
        var draft = await editor.InStateAsync(ContentVersionState.Draft, cancellationToken);
        var live = await editor.InStateAsync(ContentVersionState.Live, cancellationToken);
        if (draft is null || live is null)
        {
            TempData[BannerKey] = problem is null ? "There is no draft" : "The draft has already been made live or deleted";
            return Redirect(AdminLinks.Wording);
        }

        return View(view, new ConfirmViewModel(draft, live, Diff(live, draft), problem));
    }

    private ViewResult EditView(ContentPart part, WordingInput input, ContentVersion editable, EditResult.Conflict? conflict)
    {
        ViewData["FieldOrder"] = part.Fields.Select(f => f.Key).ToArray();
        var fields = part.Fields.Select(field =>
        {
            var typed = input.Values.GetValueOrDefault(field.Key) ?? "";
            var saved = conflict?.Current.GetValueOrDefault(field.Key);
            // A glossary's prompt names each hard meaning, in place of one reading age for them all.
            var isGlossary = field.Kind == ContentFieldKind.Glossary;
            return new FieldView(
                field,
                ModelStateExtensions.FieldId(field.Key),
                isGlossary ? null : ReadabilityOf(field, typed),
                TheirsIfDifferent(field, input, saved),
                isGlossary ? Glossary.HardExplanations(Glossary.Parse(WordingInput.Clean(typed, field.Kind))) : []);
        }).ToList();
        return View("EditWording", new EditWordingViewModel(
            part, input, fields, editable.Number, editable.State == ContentVersionState.Draft, conflict));
    }

    /// <summary>What the other admin saved, as the conflict page shows it, where it differs from what this admin typed.</summary>
    private static string? TheirsIfDifferent(ContentField field, WordingInput input, string? saved)
    {
        if (saved is null)
        {
            return null;
        }

        if (field.Kind == ContentFieldKind.Date)
        {
            var theirs = ContentField.ParseDate(saved);
            return DateOnly.FromDateTime(UkTime.FromUtc(theirs)) == input.DateOf(field.Key) ? null : Display.Date(theirs);
        }

        return WordDiff.AreSame(saved, WordingInput.Clean(input.Values.GetValueOrDefault(field.Key), field.Kind)) ? null : saved;
    }

    private static ReadabilityScore? ReadabilityOf(ContentField field, string text) => field.Kind switch
    {
        ContentFieldKind.Markdown => Readability.Estimate(GovUkMarkdown.ToPlainText(text)),
        ContentFieldKind.Paragraph => Readability.Estimate(text),
        ContentFieldKind.Glossary => Glossary.Parse(text).Select(e => Readability.Estimate(e.Explanation)).OfType<ReadabilityScore>().MaxBy(s => s.ReadingAge) is { } hardest
            ? hardest with { Target = Glossary.TargetReadingAge }
            : null,
        _ => null,
    };

    private static string SummaryOf(ContentPart part, ContentVersion version) => part.Id switch
    {
        ContentParts.DetailsId => version.ConsultationName,
        ContentParts.AboutYouId => $"{version.AgeGroupQuestion} {version.AnsweringAsQuestion}",
        ContentParts.GlossaryId => Glossary.Parse(version.Glossary) is { Count: > 0 } words ? string.Join(", ", words.Select(w => w.Word)) : "No words explained yet",
        _ => part.Read(version)["SectionTitle"],
    };

    private static List<FieldDiff> Diff(ContentVersion before, ContentVersion after) =>
        [.. ContentParts.All.SelectMany(part => part.Changes(part.Read(before), part.Read(after))
            .Select(change =>
            {
                var field = part.Fields.Single(f => f.Key == change.Field);
                return field.Kind == ContentFieldKind.Date
                    ? new FieldDiff(part.Title, change.Label, WordDiff.Compare(
                        Display.DateTime(ContentField.ParseDate(change.Before)), Display.DateTime(ContentField.ParseDate(change.After))))
                    : new FieldDiff(part.Title, change.Label, WordDiff.Compare(change.Before, change.After));
            }))];
}
