using System.Globalization;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>The form an admin draws a sample with: the share of the question's tagged comments to code again.</summary>
public sealed class DrawSampleInput
{
    /// <summary>As typed, so a mistake is shown back as it was; "10" and "10%" both mean ten per cent.</summary>
    public string? Percent { get; set; }

    public int? Value => int.TryParse(Percent?.Trim().TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class DrawSampleInputValidator : AbstractValidator<DrawSampleInput>
{
    public DrawSampleInputValidator() =>
        RuleFor(i => i.Percent).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the percentage of tagged comments to code again")
            .Must((input, _) => input.Value is not null).WithMessage("Percentage must be a whole number, like 10")
            .Must((input, _) => input.Value is >= 1 and <= 100).WithMessage("Percentage must be between 1 and 100");
}
