using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>/admin: what an admin can do, so the address an admin is most likely to type lands somewhere.</summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin")]
public sealed class AdminHomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View("AdminHome");
}
