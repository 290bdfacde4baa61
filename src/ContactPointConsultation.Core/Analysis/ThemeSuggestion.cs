namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// A theme the suggestions job ranked for a comment. Kept apart from the tags: it is shown to the analyst
/// as a suggestion, never ticked for them, and counts for nothing until they tick it themselves.
/// </summary>
public sealed class ThemeSuggestion
{
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }

    /// <summary>1 for the best theme.</summary>
    public int Rank { get; set; }

    public int ThemeId { get; set; }
    public double Score { get; set; }

    /// <summary>Suggested, not only ranked: the best theme, or close enough to it (<see cref="ThemeSuggester.Margin"/>).</summary>
    public bool Suggested { get; set; }
}

/// <summary>
/// A comment the suggestions job has read, against which version of its question's codebook, and how well
/// its best theme fitted. A comment with no row, or a row for an older codebook, is waiting for the job.
/// </summary>
public sealed class SuggestedComment
{
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }

    /// <summary>The codebook the suggestions were made from (<see cref="ThemeSuggestions.CodebookKey"/>).</summary>
    public string CodebookKey { get; set; } = "";

    public double BestScore { get; set; }
    public DateTime SuggestedAt { get; set; }
}
