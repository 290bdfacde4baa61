using ContactPointConsultation.Web.Features.Safeguarding;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Admin;

/// <param name="KeysUnprotected">In production, the Data Protection keys are in the database in clear.</param>
public sealed record AdminHomeViewModel(SafeguardingReadinessReport Safeguarding, bool KeysUnprotected);

/// <summary>
/// /admin: what an admin can do, so the address an admin is most likely to type lands somewhere, a warning
/// when flagged comments cannot reach a safeguarding lead, and one when, in production, the keys that sign staff
/// cookies are stored unencrypted.
/// </summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin")]
public sealed class AdminHomeController(SafeguardingReadiness readiness, IHostEnvironment environment, IOptions<KeyProtectionOptions> keys) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("AdminHome", new AdminHomeViewModel(
            await readiness.CheckAsync(cancellationToken),
            KeysUnprotected: environment.IsProduction() && !keys.Value.IsProtected));
}
