using System.Globalization;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Admin;

public sealed record AuditPageViewModel(IReadOnlyList<AuditEvent> Events, int Page, int PageCount, int Total);

/// <summary>Admins read the audit log, newest first. It can only be read here, never changed.</summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin/audit")]
public sealed class AuditController(ConsultationDbContext db, AuditLog audit, TimeProvider clock) : Controller
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> Columns = ["When (UTC)", "Who", "What", "Target", "Details", "From"];

    /// <summary>The whole log as CSV, oldest first, streamed; the download is itself recorded in the log.</summary>
    [HttpGet("audit-log.csv")]
    [EnableRateLimiting(WebSetup.ExportRateLimit)]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        var fileName = $"contactpoint-audit-log-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}Z.csv";
        var rows = await db.AuditEvents.CountAsync(cancellationToken);
        await audit.RecordAsync(User.Identity?.Name ?? "unknown", AuditActions.AuditLogDownloaded, null, new { format = "csv", rows },
            HttpContext.Connection.RemoteIpAddress, cancellationToken);

        Response.ContentType = ResponseFiles.CsvContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        Response.Headers.CacheControl = "no-store";
        var events = db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable()
            .Select(e => (IReadOnlyList<string>)[
                e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Actor, e.Action, e.Target ?? "", e.Details ?? "", e.FromAddress ?? ""]);
        await ResponseFiles.WriteCsvAsync(Response.Body, Columns, events, cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.AuditEvents.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var events = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);

        return View("Audit", new AuditPageViewModel(events, page, pageCount, total));
    }
}
