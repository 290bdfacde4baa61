using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed class AboutYouInput
{
    public string? AgeGroup { get; set; }
    public string? AnsweringAs { get; set; }
}

public sealed class AboutYouInputValidator : AbstractValidator<AboutYouInput>
{
    public AboutYouInputValidator()
    {
        RuleFor(a => a.AgeGroup)
            .Must(AnswerOptions.AgeGroups.IsKnown).When(a => !string.IsNullOrEmpty(a.AgeGroup))
            .WithMessage("Select your age group, or select prefer not to say");
        RuleFor(a => a.AnsweringAs)
            .Must(AnswerOptions.AnsweringAs.IsKnown).When(a => !string.IsNullOrEmpty(a.AnsweringAs))
            .WithMessage("Select who you are answering as, or select prefer not to say");
    }
}

public sealed record AboutYouViewModel(AboutYouInput Input, string BackUrl, AboutYouContent Wording, HtmlString IntroductionHtml, int ShownVersion);

/// <summary>The optional "About you" page at the end of the questions.</summary>
[RequireOpenConsultation]
[Route("about-you")]
public sealed class AboutYouController(
    RespondentSession session,
    DraftStore drafts,
    GovUkMarkdown markdown,
    IValidator<AboutYouInput> validator,
    IAntiforgery antiforgery) : RespondentFormController(antiforgery)
{
    /// <summary>Above the page again after its answers were refused because the form was stale.</summary>
    public const string NotSavedMessage = "Your answers have not been saved yet. Check them, then select Continue.";

    [HttpGet("")]
    public async Task<IActionResult> Show(string? change, CancellationToken cancellationToken)
    {
        var draft = await session.FindDraftAsync(cancellationToken);
        var input = new AboutYouInput
        {
            AgeGroup = AnswerOptions.AgeGroups.ValueOf(draft?.AgeGroup),
            AnsweringAs = AnswerOptions.AnsweringAs.ValueOf(draft?.AnsweringAs),
        };
        return await PageAsync(input, change, shownVersion: null, cancellationToken);
    }

    [HttpPost("")]
    [EnableRateLimiting(WebSetup.FormRateLimit)]
    public async Task<IActionResult> Save(AboutYouInput input, string? change, string? shownVersion, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            // The form itself could not be read (a NUL byte, say): nothing to keep, nothing to save.
            return BadRequest();
        }
        if (!await FormTokenIsValidAsync())
        {
            ViewData["NotSavedMessage"] = NotSavedMessage;
            return await PageAsync(input, change, shownVersion, cancellationToken);
        }

        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return await PageAsync(input, change, shownVersion, cancellationToken);
        }

        if (await session.IsPreviewAsync(cancellationToken))
        {
            return Redirect(RespondLinks.CheckAnswers);
        }

        var content = await session.ContentAsync(shownVersion, cancellationToken);
        var draft = await session.FindOrStartDraftAsync(content.VersionId, cancellationToken);
        await drafts.SaveAboutYouAsync(
            draft, AnswerOptions.AgeGroups.Parse(input.AgeGroup), AnswerOptions.AnsweringAs.Parse(input.AnsweringAs), cancellationToken);
        return Redirect(RespondLinks.CheckAnswers);
    }

    private async Task<ViewResult> PageAsync(AboutYouInput input, string? change, string? shownVersion, CancellationToken cancellationToken)
    {
        var content = await session.ContentAsync(shownVersion, cancellationToken);
        var wording = content.AboutYou;
        return View("AboutYou", new AboutYouViewModel(input, BackUrl(ChangeLink.IsChange(change)), wording, markdown.ToHtml(wording.Introduction), content.VersionId));
    }

    private static string BackUrl(bool change) => change ? RespondLinks.CheckAnswers : RespondLinks.LastQuestion;
}
