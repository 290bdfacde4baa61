using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Features.Shared;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>How responses arrived, as typed on the entry page or chosen for a whole spreadsheet.</summary>
public interface IArrivalInput
{
    string? Channel { get; }
    DateParts Received { get; }
    string? Batch { get; }

    /// <summary>The wording version's number, as printed on the form.</summary>
    string? Version { get; }

    /// <summary>The version's number as typed, if it is one.</summary>
    static int? NumberOf(string? version) =>
        int.TryParse(version?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>
/// The rules for how responses arrived, one home for entering one and importing many: a channel other than online,
/// a published wording version, a real date received between the day that version opened and today, and a batch
/// no longer than its limit (which a spreadsheet must have).
/// </summary>
public sealed class ArrivalRules<T> : AbstractValidator<T>
    where T : IArrivalInput
{
    public ArrivalRules(IReadOnlyList<EntryVersion> versions, DateOnly today, bool batchRequired)
    {
        ArgumentNullException.ThrowIfNull(versions);
        RuleFor(i => i.Channel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select how the response arrived")
            .Must(AnswerOptions.EnteredChannels.IsKnown).WithMessage("Select paper, email, letter or event");
        RuleFor(i => i.Version).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select the wording version printed on the form")
            .Must(version => versions.Any(v => v.Number == IArrivalInput.NumberOf(version))).WithMessage("Select a wording version from the list");
        RuleFor(i => i.Received).Custom((date, context) =>
        {
            var version = versions.FirstOrDefault(v => v.Number == IArrivalInput.NumberOf(context.InstanceToValidate.Version));
            if (date.Problem("The date received") is { } problem)
            {
                context.AddFailure(date.ErrorKey(nameof(IArrivalInput.Received)), problem);
            }
            else if (date.Date > today)
            {
                context.AddFailure(nameof(IArrivalInput.Received), "The date received must be today or in the past");
            }
            else if (version is not null && date.Date < version.OpenedOn)
            {
                context.AddFailure(nameof(IArrivalInput.Received), $"The date received must be on or after {Display.Date(version.OpenedOn)}, when the consultation opened");
            }
        });
        if (batchRequired)
        {
            RuleFor(i => i.Batch).NotEmpty().WithMessage("Enter the batch, such as the school or group the file came from");
        }

        RuleFor(i => i.Batch).MaximumLength(PaperLimits.BatchMaxLength)
            .WithMessage($"The batch must be {PaperLimits.BatchMaxLength} characters or less");
    }
}
