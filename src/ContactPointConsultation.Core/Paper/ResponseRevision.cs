namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// One correction of an entered response: what it said before and after, whole, as JSON
/// (<see cref="EnteredValues"/>). The words are kept here, beside the response and deleted with it, not in the
/// audit log, which never holds what a child wrote; the audit row names this revision and the fields it changed.
/// </summary>
public sealed class ResponseRevision
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public DateTime RevisedAt { get; set; }
    public string RevisedBy { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
}
