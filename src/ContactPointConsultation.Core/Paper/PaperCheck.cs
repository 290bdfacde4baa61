namespace ContactPointConsultation.Core.Paper;

public enum PaperCheckStatus
{
    /// <summary>Drawn for checking; nobody has keyed it again yet.</summary>
    Waiting,

    /// <summary>Keyed again, and the two differ: waiting for the checker to say which is right.</summary>
    Differs,

    /// <summary>Keyed again, and the two said the same.</summary>
    Matched,

    /// <summary>The checker said which is right of each difference, and the response was corrected where the check was.</summary>
    Decided,
}

/// <summary>
/// An entered response drawn for a second person to key again blind from the paper (<see cref="PaperOptions.VerifyPercent"/>),
/// and what that found: the fields compared and, once decided, how many the first entry had wrong.
/// </summary>
public sealed class PaperCheck
{
    public long Id { get; set; }
    public long ResponseId { get; set; }

    /// <summary>Who entered the response: kept here, as the error rate is theirs even if the response is corrected or withdrawn.</summary>
    public string EnteredBy { get; set; } = "";

    public DateTime QueuedAt { get; set; }
    public PaperCheckStatus Status { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }

    /// <summary>What the checker keyed, as <see cref="EnteredValues"/> JSON, until it is decided.</summary>
    public string? Checked { get; set; }

    /// <summary>How many fields the two keyings compared.</summary>
    public int FieldsCompared { get; set; }

    /// <summary>How many of them differed.</summary>
    public int Differences { get; set; }

    /// <summary>Of those, how many the first entry had wrong, as the checker decided.</summary>
    public int Errors { get; set; }

    public DateTime? DecidedAt { get; set; }
}
