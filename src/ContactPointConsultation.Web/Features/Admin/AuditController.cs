using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Admin;

public sealed record AuditPageViewModel(IReadOnlyList<AuditEvent> Events, int Page, int PageCount, int Total);

/// <summary>Admins read the audit log, newest first. It can only be read here, never changed.</summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin/audit")]
public sealed class AuditController(ConsultationDbContext db) : Controller
{
    public const int PageSize = 50;

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

        ViewData["Title"] = "Audit log";
        return View("Audit", new AuditPageViewModel(events, page, pageCount, total));
    }
}
