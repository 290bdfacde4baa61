using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Features.Shared;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>How responses arrived, as typed on the entry page or chosen for a whole spreadsheet, kept as typed.</summary>
public abstract class ArrivalInput
{
    public string? Channel { get; set; }
    public string? ReceivedDay { get; set; }
    public string? ReceivedMonth { get; set; }
    public string? ReceivedYear { get; set; }
    public string? Batch { get; set; }

    /// <summary>The wording version's number, as printed on the form.</summary>
    public string? Version { get; set; }

    public DateParts Received => new(ReceivedDay, ReceivedMonth, ReceivedYear);

    /// <summary>The version's number as typed, if it is one.</summary>
    public int? VersionNumber => int.TryParse(Version?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The fields of how it arrived, in page order, for the error summary.</summary>
    public static IReadOnlyList<string> ArrivalFieldOrder { get; } =
        [nameof(Channel), nameof(Received), "Received:month", "Received:year", nameof(Batch), nameof(Version)];

    /// <summary>Fills these fields from how a response, or a file of them, arrived.</summary>
    public void Arrived(ResponseChannel channel, DateOnly? receivedOn, string? batch, int versionNumber)
    {
        Channel = AnswerOptions.EnteredChannels.ValueOf(channel);
        ReceivedDay = receivedOn?.Day.ToString(CultureInfo.InvariantCulture);
        ReceivedMonth = receivedOn?.Month.ToString(CultureInfo.InvariantCulture);
        ReceivedYear = receivedOn?.Year.ToString(CultureInfo.InvariantCulture);
        Batch = batch;
        Version = versionNumber.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The rules for how responses arrived, one home for entering one and importing many: a channel other than online,
/// a published wording version, a real date received between the day that version opened and today, and a batch
/// no longer than its limit (which a spreadsheet must have).
/// </summary>
public sealed class ArrivalRules<T> : AbstractValidator<T>
    where T : ArrivalInput
{
    public ArrivalRules(IReadOnlyList<EntryVersion> versions, DateOnly today, bool batchRequired)
    {
        ArgumentNullException.ThrowIfNull(versions);
        RuleFor(i => i.Channel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select how the response arrived")
            .Must(AnswerOptions.EnteredChannels.IsKnown).WithMessage("Select paper, email, letter or event");
        RuleFor(i => i.Version).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select the wording version printed on the form")
            .Must((input, _) => versions.Any(v => v.Number == input.VersionNumber)).WithMessage("Select a wording version from the list");
        RuleFor(i => i.Received).Custom((date, context) =>
        {
            var version = versions.FirstOrDefault(v => v.Number == context.InstanceToValidate.VersionNumber);
            if (date.Problem("The date received") is { } problem)
            {
                context.AddFailure(date.ErrorKey(nameof(ArrivalInput.Received)), problem);
            }
            else if (date.Date > today)
            {
                context.AddFailure(nameof(ArrivalInput.Received), "The date received must be today or in the past");
            }
            else if (version is not null && date.Date < version.OpenedOn)
            {
                context.AddFailure(nameof(ArrivalInput.Received), $"The date received must be on or after {Display.Date(version.OpenedOn)}, when the consultation opened");
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
