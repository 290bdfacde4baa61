using ContactPointConsultation.Web.Features.Safeguarding;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>
/// /admin: what an admin can do, so the address an admin is most likely to type lands somewhere, and
/// a warning when flagged comments cannot reach a safeguarding lead.
/// </summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin")]
public sealed class AdminHomeController(SafeguardingReadiness readiness) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("AdminHome", await readiness.CheckAsync(cancellationToken));
}
