using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>What one question page posts. Both parts are optional: answering is voluntary.</summary>
public sealed class AnswerInput
{
    public string? Answer { get; set; }
    public string? Comments { get; set; }
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator()
    {
        RuleFor(a => a.Answer)
            .Must(AnswerOptions.Choices.IsKnown).When(a => !string.IsNullOrEmpty(a.Answer))
            .WithMessage("Select yes, no or not sure");
        RuleFor(a => a.Comments)
            .MaximumLength(ConsultationLimits.CommentMaxLength)
            .WithMessage($"Comments must be {Display.Number(ConsultationLimits.CommentMaxLength)} characters or less");
    }
}
