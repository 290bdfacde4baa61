using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Information;

public sealed record InformationViewModel(string ContactEmail, DateTime ClosesAt, int RetentionMonths, int SafeguardingRetentionMonths)
{
    public DateTime DeletedBy => ClosesAt.AddMonths(RetentionMonths);
}

/// <summary>Privacy notices, cookies, accessibility statement and contact details.</summary>
[AllowAnonymous]
public sealed class InformationController(
    IOptions<PortalOptions> portal,
    IOptions<ConsultationOptions> consultation,
    IOptions<SafeguardingOptions> safeguarding,
    ContentCatalogue catalogue) : Controller
{
    [HttpGet("privacy")]
    public Task<IActionResult> Privacy(CancellationToken cancellationToken) => PageAsync("Privacy", cancellationToken);

    [HttpGet("privacy/full")]
    public Task<IActionResult> PrivacyFull(CancellationToken cancellationToken) => PageAsync("PrivacyFull", cancellationToken);

    [HttpGet("cookies")]
    public Task<IActionResult> Cookies(CancellationToken cancellationToken) => PageAsync("Cookies", cancellationToken);

    [HttpGet("accessibility")]
    public Task<IActionResult> Accessibility(CancellationToken cancellationToken) => PageAsync("Accessibility", cancellationToken);

    [HttpGet("contact")]
    public Task<IActionResult> Contact(CancellationToken cancellationToken) => PageAsync("Contact", cancellationToken);

    private async Task<IActionResult> PageAsync(string view, CancellationToken cancellationToken)
    {
        var live = await catalogue.GetLiveAsync(cancellationToken);
        return View(view, new InformationViewModel(
            portal.Value.ContactEmail, live.ClosesAt, consultation.Value.RetentionMonths, safeguarding.Value.RetentionMonths));
    }
}
