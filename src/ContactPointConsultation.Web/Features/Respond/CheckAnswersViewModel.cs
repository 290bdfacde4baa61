using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed record AnswerRow(int Number, int Position, string SectionTitle, string Question, string? Answer, string? Comments, bool HasChoice)
{
    /// <summary>Every question of the wording, with its answer if there is one: a draft's, or a sent response's.</summary>
    public static List<AnswerRow> For(ConsultationContent content, Func<int, (Choice? Choice, string? Comments)?> answerTo)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(answerTo);
        return [.. content.Questions.Select(q =>
        {
            var answer = answerTo(q.Number);
            return new AnswerRow(q.Number, q.Position, q.SectionTitle, q.Question,
                AnswerOptions.Choices.LabelOf(answer?.Choice), answer?.Comments, q.HasChoice);
        })];
    }
}

public sealed class CheckAnswersViewModel
{
    public required IReadOnlyList<AnswerRow> Rows { get; init; }
    public required string? AgeGroup { get; init; }
    public required string? AnsweringAs { get; init; }
    public required Guid SubmissionKey { get; init; }
    public bool JustResumed { get; init; }
    public bool IsPreview { get; init; }
}

public sealed record ConfirmationViewModel(string Reference);
