using System.Text.Json;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>What applies to every row of a spreadsheet, as chosen on the upload page and kept as typed.</summary>
public sealed class PaperImportInput : ArrivalInput
{
    /// <summary>The fields in page order, for the error summary.</summary>
    public static string[] FieldOrder { get; } = [PaperImportController.FileField, .. ArrivalFieldOrder];
}

/// <summary>The upload page: the choices as typed, the versions to choose from, and the file's problems if it had any.</summary>
public sealed record PaperImportViewModel(PaperImportInput Input, IReadOnlyList<EntryVersion> Versions, ImportProblems Problems);

/// <summary>A checked file, to import; or, once imported, what it stored.</summary>
public sealed record PaperImportCheckViewModel(PaperImport Import, int VersionNumber, IReadOnlyList<ImportLookalike> Lookalikes, string? Reason)
{
    /// <summary>Said once above the page: why the last press of Import stored nothing, when it is not a field's error.</summary>
    public string? Notice { get; init; }
}

/// <summary>
/// Importing a spreadsheet of responses a group collected offline, for analysts and admins: upload it with how
/// its responses arrived, see it checked whole (every problem by line and column, and nothing stored if it has
/// any), then import it, and see what it stored. See <see cref="PaperImporting"/>.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/paper/import")]
public sealed class PaperImportController(ConsultationDbContext db, PaperImporting importing, TimeProvider clock) : Controller
{
    public const string FileField = "File";

    private const string ReasonField = nameof(PaperImport.DuplicateReason);

    /// <summary>The upload page; after a body too large to read (<see cref="PaperLinks.ImportTooLarge"/>), with the file's error.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Upload([FromQuery(Name = PaperLinks.TooLargeQuery)] bool tooLarge, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(cancellationToken);
        var live = await db.ContentVersions.Where(v => v.State == ContentVersionState.Live).Select(v => (int?)v.Number).SingleOrDefaultAsync(cancellationToken);
        var input = new PaperImportInput { Version = (live ?? versions.LastOrDefault()?.Number)?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        ModelState.Clear();
        if (tooLarge)
        {
            ModelState.AddModelError(FileField, TooLargeMessage);
        }

        return View("Upload", new PaperImportViewModel(input, versions, new ImportProblems()));
    }

