using System.Globalization;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Analysis;

public sealed record QuestionCodebookSummary(int Number, string Question, int InUse, int Retired, TaggingProgress Progress);

public sealed record AnalysisHomeViewModel(IReadOnlyList<QuestionCodebookSummary> Questions, string? Imported);

public sealed record CodebookViewModel(int Question, string QuestionText, IReadOnlyList<Theme> Themes, string? Changed)
{
    public IEnumerable<Theme> InUse => Themes.Where(t => !t.IsRetired);
    public IEnumerable<Theme> Retired => Themes.Where(t => t.IsRetired);
}

/// <summary>Adding a theme (no <see cref="ThemeId"/>) or changing one.</summary>
public sealed record ThemeViewModel(int Question, string QuestionText, int? ThemeId, string? FixedName, ThemeInput Input, bool Conflict)
{
    /// <summary>A retired theme can still be described; its page says it is out of use.</summary>
    public bool Retired { get; init; }
}

public sealed record RetireViewModel(Theme Theme, bool Conflict);

public sealed record ImportViewModel(IReadOnlyList<CodebookFileProblem> Problems)
{
    /// <summary>The problems listed on the page; the rest are counted.</summary>
    public const int ProblemsShown = 50;
}

/// <summary>
/// Each question's codebook: the themes analysts tag comments with. Analysts and admins add, describe,
/// rename, retire and restore themes, and move a whole codebook in and out as CSV, or out to NVivo,
/// MAXQDA or ATLAS.ti as a REFI-QDA codebook. Every change is audited with before and after.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/analysis")]
public sealed class CodebookController(Codebook codebook, Tagging tagging, ContentCatalogue catalogue, AuditLog audit, IValidator<ThemeInput> validator) : Controller
{
    public const string FileField = "File";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var content = await catalogue.GetLiveAsync(cancellationToken);
        var themes = await codebook.AllAsync(cancellationToken);
        var progress = await tagging.ProgressAsync(ResponseFilter.None, cancellationToken: cancellationToken);
        return View("Index", new AnalysisHomeViewModel(
            [.. Codebook.Questions.Select(n => new QuestionCodebookSummary(
                n, content.Find(n)?.Question ?? "",
                themes.Count(t => t.QuestionNumber == n && !t.IsRetired),
                themes.Count(t => t.QuestionNumber == n && t.IsRetired),
                progress.Single(p => p.QuestionNumber == n)))],
            TempData["Imported"] as string));
    }

    [HttpGet("questions/{question:int}")]
    public async Task<IActionResult> Show(int question, CancellationToken cancellationToken)
    {
        if (await QuestionTextAsync(question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        return View("Codebook", new CodebookViewModel(question, text, await codebook.ThemesAsync(question, cancellationToken), TempData["Changed"] as string));
    }

    [HttpGet("questions/{question:int}/themes/new")]
    public async Task<IActionResult> New(int question, CancellationToken cancellationToken) =>
        await QuestionTextAsync(question, cancellationToken) is { } text
            ? View("Theme", new ThemeViewModel(question, text, null, null, new ThemeInput(), Conflict: false))
            : NotFound();

    [HttpPost("questions/{question:int}/themes/new")]
    public async Task<IActionResult> Add(int question, ThemeInput input, CancellationToken cancellationToken)
    {
        if (await QuestionTextAsync(question, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        input ??= new ThemeInput();
        input.NameFixed = false;
        var page = new ThemeViewModel(question, text, null, null, input, Conflict: false);
        if (!await IsValidAsync(input, cancellationToken))
        {
            return View("Theme", page);
        }

        var (outcome, _) = await codebook.AddAsync(question, input.ToText(), Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return Outcome(outcome, page, question, $"Theme “{Theme.Tidy(input.ToText().Name)}” added");
    }

    [HttpGet("themes/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await codebook.FindAsync(id, cancellationToken) is not { } theme || await QuestionTextAsync(theme.QuestionNumber, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        return View("Theme", new ThemeViewModel(theme.QuestionNumber, text, theme.Id, theme.IsFixed ? theme.Name : null, ThemeInput.Of(theme), Conflict: false) { Retired = theme.IsRetired });
    }

    [HttpPost("themes/{id:int}")]
    public async Task<IActionResult> Save(int id, ThemeInput input, CancellationToken cancellationToken)
    {
        if (await codebook.FindAsync(id, cancellationToken) is not { } theme || await QuestionTextAsync(theme.QuestionNumber, cancellationToken) is not { } text)
        {
            return NotFound();
        }

        input ??= new ThemeInput();
        input.NameFixed = theme.IsFixed;
        var page = new ThemeViewModel(theme.QuestionNumber, text, theme.Id, theme.IsFixed ? theme.Name : null, input, Conflict: false) { Retired = theme.IsRetired };
        if (!await IsValidAsync(input, cancellationToken))
        {
            return View("Theme", page);
        }

        var outcome = await codebook.EditAsync(id, input.Stamp, input.ToText(), Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (outcome == CodebookOutcome.Conflict && await codebook.FindAsync(id, cancellationToken) is { } now)
        {
            // Shown what was typed, over the theme as it now is: saving again is a deliberate choice.
            input.Stamp = now.ConcurrencyStamp;
            return View("Theme", page with { Conflict = true });
        }

        return Outcome(outcome, page, theme.QuestionNumber, $"Theme “{(theme.IsFixed ? theme.Name : Theme.Tidy(input.ToText().Name))}” saved");
    }

    [HttpGet("themes/{id:int}/retire")]
    public async Task<IActionResult> ConfirmRetire(int id, CancellationToken cancellationToken) =>
        await codebook.FindAsync(id, cancellationToken) is { IsFixed: false, IsRetired: false } theme
            ? View("Retire", new RetireViewModel(theme, Conflict: false))
            : NotFound();

    [HttpPost("themes/{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, [FromForm] Guid stamp, CancellationToken cancellationToken)
    {
        var outcome = await codebook.RetireAsync(id, stamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (await codebook.FindAsync(id, cancellationToken) is not { } theme || outcome == CodebookOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == CodebookOutcome.Conflict)
        {
            return theme.IsRetired ? Changed(theme.QuestionNumber, $"Theme “{theme.Name}” was already retired") : View("Retire", new RetireViewModel(theme, Conflict: true));
        }

        return Changed(theme.QuestionNumber, $"Theme “{theme.Name}” retired");
    }

    [HttpPost("themes/{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, [FromForm] Guid stamp, CancellationToken cancellationToken)
    {
        var outcome = await codebook.RestoreAsync(id, stamp, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (await codebook.FindAsync(id, cancellationToken) is not { } theme || outcome == CodebookOutcome.NotFound)
        {
            return NotFound();
        }

        return Changed(theme.QuestionNumber, outcome == CodebookOutcome.Done || !theme.IsRetired
            ? $"Theme “{theme.Name}” is in use again"
            : $"Theme “{theme.Name}” was changed by someone else. Check it and try again");
    }

    [HttpGet("codebook.csv")]
    public async Task<IActionResult> DownloadCsv(CancellationToken cancellationToken)
    {
        var themes = await codebook.ThemesInUseAsync(cancellationToken);
        await audit.RecordAsync(Actor, AuditActions.CodebookDownloaded, "codebook.csv", null, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        Response.ContentType = ResponseFiles.CsvContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName("csv")}\"";
        await ResponseFiles.WriteCsvAsync(Response.Body, CodebookCsv.Columns, themes.Select(CodebookCsv.Cells).ToAsyncEnumerable(), cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("codebook.qdc")]
    public async Task<IActionResult> DownloadQdc(CancellationToken cancellationToken)
    {
        var content = await catalogue.GetLiveAsync(cancellationToken);
        var themes = await codebook.ThemesInUseAsync(cancellationToken);
        await audit.RecordAsync(Actor, AuditActions.CodebookDownloaded, "codebook.qdc", null, HttpContext.Connection.RemoteIpAddress, cancellationToken);

        // Small (eleven questions of themes): written in memory, then sent, as the body refuses synchronous writes.
        using var file = new MemoryStream();
        RefiQdaCodebook.Write(file, content.ConsultationName, Codebook.Questions.Select(n => (n, content.Find(n)?.Question ?? "")), themes);
        return File(file.ToArray(), RefiQdaCodebook.ContentType, FileName("qdc"));
    }

    [HttpGet("codebook/import")]
    public IActionResult ImportForm() => View("Import", new ImportViewModel([]));

    [HttpPost("codebook/import")]
    [AcceptsFileUpload]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, "Select a codebook CSV file");
            return View("Import", new ImportViewModel([]));
        }

        if (file.Length > AnalysisLimits.CodebookFileMaxBytes)
        {
            ModelState.AddModelError(FileField, $"The file must be smaller than {Display.Number(AnalysisLimits.CodebookFileMaxBytes / 1000)} KB");
            return View("Import", new ImportViewModel([]));
        }

        await using var content = file.OpenReadStream();
        var read = await CodebookCsv.ReadAsync(content, cancellationToken);
        if (read.Problems.Count > 0)
        {
            ModelState.AddModelError(FileField, read.Problems.Count == 1
                ? "The file has a problem, listed below. Nothing was imported. Fix it and upload the file again"
                : $"The file has {read.Problems.Count} problems, listed below. Nothing was imported. Fix them and upload the file again");
            return View("Import", new ImportViewModel(read.Problems));
        }

        var (added, changed) = await codebook.ImportAsync(read.Rows, Actor, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        TempData["Imported"] = string.Create(CultureInfo.InvariantCulture, $"Codebook imported: {added} {(added == 1 ? "theme" : "themes")} added, {changed} changed");
        return Redirect(AnalysisLinks.Home);
    }

    private IActionResult Outcome(CodebookOutcome outcome, ThemeViewModel page, int question, string done)
    {
        switch (outcome)
        {
            case CodebookOutcome.Done:
                return Changed(question, done);
            case CodebookOutcome.DuplicateName:
                ModelState.AddModelError(nameof(ThemeInput.Name), $"Q{question} already has a theme called “{Theme.Tidy(page.Input.ToText().Name)}”. If it is retired, restore it from the codebook");
                return View("Theme", page);
            case CodebookOutcome.Conflict:
                return Changed(question, "Someone else changed the codebook at the same moment. Check it and try again");
            default:
                return NotFound();
        }
    }

    private RedirectResult Changed(int question, string message)
    {
        TempData["Changed"] = message;
        return Redirect(AnalysisLinks.Codebook(question));
    }

    private async Task<bool> IsValidAsync(ThemeInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        return validation.IsValid;
    }

    private Task<string?> QuestionTextAsync(int question, CancellationToken cancellationToken) =>
        AnalysisQuestions.TextAsync(catalogue, question, cancellationToken);

    private static string FileName(string extension) => $"contactpoint-codebook.{extension}";

    private string Actor => User.Identity?.Name ?? "unknown";
}
