using System.Globalization;
using System.Runtime.CompilerServices;
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
    AuditLog audit,
    TimeProvider clock,
    ConsultationDbContext db,
    IValidator<ResultsFilterInput> filterValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("Downloads", new DownloadsViewModel(
            await export.CountAsync(responseFilter, cancellationToken),
            new ResultsFilterViewModel(filter, StaffLinks.Downloads,
                await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken), responseFilter.IsFiltered)));
    }

    [HttpGet("responses.csv")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> Csv([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await DownloadAsync("csv", ResponseFiles.CsvContentType, responseFilter, (body, rows) =>
            ResponseFiles.WriteCsvAsync(body, ResponseExport.Columns, rows, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("responses.xlsx")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> Xlsx([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var codebook = (await export.CodebookAsync(cancellationToken)).Select(row => (IReadOnlyList<string>)row.Cells()).ToList();
        await DownloadAsync("xlsx", ResponseFiles.XlsxContentType, responseFilter, (body, rows) =>
            ResponseFiles.WriteXlsxAsync(body, ResponseExport.Columns, rows, ResponseExport.CodebookColumns, codebook, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>
    /// Headers first (a server-chosen name, no-store), then the body as it is written. The audit event is
    /// recorded once the file is written; a download that fails or is abandoned part-way is recorded too,
    /// with the rows sent so far, because those rows have left the service.
    /// </summary>
    private async Task DownloadAsync(string format, string contentType, ResponseFilter filter, Func<Stream, IAsyncEnumerable<IReadOnlyList<string>>, Task> write, CancellationToken cancellationToken)
    {
        var fileName = $"contactpoint-responses-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}Z.{format}";
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
                details: new { format, rows, completed, filters = filter.IsFiltered ? filter : null },
                from: HttpContext.Connection.RemoteIpAddress,
                cancellationToken: CancellationToken.None);
        }

        async IAsyncEnumerable<IReadOnlyList<string>> Counted([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var row in export.RowsAsync(filter, token))
            {
                yield return row.Cells();
                rows++;
            }
        }
    }
}
