using System.Globalization;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Features.Shared;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Admin;

/// <summary>What an admin typed for one part: texts by field key, dates as GOV.UK day, month and year boxes.</summary>
public sealed class WordingInput
{
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> Day { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> Month { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> Year { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of the saved text this edit started from.</summary>
    public string? StartedFrom { get; set; }

    public static WordingInput From(ContentPart part, IReadOnlyDictionary<string, string> saved)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(saved);
        var input = new WordingInput { StartedFrom = part.Fingerprint(saved) };
        foreach (var field in part.Fields)
        {
            var value = saved.GetValueOrDefault(field.Key, "");
            if (field.Kind == ContentFieldKind.Date)
            {
                var uk = UkTime.FromUtc(ContentField.ParseDate(value));
                input.Day[field.Key] = uk.Day.ToString(CultureInfo.InvariantCulture);
                input.Month[field.Key] = uk.Month.ToString(CultureInfo.InvariantCulture);
                input.Year[field.Key] = uk.Year.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                input.Values[field.Key] = value;
            }
        }

        return input;
    }

    /// <summary>
    /// The values to save. A date whose day is unchanged keeps its saved time, so saving the
    /// introduction never nudges a closing time set to the second.
    /// </summary>
    public Dictionary<string, string> ToValues(ContentPart part, IReadOnlyDictionary<string, string> saved)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(saved);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in part.Fields)
        {
            if (field.Kind == ContentFieldKind.Date)
            {
                var day = DateOf(field.Key)!.Value;
                var was = saved.TryGetValue(field.Key, out var text) ? ContentField.ParseDate(text) : (DateTime?)null;
                values[field.Key] = was is { } time && DateOnly.FromDateTime(UkTime.FromUtc(time)) == day
                    ? text!
                    // The consultation opens at the start of a UK day and closes at the end of one.
                    : ContentField.FormatDate(field.Key == "ClosesAt" ? UkTime.EndOfDay(day) : UkTime.StartOfDay(day));
            }
            else
            {
                values[field.Key] = Clean(Values.GetValueOrDefault(field.Key), field.Kind);
            }
        }

        return values;
    }

    public DateParts DateParts(string key) => new(Day.GetValueOrDefault(key), Month.GetValueOrDefault(key), Year.GetValueOrDefault(key));

    public DateOnly? DateOf(string key) => DateParts(key).Date;

    /// <summary>What is wrong with a date's day, month and year boxes, in GOV.UK's words; null if it is a real date.</summary>
    public string? DateProblem(string key, string name) => DateParts(key).Problem("The " + name);

    /// <summary>Line breaks as "\n", no control characters, no stray spaces; one-line fields stay on one line.</summary>
    public static string Clean(string? text, ContentFieldKind kind)
    {
        var cleaned = (TypedComment.Clean(text) ?? "").Trim();
        return kind switch
        {
            ContentFieldKind.Line or ContentFieldKind.Paragraph =>
                string.Join(' ', cleaned.Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            ContentFieldKind.Glossary => Glossary.Tidy(cleaned),
            _ => cleaned,
        };
    }
}

public sealed class WordingInputValidator : AbstractValidator<WordingInput>
{
    public WordingInputValidator(ContentPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        foreach (var field in part.Fields.Where(f => f.Kind is not (ContentFieldKind.Date or ContentFieldKind.Glossary)))
        {
            var name = field.Label.ToLower(CultureInfo.InvariantCulture);
            RuleFor(i => WordingInput.Clean(i.Values.GetValueOrDefault(field.Key), field.Kind))
                .NotEmpty().WithMessage($"Enter the {name}")
                .IsAdminText(field.Label, field.MaxLength, markdown: field.Kind == ContentFieldKind.Markdown)
                .OverridePropertyName(field.Key);
        }

        // A glossary may be empty: then no page explains any word.
        foreach (var field in part.Fields.Where(f => f.Kind == ContentFieldKind.Glossary))
        {
            RuleFor(i => WordingInput.Clean(i.Values.GetValueOrDefault(field.Key), field.Kind))
                .IsAdminText(field.Label, field.MaxLength, markdown: false)
                .Must(text => Glossary.Problems(text).Count == 0).WithMessage((_, text) => Glossary.Problems(text)[0])
                .OverridePropertyName(field.Key);
        }

        if (part.Fields.Any(f => f.Key == "OpensAt"))
        {
            foreach (var (key, name) in new[] { ("OpensAt", "opening date"), ("ClosesAt", "closing date") })
            {
                RuleFor(i => i).Must(i => i.DateProblem(key, name) is null).WithMessage(i => i.DateProblem(key, name)).OverridePropertyName(key);
            }

            RuleFor(i => i.DateOf("ClosesAt"))
                .GreaterThanOrEqualTo(i => i.DateOf("OpensAt"))
                .When(i => i.DateOf("OpensAt") is not null && i.DateOf("ClosesAt") is not null)
                .WithMessage("The closing date must be the same as or after the opening date")
                .OverridePropertyName("ClosesAt");
        }
    }
}
