using ContactPointConsultation.Core;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// The respondent journey's addresses, each written once: controllers redirect to them and views link
/// to them from here, so a page that moves changes in one place.
/// </summary>
public static class RespondLinks
{
    public const string Start = "/";
    public const string AboutYou = "/about-you";
    public const string ChangeAboutYou = AboutYou + ChangeQuery;
    public const string CheckAnswers = "/check-answers";
    public const string SaveAndReturn = "/save-and-return";
    public const string Resume = "/resume";
    public const string Closed = "/closed";
    public const string Confirmation = "/confirmation";
    public const string YourAnswers = "/your-answers";
    public const string Finished = "/your-answers/finished";

    private const string ChangeQuery = "?change=true";

    /// <param name="change">Reached from a Change link on the check answers page, so it goes back there.</param>
    public static string Question(int number, bool change = false) =>
        $"/questions/{number}{(change ? ChangeQuery : "")}";

    public static string FirstQuestion => Question(ConsultationLimits.FirstQuestionNumber);

    public static string LastQuestion => Question(ConsultationLimits.LastQuestionNumber);

    /// <summary>The page before a question: the start page before the first.</summary>
    public static string BeforeQuestion(int number) =>
        number == ConsultationLimits.FirstQuestionNumber ? Start : Question(number - 1);

    /// <summary>The page after a question: About you after the last.</summary>
    public static string AfterQuestion(int number) =>
        number == ConsultationLimits.LastQuestionNumber ? AboutYou : Question(number + 1);
}
