namespace ContactPointConsultation.Core.Paper;

public static class PaperLimits
{
    /// <summary>A school's or a group's name, with room for a class: "St Mary's Primary, Year 6, Mrs Khan".</summary>
    public const int BatchMaxLength = 100;

    /// <summary>Why a response that looks like one already entered is a different one: a sentence or two.</summary>
    public const int DuplicateReasonMaxLength = 300;
}
