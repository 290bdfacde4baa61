namespace ContactPointConsultation.Core;

public static class ConsultationLimits
{
    /// <summary>Counted as the on-page character count counts: UTF-16 units, with a line break as one.</summary>
    public const int CommentMaxLength = 5000;
    public const int FirstQuestionNumber = 2;
    public const int LastQuestionNumber = 12;
    public const int QuestionCount = LastQuestionNumber - FirstQuestionNumber + 1;
}