    [HttpPost("")]
    [AcceptsFileUpload(MaxBodyBytes = MalformedRequests.MaxAnyRequestBodyBytes)]
    public async Task<IActionResult> Check(PaperImportInput input, IFormFile? file, CancellationToken cancellationToken)
    {
        input ??= new PaperImportInput();
        ModelState.Clear();
        var versions = await VersionsAsync(cancellationToken);
        var validation = await new ArrivalRules<PaperImportInput>(versions, UkTime.Today(clock), batchRequired: true).ValidateAsync(input, cancellationToken);
        var fileProblem = file is null || file.Length == 0
            ? file is null ? "Select a CSV file of responses" : "The selected file is empty"
            : !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "The selected file must be a CSV"
            : file.Length > PaperLimits.ImportMaxBytes ? TooLargeMessage
            : null;
        if (fileProblem is not null)
        {
            ModelState.AddModelError(FileField, fileProblem);
        }

        validation.AddToModelState(ModelState);
        if (!ModelState.IsValid)
        {
            return View("Upload", new PaperImportViewModel(input, versions, new ImportProblems()));
        }

        var choices = new ImportChoices(AnswerOptions.EnteredChannels.Parse(input.Channel)!.Value, input.Received.Date!.Value, input.Batch!.Trim(), input.VersionNumber!.Value);
        await using var content = file!.OpenReadStream();
        var result = await importing.CheckAsync(content, file.FileName, choices, Actor, cancellationToken);
        switch (result.Outcome)
        {
            case ImportOutcome.HasProblems:
                ModelState.AddModelError(FileField, result.Problems.Count == 1
                    ? "The file has a problem, listed below. Nothing was imported. Fix it and upload the file again"
                    : $"The file has {Display.Number(result.Problems.Count)} problems, listed below. Nothing was imported. Fix them and upload the file again");
                return View("Upload", new PaperImportViewModel(input, versions, result.Problems));
            case ImportOutcome.AlreadyImported:
                var earlier = result.Import!;
                ModelState.AddModelError(FileField, $"This file was imported on {Display.DateTime(earlier.ImportedAt!.Value)} by {earlier.ImportedBy}: {Responses(earlier.Rows)} in the batch “{earlier.Batch}”. Nothing was imported again");
                return View("Upload", new PaperImportViewModel(input, versions, new ImportProblems()));
            default:
                return Redirect(PaperLinks.ImportOf(result.Import!.Id));
        }
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Checked(long id, CancellationToken cancellationToken)
    {
        if (await importing.FindAsync(id, cancellationToken) is not { } import)
        {
            return Gone();
        }

        if (TempData["MoreLookalikes"] is true)
        {
            ModelState.AddModelError(ReasonField, "More lines now look like responses already entered. Check them, and say why they are different responses");
        }

        return View("ImportCheck", await PageAsync(import, TempData["Reason"] as string, cancellationToken) with
        {
            Notice = TempData["Interrupted"] is true ? "Someone else entered or imported responses at the same moment, so nothing was imported. Check the file and import it again" : null,
        });
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Import(long id, [FromForm(Name = ReasonField)] string? reason, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await importing.FindAsync(id, cancellationToken) is not { } import)
        {
            return Gone();
        }

        if (import.Status == PaperImportStatus.Checked && import.LookalikeCount > 0)
        {
            var problem = string.IsNullOrWhiteSpace(reason) ? "Say why these are different responses, or upload the file again without them"
                : reason.Trim().Length > PaperLimits.DuplicateReasonMaxLength ? $"The reason must be {PaperLimits.DuplicateReasonMaxLength} characters or less"
                : null;
            if (problem is not null)
            {
                ModelState.AddModelError(ReasonField, problem);
                return View("ImportCheck", await PageAsync(import, reason, cancellationToken));
            }
        }

        var result = await importing.ImportAsync(id, reason, Actor, cancellationToken);
        switch (result.Outcome)
        {
            case ImportOutcome.Gone:
                return Gone();
            case ImportOutcome.HasProblems:
                ModelState.AddModelError(FileField, "The file now has problems, listed below, so nothing was imported. Fix them and upload the file again");
                return View("Upload", new PaperImportViewModel(await ChosenAsync(import, cancellationToken), await VersionsAsync(cancellationToken), result.Problems));
            case ImportOutcome.LooksLikeOnesEntered:
                (TempData["MoreLookalikes"], TempData["Reason"]) = (true, reason);
                return Redirect(PaperLinks.ImportOf(id));
            case ImportOutcome.Interrupted:
                TempData["Interrupted"] = true;
                return Redirect(PaperLinks.ImportOf(id));
            default:
                // Imported now, or by an earlier click or another upload of the same file: show where it went.
                return Redirect(PaperLinks.ImportOf(result.Import!.Id));
        }
    }

    /// <summary>The column names, and no rows: the spreadsheet a group fills in.</summary>
    [HttpGet("responses-template.csv")]
    public async Task<IActionResult> Template(CancellationToken cancellationToken)
    {
        Response.ContentType = ResponseFiles.CsvContentType;
        Response.Headers.ContentDisposition = "attachment; filename=\"contactpoint-responses-template.csv\"";
        await ResponseFiles.WriteCsvAsync(Response.Body, ResponseExport.Columns, AsyncEnumerable.Empty<IReadOnlyList<string>>(), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>What was chosen for a held file, as the upload page's fields.</summary>
    private async Task<PaperImportInput> ChosenAsync(PaperImport import, CancellationToken cancellationToken)
    {
        var input = new PaperImportInput();
        input.Arrived(import.Channel, import.ReceivedOn, import.Batch, await db.ContentVersions.Where(v => v.Id == import.ContentVersionId).Select(v => v.Number).SingleAsync(cancellationToken));
        return input;
    }

    private async Task<PaperImportCheckViewModel> PageAsync(PaperImport import, string? reason, CancellationToken cancellationToken)
    {
        var number = await db.ContentVersions.Where(v => v.Id == import.ContentVersionId).Select(v => v.Number).SingleAsync(cancellationToken);
        var lookalikes = import.Status == PaperImportStatus.Checked ? JsonSerializer.Deserialize<List<ImportLookalike>>(import.Lookalikes) ?? [] : [];
        return new PaperImportCheckViewModel(import, number, lookalikes, reason);
    }

    private ViewResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Refused", new RefusedViewModel(
            "This file is no longer held",
            $"A checked file is held for {PaperImporting.HeldFor.TotalHours:0} hours, then deleted if it was not imported. Upload it again.",
            PaperLinks.Import,
            "Upload a spreadsheet of responses"));
    }

    private Task<List<EntryVersion>> VersionsAsync(CancellationToken cancellationToken) => EntryVersion.PublishedAsync(db, cancellationToken);

    private static string TooLargeMessage => $"The selected file must be smaller than {Display.Number((int)(PaperLimits.ImportMaxBytes / 1000 / 1000))} MB";

    private static string Responses(int count) => count == 1 ? "1 response" : $"{Display.Number(count)} responses";

    private string Actor => User.Identity?.Name ?? "unknown";
}
