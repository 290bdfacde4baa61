using ContactPointConsultation.Core;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>The respondent journey's addresses, each written once.</summary>
public static class RespondLinks
{
    public const string Start = "/";
    public const string AboutYou = "/about-you";
    public const string CheckAnswers = "/check-answers";

    public static string Question(int number, bool change = false) =>
        change ? $"/questions/{number}?change=true" : $"/questions/{number}";

    /// <summary>The page before a question: the start page before the first.</summary>
    public static string BeforeQuestion(int number) =>
        number == ConsultationLimits.FirstQuestionNumber ? Start : Question(number - 1);

    /// <summary>The page after a question: About you after the last.</summary>
    public static string AfterQuestion(int number) =>
        number == ConsultationLimits.LastQuestionNumber ? AboutYou : Question(number + 1);
}
