using ContactPointConsultation.Core;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Information;

public sealed record InformationViewModel(string ContactEmail, DateTime ClosesAt, int RetentionMonths)
{
    public DateTime DeletedBy => ClosesAt.AddMonths(RetentionMonths);
}

/// <summary>Privacy notices, cookies, accessibility statement and contact details.</summary>
[AllowAnonymous]
public sealed class InformationController(IOptions<PortalOptions> portal, IOptions<ConsultationOptions> consultation) : Controller
{
    [HttpGet("privacy")]
    public IActionResult Privacy() => Page("Privacy", "Privacy: how we look after your answers");

    [HttpGet("privacy/full")]
    public IActionResult PrivacyFull() => Page("PrivacyFull", "Privacy notice");

    [HttpGet("cookies")]
    public IActionResult Cookies() => Page("Cookies", "Cookies");

    [HttpGet("accessibility")]
    public IActionResult Accessibility() => Page("Accessibility", "Accessibility statement");

    [HttpGet("contact")]
    public IActionResult Contact() => Page("Contact", "Contact us");

    private ViewResult Page(string view, string title)
    {
        ViewData["Title"] = title;
        return View(view, new InformationViewModel(
            portal.Value.ContactEmail, consultation.Value.ClosesAt, consultation.Value.RetentionMonths));
    }
}
