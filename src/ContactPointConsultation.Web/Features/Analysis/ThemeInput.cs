using ContactPointConsultation.Core.Analysis;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>A theme's form, as posted. Kept as typed, so a page with errors shows it again.</summary>
public sealed class ThemeInput
{
    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly string[] FieldOrder = [nameof(Name), nameof(Description), nameof(IncludeWhen), nameof(ExcludeWhen), nameof(Example)];

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? IncludeWhen { get; set; }
    public string? ExcludeWhen { get; set; }
    public string? Example { get; set; }

    /// <summary>The theme as the analyst read it: a change on top of someone else's is refused.</summary>
    public Guid Stamp { get; set; }

    /// <summary>Other and No reason given keep their names: their forms have no name field. Set from the theme, never posted.</summary>
    [BindNever]
    public bool NameFixed { get; set; }

    public static ThemeInput Of(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new()
        {
            Name = theme.Name,
            Description = theme.Description,
            IncludeWhen = theme.IncludeWhen,
            ExcludeWhen = theme.ExcludeWhen,
            Example = theme.Example,
            Stamp = theme.ConcurrencyStamp,
            NameFixed = theme.IsFixed,
        };
    }

    public ThemeText ToText() => new(Name ?? "", Description ?? "", IncludeWhen ?? "", ExcludeWhen ?? "", Example ?? "");
}

public sealed class ThemeInputValidator : AbstractValidator<ThemeInput>
{
    public ThemeInputValidator()
    {
        Unless(i => i.NameFixed, () => RuleFor(i => i.Name).NotEmpty().WithMessage("Enter the theme’s name")
            .Must(name => (name ?? "").Trim().Length <= AnalysisLimits.ThemeNameMaxLength)
            .WithMessage($"The theme’s name must be {AnalysisLimits.ThemeNameMaxLength} characters or less"));
        RuleFor(i => i.Description).MaximumLength(AnalysisLimits.ThemeTextMaxLength)
            .WithMessage($"The description must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less");
        RuleFor(i => i.IncludeWhen).MaximumLength(AnalysisLimits.ThemeTextMaxLength)
            .WithMessage($"When to use it must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less");
        RuleFor(i => i.ExcludeWhen).MaximumLength(AnalysisLimits.ThemeTextMaxLength)
            .WithMessage($"When not to use it must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less");
        RuleFor(i => i.Example).MaximumLength(AnalysisLimits.ThemeTextMaxLength)
            .WithMessage($"The example must be {AnalysisLimits.ThemeTextMaxLength:N0} characters or less");
    }
}
