namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// One theme of a question's codebook: what analysts tag comments with. A theme is never deleted, only
/// retired, so the tags and the audit trail that name it keep their meaning.
/// </summary>
public sealed class Theme
{
    public int Id { get; set; }
    public int QuestionNumber { get; set; }
    public ThemeKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The name as two analysts would both mean it: trimmed, spaces collapsed, in capitals. Unique within the question.</summary>
    public string NormalizedName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>When to use the theme: the codebook's inclusion criteria.</summary>
    public string IncludeWhen { get; set; } = "";

    /// <summary>When not to, and which theme to use instead.</summary>
    public string ExcludeWhen { get; set; } = "";

    /// <summary>A made-up or paraphrased comment that fits; never a respondent's own words.</summary>
    public string Example { get; set; } = "";

    /// <summary>The code's identity in a REFI-QDA codebook, so a re-export updates the same code elsewhere.</summary>
    public Guid ExchangeId { get; set; } = Guid.NewGuid();

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }

    /// <summary>The theme this one was merged into, and its tags moved to; it was retired at the same moment.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Changes with every edit, so two analysts changing the same theme at once cannot both succeed.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsRetired => RetiredAt is not null;

    /// <summary>"Other" and "No reason given": every question has them, and they cannot be renamed or retired.</summary>
    public bool IsFixed => Kind != ThemeKind.Coded;

    public static string Normalize(string name) => Tidy(name).ToUpperInvariant();

    /// <summary>A name as it is stored: trimmed, with each run of spaces one space.</summary>
    public static string Tidy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

public enum ThemeKind
{
    /// <summary>A theme analysts wrote.</summary>
    Coded,

    /// <summary>"Other": the comment gives a reason no theme describes.</summary>
    Other,

    /// <summary>"No reason given": the comment says nothing about why.</summary>
    NoReasonGiven,
}
