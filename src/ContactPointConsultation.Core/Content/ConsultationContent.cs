using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Content;

/// <summary>An immutable snapshot of one content version, as respondents see it.</summary>
public sealed record ConsultationContent(
    int VersionId,
    int VersionNumber,
    ContentVersionState State,
    string ConsultationName,
    string Introduction,
    DateTime OpensAt,
    DateTime ClosesAt,
    AboutYouContent AboutYou,
    IReadOnlyList<QuestionContent> Questions)
{
    /// <summary>The glossary's words used in the introduction, explained on the start page.</summary>
    public IReadOnlyList<GlossaryEntry> IntroductionWords { get; init; } = [];

    public QuestionContent? Find(int number) =>
        number is >= ConsultationLimits.FirstQuestionNumber and <= ConsultationLimits.LastQuestionNumber
            ? Questions[number - ConsultationLimits.FirstQuestionNumber]
            : null;

    public bool IsOpenAt(DateTimeOffset now) => now.UtcDateTime >= OpensAt && now.UtcDateTime < ClosesAt;
}

/// <param name="Position">1-based position in the journey, for "Question 1 of 11".</param>
public sealed record QuestionContent(
    int Number,
    int Position,
    string SectionTitle,
    string Question,
    string HelpText,
    string CommentPrompt,
    bool HasChoice)
{
    /// <summary>The glossary's words used on this question's page, explained under its help panel.</summary>
    public IReadOnlyList<GlossaryEntry> Words { get; init; } = [];
}

/// <summary>The optional "About you" page. Labels are keyed by the option's fixed value.</summary>
public sealed record AboutYouContent(
    string Introduction,
    string AgeGroupQuestion,
    IReadOnlyDictionary<string, string> AgeGroupLabels,
    string AnsweringAsQuestion,
    IReadOnlyDictionary<string, string> AnsweringAsLabels);

/// <summary>The "About you" questions whose option labels are stored per version.</summary>
public static class AboutYouFields
{
    public const string AgeGroup = "AgeGroup";
    public const string AnsweringAs = "AnsweringAs";
}
