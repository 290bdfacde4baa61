using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>The entry page: the form as typed so far, and the wording of the version it is entered against.</summary>
public sealed record PaperEntryViewModel(PaperEntryInput Input, ConsultationContent Wording, IReadOnlyList<EntryVersion> Versions)
{
    /// <summary>The reference of the response saved just before, with "Save and enter another".</summary>
    public string? JustEntered { get; init; }

    /// <summary>The reference of a response already entered in the same batch that says the same as this one.</summary>
    public string? LooksLike { get; init; }
}

public sealed record PaperEnteredViewModel(string Reference, string Channel, DateOnly? ReceivedOn, string? Batch, bool AlreadySaved);

/// <summary>
/// Typing in a response that came on paper, by email, by letter or at an event: one page in the paper form's
/// order, for analysts and admins. It is stored as a send is (<see cref="PaperEntry"/>) and its reference shown,
/// to write on the paper.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/paper")]
public sealed class PaperController(ConsultationDbContext db, ContentCatalogue catalogue, PaperEntry entry, TimeProvider clock) : Controller
{
    public const string AnotherIntent = "another";

    [HttpGet("")]
    public async Task<IActionResult> Enter([FromQuery] PaperEntryInput kept, CancellationToken cancellationToken)
    {
        // Only how the last one arrived is kept for the next; answers never are.
        var input = new PaperEntryInput
        {
            Channel = kept?.Channel,
            ReceivedDay = kept?.ReceivedDay,
            ReceivedMonth = kept?.ReceivedMonth,
            ReceivedYear = kept?.ReceivedYear,
            Batch = kept?.Batch,
            Version = kept?.Version,
            EntryKey = Guid.NewGuid(),
        };
        ModelState.Clear();
        return await PageAsync(input, cancellationToken) is { } page
            ? View("Enter", page with { JustEntered = TempData["Entered"] as string })
            : NotFound();
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(PaperEntryInput input, string? intent, CancellationToken cancellationToken)
    {
        input ??= new PaperEntryInput();
        if (input.EntryKey == Guid.Empty)
        {
            input.EntryKey = Guid.NewGuid();
        }

        // Every field is text, kept as typed; what model binding thought of a tampered name is not the person's mistake.
        ModelState.Clear();
        var versions = await VersionsAsync(cancellationToken);
        var validation = await new PaperEntryInputValidator(versions, UkTime.Today(clock)).ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (!validation.IsValid)
        {
            return await PageAsync(input, cancellationToken) is { } page ? View("Enter", page) : NotFound();
        }

        var version = versions.Single(v => v.Number == input.VersionNumber);
        var wording = await catalogue.GetVersionAsync(version.Id, cancellationToken);
        var result = await entry.EnterAsync(input.ToEntry(version.Id, wording.Questions.Where(q => q.HasChoice).Select(q => q.Number).ToHashSet()), User.Identity?.Name ?? "unknown");
        if (result.Outcome == EntryOutcome.LooksLikeOneEntered)
        {
            // Nothing was stored: the page again, as typed, asking why it is a different response.
            ModelState.AddModelError(nameof(PaperEntryInput.DuplicateReason), $"This looks like one you have already entered: {result.Reference}");
            return await PageAsync(input, cancellationToken) is { } page ? View("Enter", page with { LooksLike = result.Reference }) : NotFound();
        }

        if (intent == AnotherIntent && result.Outcome == EntryOutcome.Saved)
        {
            TempData["Entered"] = result.Reference;
            return Redirect(PaperLinks.EnterAnother(input));
        }

        TempData["AlreadySaved"] = result.Outcome == EntryOutcome.AlreadySaved;
        return Redirect(PaperLinks.Entered(result.Reference));
    }

    [HttpGet("entered/{reference}")]
    public async Task<IActionResult> Entered(string reference, CancellationToken cancellationToken)
    {
        var normalised = ReferenceCode.Normalise(reference);
        var response = normalised.Length == ReferenceCode.Length
            ? await db.Responses.AsNoTracking().Where(r => r.Reference == normalised && r.Channel != ResponseChannel.Online)
                .Select(r => new { r.Reference, r.Channel, r.ReceivedOn, r.Batch }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return response is null
            ? NotFound()
            : View(new PaperEnteredViewModel(response.Reference, AnswerOptions.Channels.LabelOf(response.Channel)!, response.ReceivedOn, response.Batch, TempData["AlreadySaved"] as bool? ?? false));
    }

    /// <summary>The page for this input: the wording of the version it names, or else of the live one.</summary>
    private async Task<PaperEntryViewModel?> PageAsync(PaperEntryInput input, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(cancellationToken);
        var shown = versions.FirstOrDefault(v => v.Number == input.VersionNumber)
            ?? await db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => new EntryVersion(v.Id, v.Number, default)).SingleOrDefaultAsync(cancellationToken)
            ?? versions.LastOrDefault();
        if (shown is null)
        {
            return null;
        }

        input.Version ??= shown.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PaperEntryViewModel(input, await catalogue.GetVersionAsync(shown.Id, cancellationToken), versions);
    }

    private async Task<List<EntryVersion>> VersionsAsync(CancellationToken cancellationToken) =>
        [.. (await db.ContentVersions.AsNoTracking().Where(v => v.State != ContentVersionState.Draft).OrderBy(v => v.Number)
                .Select(v => new { v.Id, v.Number, v.OpensAt }).ToListAsync(cancellationToken))
            .Select(v => new EntryVersion(v.Id, v.Number, UkTime.DayOf(v.OpensAt)))];
}
