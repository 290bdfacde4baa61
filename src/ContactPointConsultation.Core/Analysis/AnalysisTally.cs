using ContactPointConsultation.Core.Results;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// How many of one question's comments, of one kind of response, analysts may read, and how many of those
/// are tagged: the share tagged is summed from these (<see cref="AnalysisTallies"/>).
/// </summary>
public sealed class CommentTally : ITallied
{
    public int QuestionNumber { get; set; }
    public DateOnly Day { get; set; }
    public int ContentVersionId { get; set; }
    public string AgeGroup { get; set; } = ResultTally.NotGiven;
    public string AnsweringAs { get; set; } = ResultTally.NotGiven;
    public int Comments { get; set; }
    public int Tagged { get; set; }
}

/// <summary>
/// How many comments analysts may read, of one kind of response and one answer to the question, have one
/// theme: the theme tables are summed from these (<see cref="AnalysisTallies"/>).
/// </summary>
public sealed class ThemeTally : ITallied
{
    public int QuestionNumber { get; set; }
    public int ThemeId { get; set; }
    public DateOnly Day { get; set; }
    public int ContentVersionId { get; set; }
    public string AgeGroup { get; set; } = ResultTally.NotGiven;
    public string AnsweringAs { get; set; } = ResultTally.NotGiven;

    /// <summary>The comment's answer to the question (<see cref="ResultTally.KeyOf(Data.Choice?)"/>).</summary>
    public string Choice { get; set; } = ResultTally.NotGiven;
    public int Count { get; set; }
}
