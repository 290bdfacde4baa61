using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContactPointConsultation.Web.Features.Safeguarding;

public sealed record FlagViewModel(string Reference, int QuestionNumber, FlagInput Input);

/// <summary>
/// Any member of staff reading a response can flag a comment that worries them. It joins the leads'
/// queue, is withheld from analysis until a lead decides, and the leads are emailed.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/responses/{reference}/questions/{questionNumber:int}/flag")]
public sealed class FlagController(SafeguardingReview review, IValidator<FlagInput> validator) : Controller
{
    [HttpGet("")]
    public IActionResult Show(string reference, int questionNumber) =>
        Known(reference, questionNumber) is not { } normalised
            ? NotFound()
            : View("Flag", new FlagViewModel(normalised, questionNumber, new FlagInput()));

    [HttpPost("")]
    public async Task<IActionResult> Flag(string reference, int questionNumber, FlagInput input, CancellationToken cancellationToken)
    {
        if (Known(reference, questionNumber) is not { } normalised)
        {
            return NotFound();
        }

        input ??= new FlagInput();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("Flag", new FlagViewModel(normalised, questionNumber, input));
        }

        if (!await review.FlagAsync(normalised, questionNumber, input.Reason!.Trim(), User.Identity?.Name ?? "unknown", HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flagged"] = questionNumber;
        return Redirect(StaffLinks.Response(normalised));
    }

    private static string? Known(string reference, int questionNumber)
    {
        var normalised = ReferenceCode.Normalise(reference);
        return normalised.Length == ReferenceCode.Length
            && questionNumber is >= ConsultationLimits.FirstQuestionNumber and <= ConsultationLimits.LastQuestionNumber
            ? normalised
            : null;
    }
}
