using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Web.Features.Admin;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Outcome;

/// <summary>What an admin typed on one part's page, by field key.</summary>
public sealed class OutcomePartInput
{
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of the saved texts this edit started from.</summary>
    public string? StartedFrom { get; set; }

    public static OutcomePartInput From(OutcomePart part, IReadOnlyDictionary<string, string> saved)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(saved);
        return new OutcomePartInput
        {
            StartedFrom = OutcomePart.Fingerprint(saved),
            Values = part.Fields.ToDictionary(f => f.Key, f => (string?)saved[f.Key], StringComparer.Ordinal),
        };
    }

    /// <summary>The texts to save, cleaned as the wording's are: line breaks as "\n", no control characters, trimmed.</summary>
    public Dictionary<string, string> ToValues(OutcomePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Fields.ToDictionary(f => f.Key, f => Text(f.Key), StringComparer.Ordinal);
    }

    public string Text(string key) => WordingInput.Clean(Values.GetValueOrDefault(key), Core.Content.ContentFieldKind.Markdown);
}

/// <summary>
/// Every box may be left empty while the outcome is a draft; publishing says what is still to write. What is
/// written must be text the public page can show.
/// </summary>
public sealed class OutcomePartInputValidator : AbstractValidator<OutcomePartInput>
{
    public OutcomePartInputValidator(OutcomePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        foreach (var field in part.Fields)
        {
            RuleFor(i => i.Text(field.Key))
                .IsAdminText(field.Label, OutcomeLimits.TextMaxLength, markdown: true)
                // The page puts each text under its own heading; one of the text's own would break their order.
                .Must(text => !GovUkMarkdown.HasHeadings(text)).WithMessage($"{field.Label} must not have headings. The page gives it one")
                .OverridePropertyName(field.Key);
        }
    }
}

/// <summary>A reference number typed to see what happened about the questions its response answered.</summary>
public sealed class OutcomeCheckInput
{
    public string? Reference { get; set; }
}

public sealed class OutcomeCheckInputValidator : AbstractValidator<OutcomeCheckInput>
{
    public const string EnterMessage = "Enter your reference number";
    public const string FormatMessage = "Your reference number has 8 letters and numbers, like HXK3 7PWT";

    public OutcomeCheckInputValidator()
    {
        RuleFor(i => i.Reference)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(EnterMessage)
            .Must(typed => ReferenceCode.Normalise(typed).Length == ReferenceCode.Length).WithMessage(FormatMessage);
    }
}
