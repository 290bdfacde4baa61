using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>
/// One response as staff type it in, in the paper form's order: how it arrived, each question's tick and
/// comment, then About you. Everything is kept as typed, so a mistake is shown back as it was.
/// </summary>
public sealed class PaperEntryInput : ArrivalInput
{
    /// <summary>The radio for a question with no box ticked: a keyer can undo a wrong tick without a mouse.</summary>
    public const string NotTicked = "none";

    /// <summary>Each question's tick (yes, no, not-sure or none), by question number.</summary>
    public Dictionary<int, string?> Choice { get; set; } = [];

    /// <summary>Each question's comment as written, by question number.</summary>
    public Dictionary<int, string?> Comments { get; set; } = [];

    public string? AgeGroup { get; set; }
    public string? AnsweringAs { get; set; }

    /// <summary>Why this is a different response from the one already entered that it looks like.</summary>
    public string? DuplicateReason { get; set; }

    /// <summary>Made when the page is first shown: saving the same page twice stores one response.</summary>
    public Guid EntryKey { get; set; }

    /// <summary>The radios of a question: the three boxes of the paper form, then none of them.</summary>
    public static IReadOnlyList<(string Value, string Label)> ChoiceRadios { get; } = [.. AnswerOptions.Choices.Radios, (NotTicked, "None ticked")];

    /// <summary>The error for an entry, or a correction, that says the same as another in its batch.</summary>
    public static string LooksLikeMessage(string reference) => $"This looks like one you have already entered: {reference}";

    public static string ChoiceKey(int question) => EnteredValues.ChoiceKey(question);

    public static string CommentsKey(int question) => EnteredValues.CommentsKey(question);

    /// <summary>The fields in page order, for the error summary.</summary>
    public static string[] FieldOrder { get; } =
    [
        .. ArrivalFieldOrder,
        .. Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount).SelectMany(q => new[] { ChoiceKey(q), CommentsKey(q) }),
        nameof(AgeGroup), nameof(AnsweringAs), nameof(DuplicateReason),
    ];

    public string? ChoiceOf(int question) => Choice.GetValueOrDefault(question);

    public string? CommentsOf(int question) => TypedComment.Clean(Comments.GetValueOrDefault(question));

    public bool HasAnyAnswer() =>
        Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount)
            .Any(q => AnswerOptions.Choices.IsKnown(ChoiceOf(q)) || !string.IsNullOrWhiteSpace(CommentsOf(q)));

    /// <summary>What an entered response says now, as the entry page's fields, to be corrected.</summary>
    public static PaperEntryInput Of(ContactPointConsultation.Core.Data.Response response, int versionNumber)
    {
        ArgumentNullException.ThrowIfNull(response);
        var input = new PaperEntryInput
        {
            Choice = response.Answers.ToDictionary(a => a.QuestionNumber, a => (string?)(AnswerOptions.Choices.ValueOf(a.Choice) ?? NotTicked)),
            Comments = response.Answers.ToDictionary(a => a.QuestionNumber, a => a.Comments),
            AgeGroup = AnswerOptions.AgeGroups.ValueOf(response.AgeGroup) ?? NotTicked,
            AnsweringAs = AnswerOptions.AnsweringAs.ValueOf(response.AnsweringAs) ?? NotTicked,
        };
        input.Arrived(response.Channel, response.ReceivedOn, response.Batch, versionNumber);
        return input;
    }

    /// <summary>The checked entry, for the version with this id, whose questions in <paramref name="withChoice"/> have boxes to tick.</summary>
    public EnteredResponse ToEntry(int contentVersionId, IReadOnlySet<int> withChoice) => new(
        EntryKey,
        AnswerOptions.EnteredChannels.Parse(Channel)!.Value,
        Received.Date!.Value,
        string.IsNullOrWhiteSpace(Batch) ? null : Batch.Trim(),
        contentVersionId,
        AnswerOptions.AgeGroups.Parse(AgeGroup),
        AnswerOptions.AnsweringAs.Parse(AnsweringAs),
        [.. Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount)
            .Select(q => new EnteredAnswer(q, withChoice.Contains(q) ? AnswerOptions.Choices.Parse(ChoiceOf(q)) : null, CommentsOf(q)))])
    {
        DuplicateReason = string.IsNullOrWhiteSpace(DuplicateReason) ? null : DuplicateReason.Trim(),
    };
}

/// <summary>A published wording version a response may be entered against, and the day it opened (UK).</summary>
public sealed record EntryVersion(int Id, int Number, DateOnly OpenedOn)
{
    /// <summary>Every published version, oldest first: one query for entering, correcting and importing (<see cref="PaperImporting.VersionsAsync"/>).</summary>
    public static async Task<List<EntryVersion>> PublishedAsync(ContactPointConsultation.Core.Data.ConsultationDbContext db, CancellationToken cancellationToken) =>
        [.. (await PaperImporting.VersionsAsync(db, cancellationToken)).Select(v => new EntryVersion(v.Id, v.Number, v.OpenedOn))];
}

/// <summary>
/// The entry's rules. Built for each check with the published versions and today's date, since the date
/// received must fall between the day the version's consultation opened and today.
/// </summary>
public sealed class PaperEntryInputValidator : AbstractValidator<PaperEntryInput>
{
    public PaperEntryInputValidator(IReadOnlyList<EntryVersion> versions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Include(new ArrivalRules<PaperEntryInput>(versions, today, batchRequired: false));
        RuleFor(i => i).Custom((input, context) =>
        {
            for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
            {
                var choice = input.ChoiceOf(q);
                if (Ticked(choice) && !AnswerOptions.Choices.IsKnown(choice))
                {
                    context.AddFailure(PaperEntryInput.ChoiceKey(q), $"Select yes, no, not sure or none ticked for question {q}");
                }

                if (input.CommentsOf(q) is { Length: > ConsultationLimits.CommentMaxLength } comments)
                {
                    context.AddFailure(PaperEntryInput.CommentsKey(q),
                        $"The comments on question {q} must be {Display.Number(ConsultationLimits.CommentMaxLength)} characters or less. You have typed {Display.Number(comments.Length)}");
                }
            }

            if (!input.HasAnyAnswer())
            {
                context.AddFailure(PaperEntryInput.ChoiceKey(ConsultationLimits.FirstQuestionNumber), "Enter at least one answer or comment from the form");
            }
        });
        RuleFor(i => i.DuplicateReason).Must(r => r!.Trim().Length <= PaperLimits.DuplicateReasonMaxLength).When(i => i.DuplicateReason is not null)
            .WithMessage($"The reason must be {PaperLimits.DuplicateReasonMaxLength} characters or less");
        RuleFor(i => i.AgeGroup).Must(AnswerOptions.AgeGroups.IsKnown).When(i => Ticked(i.AgeGroup))
            .WithMessage("Select the age group ticked, or none ticked");
        RuleFor(i => i.AnsweringAs).Must(AnswerOptions.AnsweringAs.IsKnown).When(i => Ticked(i.AnsweringAs))
            .WithMessage("Select who it was answered as, or none ticked");
    }

    private static bool Ticked(string? value) => !string.IsNullOrEmpty(value) && value != PaperEntryInput.NotTicked;
}
