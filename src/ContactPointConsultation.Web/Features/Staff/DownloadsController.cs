using System.Globalization;
using System.Runtime.CompilerServices;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Staff;

public sealed record DownloadsViewModel(int Responses, ResultsFilterViewModel Filter);

/// <summary>
/// Every sent response as CSV or Excel. The file is written straight to the response as rows are read,
/// and each download is audited with its format and row count (never with any comment text).
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/downloads")]
public sealed class DownloadsController(
    ResponseExport export,
    Tagging tagging,
    Codebook codebook,
    AuditLog audit,
    TimeProvider clock,
    ConsultationDbContext db,
    IValidator<ResultsFilterInput> filterValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken, withChannel: true);
        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("Downloads", new DownloadsViewModel(
            await export.CountAsync(responseFilter, cancellationToken),
            new ResultsFilterViewModel(filter, StaffLinks.Downloads,
                await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken), responseFilter.IsFiltered)
            { ShowChannel = true }));
    }

    [HttpGet("responses.csv")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> Csv([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken, withChannel: true);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await DownloadAsync("responses", "csv", ResponseFiles.CsvContentType, responseFilter, ResponseRowsAsync(responseFilter, cancellationToken), (body, rows) =>
            ResponseFiles.WriteCsvAsync(body, ResponseExport.Columns, rows, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>
    /// Sheets "Responses", "Codebook" (every version's wording), "Themes" (one row per comment and theme)
    /// and "Themes codebook" (the themes in use, as the codebook CSV has them).
    /// </summary>
    [HttpGet("responses.xlsx")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> Xlsx([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken, withChannel: true);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var wording = (await export.CodebookAsync(cancellationToken)).Select(row => (IReadOnlyList<string>)row.Cells()).ToList();
        var themes = (await codebook.ThemesInUseAsync(cancellationToken)).Select(CodebookCsv.Cells).ToList();
        await DownloadAsync("responses", "xlsx", ResponseFiles.XlsxContentType, responseFilter, ResponseRowsAsync(responseFilter, cancellationToken), (body, rows) =>
            ResponseFiles.WriteXlsxAsync(body,
            [
                new(ResponseFiles.ResponsesSheet, ResponseExport.Columns, rows),
                new(ResponseFiles.CodebookSheet, ResponseExport.CodebookColumns, wording.ToAsyncEnumerable()),
                new(ResponseFiles.ThemesSheet, TagExportRow.Columns, TagRowsAsync(responseFilter, cancellationToken)),
                new(ResponseFiles.ThemesCodebookSheet, CodebookCsv.Columns, themes.ToAsyncEnumerable()),
            ], cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The "Themes" sheet's rows on their own: one per comment and theme, as the responses' filters choose.</summary>
    [HttpGet("themes.csv")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> ThemesCsv([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken, withChannel: true);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await DownloadAsync("themes", "csv", ResponseFiles.CsvContentType, responseFilter, TagRowsAsync(responseFilter, cancellationToken), (body, rows) =>
            ResponseFiles.WriteCsvAsync(body, TagExportRow.Columns, rows, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>
    /// Headers first (a server-chosen name, no-store), then the body as it is written. The audit event is
    /// recorded once the file is written; a download that fails or is abandoned part-way is recorded too,
    /// with the rows sent so far, because those rows have left the service.
    /// </summary>
    private async Task DownloadAsync(
        string file, string format, string contentType, ResponseFilter filter, IAsyncEnumerable<IReadOnlyList<string>> source,
        Func<Stream, IAsyncEnumerable<IReadOnlyList<string>>, Task> write, CancellationToken cancellationToken)
    {
        var fileName = $"contactpoint-{file}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}Z.{format}";
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        Response.Headers.CacheControl = "no-store";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var rows = 0;
        var completed = false;
        try
        {
            await write(Response.Body, Counted(cancellationToken));
            completed = true;
        }
        finally
        {
            // Not the request's token: an abandoned download is still recorded.
            await audit.RecordAsync(
                User.Identity?.Name ?? "unknown",
                AuditActions.ResponsesDownloaded,
                details: file == "responses"
                    ? new { format, rows, completed, filters = filter.IsFiltered ? filter : null }
                    : new { file, format, rows, completed, filters = filter.IsFiltered ? filter : null },
                from: HttpContext.Connection.RemoteIpAddress,
                cancellationToken: CancellationToken.None);
        }

        async IAsyncEnumerable<IReadOnlyList<string>> Counted([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var row in source.WithCancellation(token))
            {
                yield return row;
                rows++;
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<string>> ResponseRowsAsync(ResponseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in export.RowsAsync(filter, cancellationToken))
        {
            yield return row.Cells();
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<string>> TagRowsAsync(ResponseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in tagging.ExportRowsAsync(filter).WithCancellation(cancellationToken))
        {
            yield return row.Cells();
        }
    }
}
