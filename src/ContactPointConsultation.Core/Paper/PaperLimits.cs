namespace ContactPointConsultation.Core.Paper;

public static class PaperLimits
{
    /// <summary>A school's or a group's name, with room for a class: "St Mary's Primary, Year 6, Mrs Khan".</summary>
    public const int BatchMaxLength = 100;
}
