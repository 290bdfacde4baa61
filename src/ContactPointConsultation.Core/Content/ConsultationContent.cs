namespace ContactPointConsultation.Core.Content;

/// <summary>An immutable snapshot of one content version, as respondents see it.</summary>
public sealed record ConsultationContent(
    int VersionId,
    int VersionNumber,
    string ConsultationName,
    string Introduction,
    IReadOnlyList<QuestionContent> Questions)
{
    public QuestionContent? Find(int number) =>
        number is >= ConsultationLimits.FirstQuestionNumber and <= ConsultationLimits.LastQuestionNumber
            ? Questions[number - ConsultationLimits.FirstQuestionNumber]
            : null;
}

/// <param name="Position">1-based position in the journey, for "Question 1 of 11".</param>
public sealed record QuestionContent(
    int Number,
    int Position,
    string SectionTitle,
    string Question,
    string HelpText,
    string CommentPrompt,
    bool HasChoice);
