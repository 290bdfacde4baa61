namespace ContactPointConsultation.Core.Paper;

/// <summary>The "Paper" configuration section.</summary>
public sealed class PaperOptions
{
    public const string SectionName = "Paper";

    /// <summary>
    /// The share of entered responses, in percent, that a second person keys again to check them. Good practice
    /// in survey data entry is at least 10. Each entry is drawn at random with this chance, so nobody typing
    /// knows which of theirs will be checked. 0 turns checking off; 100 checks every one.
    /// </summary>
    public int VerifyPercent { get; set; } = 10;
}
