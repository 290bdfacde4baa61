using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed class ResumeInput
{
    public string? Code { get; set; }
}

public sealed class ResumeInputValidator : AbstractValidator<ResumeInput>
{
    public ResumeInputValidator() =>
        RuleFor(r => r.Code).NotEmpty().WithMessage("Enter your code");
}

public sealed record ResumeCodeViewModel(string? Code, DateTime KeptUntil, string ContinueUrl);

/// <summary>
/// "Save and come back later": a code that finds the draft again on any device, with no email needed.
/// Only a hash of the code is stored, so it is shown once.
/// </summary>
[AllowAnonymous]
[RequireOpenConsultation]
public sealed class SaveAndReturnController(
    RespondentSession session,
    DraftStore drafts,
    IValidator<ResumeInput> validator) : Controller
{
    public const string CodeKey = "ResumeCode";
    public const string ReturnToKey = "ResumeReturnTo";
    public const string ResumedKey = "Resumed";
    public const string CodeNotFoundMessage = "We could not find any answers for that code. Check the code and try again";

    [HttpGet("save-and-return")]
    public async Task<IActionResult> Show(CancellationToken cancellationToken)
    {
        var draft = await session.FindDraftAsync(cancellationToken);
        if (draft is null)
        {
            return Redirect(RespondLinks.Start);
        }

        var code = TempData[CodeKey] as string;
        var continueUrl = TempData[ReturnToKey] as string is { } url && Url.IsLocalUrl(url) ? url : RespondLinks.CheckAnswers;
        return View("SaveAndReturn", new ResumeCodeViewModel(FormatCode(code), draft.ExpiresAt, continueUrl));
    }

    [HttpPost("save-and-return")]
    [EnableRateLimiting(WebSetup.FormRateLimit)]
    public async Task<IActionResult> NewCode(CancellationToken cancellationToken)
    {
        var draft = await session.FindDraftAsync(cancellationToken);
        if (draft is null)
        {
            return Redirect(RespondLinks.Start);
        }

        TempData[CodeKey] = await drafts.CreateResumeCodeAsync(draft, cancellationToken);
        return RedirectToAction(nameof(Show));
    }

    [HttpGet("resume")]
    public IActionResult Resume() => View("Resume", new ResumeInput());

    [HttpPost("resume")]
    [EnableRateLimiting(WebSetup.ResumeRateLimit)]
    public async Task<IActionResult> Resume(ResumeInput input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            // The form itself could not be read (a NUL byte, say): nothing to keep, nothing to save.
            return BadRequest();
        }
        if (await session.IsPreviewAsync(cancellationToken))
        {
            // An admin previewing must not take over a young person's saved answers.
            return Redirect(RespondLinks.CheckAnswers);
        }

        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return View("Resume", input);
        }

        if (await drafts.ResumeAsync(input.Code, cancellationToken) is not { } resumed)
        {
            ModelState.AddModelError(nameof(ResumeInput.Code), CodeNotFoundMessage);
            return View("Resume", input);
        }

        session.AdoptDraft(resumed.Draft, resumed.Token);
        TempData[ResumedKey] = true;
        return Redirect(RespondLinks.CheckAnswers);
    }

    /// <summary>Shown in two halves, "ABCDE-FGHJK", so it is easier to read out and copy.</summary>
    private static string? FormatCode(string? code) =>
        code is { Length: DraftStore.ResumeCodeLength } ? $"{code[..5]}-{code[5..]}" : code;
}
