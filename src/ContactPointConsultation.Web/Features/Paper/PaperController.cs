using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Features.Staff;
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

    /// <summary>The reference of the response being corrected; null while entering a new one.</summary>
    public string? Correcting { get; init; }

    /// <summary>Only the answers and About you, as a check keys them again: how it arrived is not on the paper.</summary>
    public bool AnswersOnly { get; init; }

    /// <summary>Questions whose comment is withheld for safeguarding review: shown as withheld, and kept as they are.</summary>
    public IReadOnlySet<int> Withheld { get; init; } = new HashSet<int>();
}

/// <summary>Why this person cannot do this now, and where to go back to.</summary>
public sealed record RefusedViewModel(string Title, string Why, string BackUrl, string BackText);

public sealed record PaperEnteredViewModel(string Reference, string Channel, DateOnly? ReceivedOn, string? Batch, bool AlreadySaved);

/// <summary>
/// Typing in a response that came on paper, by email, by letter or at an event: one page in the paper form's
/// order, for analysts and admins. It is stored as a send is (<see cref="PaperEntry"/>) and its reference shown,
/// to write on the paper.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/paper")]
public sealed class PaperController(ConsultationDbContext db, ContentCatalogue catalogue, PaperEntry entry, PaperCorrection correction, TimeProvider clock) : Controller
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
            ModelState.AddModelError(nameof(PaperEntryInput.DuplicateReason), PaperEntryInput.LooksLikeMessage(result.Reference));
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

    [HttpGet("{reference}/correct")]
    public async Task<IActionResult> Correct(string reference, CancellationToken cancellationToken)
    {
        if (await CorrectableAsync(reference, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (response, withheld) = (found.Response!, found.Withheld);
        var number = await db.ContentVersions.Where(v => v.Id == response.ContentVersionId).Select(v => v.Number).SingleAsync(cancellationToken);
        var input = PaperEntryInput.Of(response, number);
        foreach (var question in withheld)
        {
            input.Comments.Remove(question);
        }

        return await PageAsync(input, cancellationToken) is { } page
            ? View("Correct", page with { Correcting = response.Reference, Withheld = withheld })
            : NotFound();
    }

    [HttpPost("{reference}/correct")]
    public async Task<IActionResult> SaveCorrection(string reference, PaperEntryInput input, CancellationToken cancellationToken)
    {
        input ??= new PaperEntryInput();
        if (await CorrectableAsync(reference, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (response, withheld) = (found.Response!, found.Withheld);
        ModelState.Clear();
        foreach (var question in withheld)
        {
            // Its words are kept as they are: only whether it says anything counts for "at least one answer".
            input.Comments[question] = response.Answers.Find(a => a.QuestionNumber == question)?.Comments;
        }

        var versions = await VersionsAsync(cancellationToken);
        var validation = await new PaperEntryInputValidator(versions, UkTime.Today(clock)).ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        string? looksLike = null;
        if (validation.IsValid)
        {
            var version = versions.Single(v => v.Number == input.VersionNumber);
            var wording = await catalogue.GetVersionAsync(version.Id, cancellationToken);
            var result = await correction.CorrectAsync(response.Reference, input.ToEntry(version.Id, wording.Questions.Where(q => q.HasChoice).Select(q => q.Number).ToHashSet()), withheld, User.Identity?.Name ?? "unknown", cancellationToken);
            switch (result.Outcome)
            {
                case CorrectionOutcome.Gone:
                    return NotFound();
                case CorrectionOutcome.LooksLikeOneEntered:
                    looksLike = result.LooksLike;
                    ModelState.AddModelError(nameof(PaperEntryInput.DuplicateReason), PaperEntryInput.LooksLikeMessage(result.LooksLike!));
                    break;
                default:
                    TempData["Corrected"] = result.Outcome == CorrectionOutcome.Corrected;
                    return Redirect(StaffLinks.Response(response.Reference));
            }
        }

        foreach (var question in withheld)
        {
            input.Comments.Remove(question);
        }

        return await PageAsync(input, cancellationToken) is { } page
            ? View("Correct", page with { Correcting = response.Reference, Withheld = withheld, LooksLike = looksLike })
            : NotFound();
    }

    /// <summary>
    /// An entered response, with its answers, and the questions whose comment the corrector may not read; or why
    /// this person may not correct it now: only the person who entered it, or an admin, until the consultation closes.
    /// Null if there is no entered response with that reference: an online one is as it was sent.
    /// </summary>
    private async Task<(Response? Response, IReadOnlySet<int> Withheld, IActionResult? Refusal)?> CorrectableAsync(string reference, CancellationToken cancellationToken)
    {
        var normalised = ReferenceCode.Normalise(reference);
        var response = normalised.Length == ReferenceCode.Length
            ? await db.Responses.AsNoTracking().Include(r => r.Answers).SingleOrDefaultAsync(r => r.Reference == normalised && r.Channel != ResponseChannel.Online, cancellationToken)
            : null;
        if (response is null)
        {
            return null;
        }

        var why = !PaperCorrections.MayCorrect(User, response.EnteredBy)
            ? $"Only the person who entered it, {response.EnteredBy}, or an admin can correct it."
            : clock.GetUtcNow().UtcDateTime >= (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt
                ? "The consultation has closed, so its responses can no longer be corrected."
                : null;
        if (why is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return (null, new HashSet<int>(), View("Refused", new RefusedViewModel("You cannot correct this response", why, StaffLinks.Response(response.Reference), $"Back to response {response.Reference}")));
        }

        return (response, await PaperCorrections.WithheldAsync(db, response, cancellationToken), null);
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

    private Task<List<EntryVersion>> VersionsAsync(CancellationToken cancellationToken) => EntryVersion.PublishedAsync(db, cancellationToken);
}
