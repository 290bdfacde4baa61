using ContactPointConsultation.Core.Analysis;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>The merge form, as posted: the theme to merge into, and the theme as the analyst read it.</summary>
public sealed class MergeInput
{
    /// <summary>A theme id, as the radios post it; checked before use.</summary>
    public string? Into { get; set; }

    public Guid Stamp { get; set; }

    public int? IntoId => int.TryParse(Into, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

public sealed class MergeInputValidator : AbstractValidator<MergeInput>
{
    public MergeInputValidator() =>
        RuleFor(i => i.Into).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Select the theme to merge it into")
            .Must((input, _) => input.IntoId is not null).WithMessage("Select a theme from the list");
}

/// <summary>The split form, as posted: the new theme's name and description, and the comments (by reference) that move to it.</summary>
public sealed class SplitInput
{
    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly string[] FieldOrder = [nameof(Name), nameof(Description), nameof(Comments)];

    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string> Comments { get; set; } = [];
    public Guid Stamp { get; set; }

    public ThemeText ToText() => new(Name ?? "", Description ?? "", "", "", "");
}

public sealed class SplitInputValidator : AbstractValidator<SplitInput>
{
    public SplitInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the new theme’s name")
            .Must(name => (name ?? "").Trim().Length <= AnalysisLimits.ThemeNameMaxLength)
            .WithMessage($"The new theme’s name must be {AnalysisLimits.ThemeNameMaxLength} characters or less");
        RuleFor(i => i.Description).MaximumLength(AnalysisLimits.ThemeTextMaxLength)
            .WithMessage($"The description must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less");
        RuleFor(i => i.Comments).NotEmpty().WithMessage("Select at least one comment to move to the new theme");
    }
}
