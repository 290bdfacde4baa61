namespace ContactPointConsultation.Core.Outcomes;

/// <summary>
/// One version of "You said, we did": what the consultation changed, told back to the young people who took part.
/// Like the wording, it is edited as a draft, and each publish makes a new version that never changes again; the
/// one published last is the one shown.
/// </summary>
public sealed class OutcomeVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public OutcomeState State { get; set; }

    /// <summary>The overall summary, in Markdown, and its easy-read version for young readers.</summary>
    public string Summary { get; set; } = "";
    public string SummaryEasyRead { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>
    /// At publication: the wording version whose questions were asked, and how many responses there were. The
    /// counts are kept as they were, so a response withdrawn later does not change what was published.
    /// </summary>
    public int? ContentVersionId { get; set; }
    public int? Responses { get; set; }

    /// <summary>Changes with every save, so an admin publishes exactly the draft they looked at.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<OutcomeQuestion> Questions { get; set; } = [];

    public OutcomeQuestion? Question(int number) => Questions.Find(q => q.QuestionNumber == number);
}

/// <summary>What we asked, what you said and what we did, for one question.</summary>
public sealed class OutcomeQuestion
{
    public int Id { get; set; }
    public int OutcomeVersionId { get; set; }
    public int QuestionNumber { get; set; }

    /// <summary>The question's title and wording when the outcome was published (empty in a draft).</summary>
    public string SectionTitle { get; set; } = "";
    public string WhatWeAsked { get; set; } = "";

    /// <summary>The Yes, No and Not sure counts at publication; null for a question with no choice, and in a draft.</summary>
    public int? Yes { get; set; }
    public int? No { get; set; }
    public int? NotSure { get; set; }

    /// <summary>Markdown: the themes people raised, filled in from the confirmed themes and edited.</summary>
    public string WhatYouSaid { get; set; } = "";
    public string WhatYouSaidEasyRead { get; set; } = "";

    /// <summary>Markdown: what changed because of the answers, or why not.</summary>
    public string WhatWeDid { get; set; } = "";
    public string WhatWeDidEasyRead { get; set; } = "";
}

public enum OutcomeState
{
    Draft,
    Published,

    /// <summary>Published once, and since replaced by a later version.</summary>
    Superseded,
}
