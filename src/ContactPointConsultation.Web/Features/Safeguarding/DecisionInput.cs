using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Web.Features.Shared;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>The decision form, as posted. Kept as typed, so a page with errors shows it again.</summary>
public sealed class DecisionInput
{
    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly string[] FieldOrder =
        [nameof(Outcome), nameof(Organisation), nameof(Role), nameof(SharedOn), "SharedOn:month", "SharedOn:year", nameof(WhatWasShared), nameof(WhyShared), nameof(Notes), nameof(Release), nameof(RedactedText)];

    public string? Outcome { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public string? SharedOnDay { get; set; }
    public string? SharedOnMonth { get; set; }
    public string? SharedOnYear { get; set; }
    public string? WhatWasShared { get; set; }
    public string? WhyShared { get; set; }
    public string? Notes { get; set; }
    public string? Release { get; set; }
    public string? RedactedText { get; set; }

    /// <summary>The item as the lead saw it: a decision on top of one they have not seen is refused.</summary>
    public Guid Stamp { get; set; }

    public DateParts SharedOn => new(SharedOnDay, SharedOnMonth, SharedOnYear);

    public bool Shared => SafeguardingChoices.Outcomes.Parse(Outcome) == SafeguardingOutcome.ConcernShared;

    public DecisionRecord ToRecord() => new(
        SafeguardingChoices.Outcomes.Parse(Outcome)!.Value,
        Clean(Organisation),
        Clean(Role),
        SharedOn.Date,
        Clean(WhatWasShared),
        Clean(WhyShared),
        Clean(Notes),
        SafeguardingChoices.Releases.Parse(Release)!.Value,
        Clean(RedactedText));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Checks a decision. Sharing needs the whole record the DfE's information-sharing rules ask for: with
/// whom (organisation and role), when, what and why. The date cannot be in the future.
/// </summary>
public sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.Outcome).Must(SafeguardingChoices.Outcomes.IsKnown).WithMessage("Select what you decided");
        When(i => i.Shared, () =>
        {
            RuleFor(i => i.Organisation).NotEmpty().WithMessage("Enter the organisation you shared information with");
            RuleFor(i => i.Role).NotEmpty().WithMessage("Enter the role of the person you shared information with");
            RuleFor(i => i.SharedOn).Custom((date, context) =>
            {
                if (date.Problem("The date you shared information") is { } problem)
                {
                    context.AddFailure(date.ErrorKey(nameof(DecisionInput.SharedOn)), problem);
                }
                else if (date.Date > Core.UkTime.Today(clock))
                {
                    context.AddFailure(nameof(DecisionInput.SharedOn), "The date you shared information must be today or in the past");
                }
            });
            RuleFor(i => i.WhatWasShared).NotEmpty().WithMessage("Enter what you shared");
            RuleFor(i => i.WhyShared).NotEmpty().WithMessage("Enter why you shared it");
        });
        RuleFor(i => i.Organisation).MaximumLength(SafeguardingLimits.OrganisationMaxLength)
            .WithMessage($"The organisation must be {SafeguardingLimits.OrganisationMaxLength} characters or less");
        RuleFor(i => i.Role).MaximumLength(SafeguardingLimits.RoleMaxLength)
            .WithMessage($"The role must be {SafeguardingLimits.RoleMaxLength} characters or less");
        RuleFor(i => i.WhatWasShared).MaximumLength(SafeguardingLimits.SharedTextMaxLength)
            .WithMessage($"What you shared must be {SafeguardingLimits.SharedTextMaxLength:N0} characters or less");
        RuleFor(i => i.WhyShared).MaximumLength(SafeguardingLimits.SharedTextMaxLength)
            .WithMessage($"Why you shared it must be {SafeguardingLimits.SharedTextMaxLength:N0} characters or less");
        RuleFor(i => i.Notes).MaximumLength(SafeguardingLimits.NotesMaxLength)
            .WithMessage($"Notes must be {SafeguardingLimits.NotesMaxLength:N0} characters or less");
        RuleFor(i => i.Release).Must(SafeguardingChoices.Releases.IsKnown).WithMessage("Select what analysts can read");
        When(i => SafeguardingChoices.Releases.Parse(i.Release) == SafeguardingRelease.Redacted, () =>
            RuleFor(i => i.RedactedText).NotEmpty().WithMessage("Enter the redacted copy of the comment"));
        RuleFor(i => i.RedactedText).MaximumLength(Core.ConsultationLimits.CommentMaxLength)
            .WithMessage($"The redacted copy must be {Core.ConsultationLimits.CommentMaxLength:N0} characters or less");
    }
}

/// <summary>A staff member's reason for flagging a comment.</summary>
public sealed class FlagInput
{
    public string? Reason { get; set; }
}

public sealed class FlagInputValidator : AbstractValidator<FlagInput>
{
    public FlagInputValidator()
    {
        RuleFor(i => i.Reason).NotEmpty().WithMessage("Enter why this comment worries you")
            .MaximumLength(SafeguardingLimits.ReasonMaxLength).WithMessage($"The reason must be {SafeguardingLimits.ReasonMaxLength:N0} characters or less");
    }
}
