namespace ContactPointConsultation.Web.Features.Respond;

public sealed record AnswerRow(int Number, int Position, string SectionTitle, string Question, string? Answer, string? Comments, bool HasChoice);

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
