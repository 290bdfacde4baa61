namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// A sample of a question's tagged comments, drawn at random by an admin, for a second analyst to code
/// again without seeing the first coding, so the two can be compared.
/// </summary>
public sealed class CodingSample
{
    public int Id { get; set; }
    public int QuestionNumber { get; set; }

    /// <summary>The share of the tagged comments asked for, as a whole percentage.</summary>
    public int Percent { get; set; }

    public DateTime DrawnAt { get; set; }
    public string DrawnBy { get; set; } = "";
}

/// <summary>One comment in a sample: when the second analyst coded it, and when the two settled any disagreement.</summary>
public sealed class CodingSampleItem
{
    public long Id { get; set; }
    public int SampleId { get; set; }
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }
    public DateTime? SecondCodedAt { get; set; }
    public string? SecondCodedBy { get; set; }
    public DateTime? SettledAt { get; set; }
    public string? SettledBy { get; set; }
}

/// <summary>
/// A theme one of the two codings gave a sampled comment. The first coding is copied from the comment's
/// tags as the sample is drawn, so settling a disagreement later (by changing the tags) does not rewrite
/// the agreement that was measured. The second is kept here only: it never counts in the results.
/// </summary>
public sealed class CodingSampleTag
{
    public long ItemId { get; set; }
    public CodingRound Round { get; set; }
    public int ThemeId { get; set; }
    public string CodedBy { get; set; } = "";
}

public enum CodingRound
{
    First = 1,
    Second = 2,
}
