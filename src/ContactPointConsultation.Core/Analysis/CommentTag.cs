namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// One theme on one comment (a response's answer to one question), as an analyst ticked it. Removing a tag
/// deletes the row and audits who had added it and when; withdrawing the response takes its tags with it.
/// </summary>
public sealed class CommentTag
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }
    public int ThemeId { get; set; }
    public DateTime TaggedAt { get; set; }
    public string TaggedBy { get; set; } = "";
}

/// <summary>A note an analyst left on a comment as they tagged it. Notes are added, never changed, so two analysts' notes both stay.</summary>
public sealed class CommentNote
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }
    public string Text { get; set; } = "";
    public DateTime WrittenAt { get; set; }
    public string WrittenBy { get; set; } = "";
}
