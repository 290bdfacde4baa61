using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>
/// The printable form of one published wording version, with the versions to choose from. Without a form to
/// show (<see cref="Wording"/> null) the page shows the chooser and its error.
/// </summary>
public sealed record PaperFormViewModel(
    string? Version,
    IReadOnlyList<(string Value, string Label)> Versions,
    ConsultationContent? Wording,
    HtmlString IntroductionHtml,
    IReadOnlyDictionary<int, HtmlString> HelpHtml,
    string ContactEmail,
    DateTime ClosesAt);

/// <summary>
/// The consultation as a paper form, for schools, youth groups and children without a device: generated from a
/// published wording version, printed on A4 in black and white, or saved as a PDF from the browser's print.
/// Every page carries the version's number, from a stylesheet of page margins made for that version
/// (<see cref="Pages"/>), so a returned form is entered against the wording its child read.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/paper-form")]
public sealed class PaperFormController(ConsultationDbContext db, ContentCatalogue catalogue, GovUkMarkdown markdown, IOptions<PortalOptions> portal) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Form(string? version, CancellationToken cancellationToken)
    {
        var published = await db.ContentVersions.AsNoTracking().Where(v => v.State != ContentVersionState.Draft).OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.State }).ToListAsync(cancellationToken);
        var options = published.Select(v => (Number(v.Number), v.State == ContentVersionState.Live ? $"Version {v.Number} (live)" : $"Version {v.Number}")).ToList();
        var chosen = version is null
            ? published.FirstOrDefault(v => v.State == ContentVersionState.Live) ?? published.LastOrDefault()
            : published.FirstOrDefault(v => Number(v.Number) == version.Trim());
        if (chosen is null)
        {
            if (version is not null)
            {
                // A tampered or stale link: the chooser, with its error, rather than a form of the wrong wording.
                ModelState.AddModelError(nameof(PaperFormViewModel.Version), "Select a wording version from the list");
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return View(new PaperFormViewModel(version, options, null, HtmlString.Empty, new Dictionary<int, HtmlString>(), portal.Value.ContactEmail, default));
        }

        var wording = await catalogue.GetVersionAsync(chosen.Id, cancellationToken);
        return View(new PaperFormViewModel(
            Number(chosen.Number),
            options,
            wording,
            // Under the form's own headings: the consultation's name is an h2 and each question an h3.
            markdown.ToHtml(wording.Introduction, topLevel: 3),
            wording.Questions.ToDictionary(q => q.Number, q => markdown.ToHtml(q.HelpText, topLevel: 4)),
            portal.Value.ContactEmail,
            // The closing date young people are told online, which is the live version's, whichever version is printed.
            (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt));
    }

    /// <summary>
    /// The printed pages' size, margins and running footer for one version. It is a stylesheet of its own because
    /// the footer's words are the version's, and the Content-Security-Policy allows no inline style.
    /// </summary>
    [HttpGet("{number:int}/pages.css")]
    public async Task<IActionResult> Pages(int number, CancellationToken cancellationToken)
    {
        if (!await db.ContentVersions.AnyAsync(v => v.Number == number && v.State != ContentVersionState.Draft, cancellationToken))
        {
            return NotFound();
        }

        return Content(PaperFormPages.Stylesheet(number), "text/css");
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
