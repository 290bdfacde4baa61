using System.Globalization;
using System.Runtime.CompilerServices;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Staff;

public sealed record DownloadsViewModel(int Responses);

/// <summary>
/// Every sent response as CSV or Excel. The file is written straight to the response as rows are read,
/// and each download is audited with its format and row count (never with any comment text).
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/downloads")]
public sealed class DownloadsController(ResponseExport export, AuditLog audit, TimeProvider clock) : Controller
{
    /// <summary>The labels respondents chose from, as analysts read them.</summary>
    public static readonly ExportLabels Labels = new(
        ageGroup => AnswerOptions.AgeGroups.LabelOf(ageGroup)!,
        answeringAs => AnswerOptions.AnsweringAs.LabelOf(answeringAs)!,
        choice => AnswerOptions.Choices.LabelOf(choice)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Download responses";
        return View("Downloads", new DownloadsViewModel(await export.CountAsync(cancellationToken)));
    }

    [HttpGet("responses.csv")]
    public Task Csv(CancellationToken cancellationToken) =>
        DownloadAsync("csv", ResponseFiles.CsvContentType, (body, rows) =>
            ResponseFiles.WriteCsvAsync(body, ResponseExport.Columns, rows, cancellationToken), cancellationToken);

    [HttpGet("responses.xlsx")]
    public async Task Xlsx(CancellationToken cancellationToken)
    {
        var codebook = (await export.CodebookAsync(cancellationToken)).Select(row => (IReadOnlyList<string>)row.Cells()).ToList();
        await DownloadAsync("xlsx", ResponseFiles.XlsxContentType, (body, rows) =>
            ResponseFiles.WriteXlsxAsync(body, ResponseExport.Columns, rows, ResponseExport.CodebookColumns, codebook, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Headers first (a server-chosen name, no-store), then the body as it is written. The audit event is
    /// recorded once the file is written; a download that fails or is abandoned part-way is recorded too,
    /// with the rows sent so far, because those rows have left the service.
    /// </summary>
    private async Task DownloadAsync(string format, string contentType, Func<Stream, IAsyncEnumerable<IReadOnlyList<string>>, Task> write, CancellationToken cancellationToken)
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
                details: new { format, rows, completed },
                from: HttpContext.Connection.RemoteIpAddress,
                cancellationToken: CancellationToken.None);
        }

        async IAsyncEnumerable<IReadOnlyList<string>> Counted([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var row in export.RowsAsync(token))
            {
                yield return row.Cells(Labels);
                rows++;
            }
        }
    }
}
