namespace ContactPointConsultation.Core.Data;

/// <summary>
/// One published or draft wording of the whole consultation, with its dates. A live or archived version
/// never changes; at most one version is live and at most one is a draft.
/// </summary>
public sealed class ContentVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public ContentVersionState State { get; set; }
    public string ConsultationName { get; set; } = "";
    public string Introduction { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public string AboutYouIntroduction { get; set; } = "";
    public string AgeGroupQuestion { get; set; } = "";
    public string AnsweringAsQuestion { get; set; } = "";

    /// <summary>The hard words in this version's text and what they mean: lines of "word: explanation" (<see cref="Content.Glossary"/>).</summary>
    public string Glossary { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>Changes on every edit, so a publish or a save never goes through on top of a change it has not seen.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public List<QuestionWording> Questions { get; set; } = [];
    public List<OptionLabel> OptionLabels { get; set; } = [];
}

public enum ContentVersionState
{
    Draft,
    Live,
    Archived,
}

/// <summary>The wording of one question within one content version.</summary>
public sealed class QuestionWording
{
    public int Id { get; set; }
    public int ContentVersionId { get; set; }
    public int Number { get; set; }
    public string SectionTitle { get; set; } = "";
    public string Question { get; set; } = "";
    public string HelpText { get; set; } = "";
    public string CommentPrompt { get; set; } = "";
    public bool HasChoice { get; set; }
}

/// <summary>
/// The label respondents see for one "About you" option in one content version. The option's value
/// (under-11, prefer-not-to-say…) is fixed, so stored answers and exports stay comparable across versions.
/// </summary>
public sealed class OptionLabel
{
    public int Id { get; set; }
    public int ContentVersionId { get; set; }
    public string Field { get; set; } = "";
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>Answers in progress, kept on the server so nothing typed is lost.</summary>
public sealed class Draft
{
    public Guid Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string? ResumeCodeHash { get; set; }
    public int ContentVersionId { get; set; }
    public Guid SubmissionKey { get; set; }
    public AgeGroup? AgeGroup { get; set; }
    public AnsweringAs? AnsweringAs { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public List<DraftAnswer> Answers { get; set; } = [];
}

public sealed class DraftAnswer
{
    public Guid DraftId { get; set; }
    public int QuestionNumber { get; set; }
    public Choice? Choice { get; set; }
    public string? Comments { get; set; }
}

/// <summary>A sent response. It holds nothing that identifies the person who sent it.</summary>
public sealed class Response
{
    public long Id { get; set; }
    public string Reference { get; set; } = "";
    public Guid SubmissionKey { get; set; }
    public int ContentVersionId { get; set; }
    public AgeGroup? AgeGroup { get; set; }
    public AnsweringAs? AnsweringAs { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>
    /// When the disclosure screen read its comments, just after it was sent; null until then, and while it
    /// is null every comment of it is withheld from analysis (<see cref="Safeguarding.ResponseScreening"/>).
    /// </summary>
    public DateTime? ScreenedAt { get; set; }

    /// <summary>How it reached us: sent online, or typed in by staff from paper, an email, a letter or an event.</summary>
    public ResponseChannel Channel { get; set; } = ResponseChannel.Online;

    /// <summary>
    /// The UK day an entered response was received; null for one sent online, which arrived as it was sent
    /// (<see cref="SubmittedAt"/>). <see cref="SubmittedAt"/> of an entered response is when it was entered.
    /// </summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>
    /// The group an entered response came with, such as a school or a youth group: shown to a safeguarding
    /// lead, because it is a route to the child that an online response never gives.
    /// </summary>
    public string? Batch { get; set; }

    /// <summary>The member of staff who typed in an entered response; null for one sent online.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>
    /// What an entered response says, with its batch, as a digest (<see cref="Paper.EntryDigest"/>): two the same
    /// are probably one form typed in twice. Null for one sent online.
    /// </summary>
    public string? EntryDigest { get; set; }

    /// <summary>Why staff saved an entered response that looked like one already entered; null if it did not.</summary>
    public string? DuplicateReason { get; set; }

    /// <summary>The file it was imported from (<see cref="Paper.PaperImport"/>), for one that came in a spreadsheet; null otherwise.</summary>
    public long? PaperImportId { get; set; }

    /// <summary>The line of that file it was on, to find it again there.</summary>
    public int? ImportLine { get; set; }

    public List<ResponseAnswer> Answers { get; set; } = [];
}

/// <summary>How a response reached us. Every response but an online one was typed in by staff.</summary>
public enum ResponseChannel
{
    Online,
    Paper,
    Email,
    Letter,
    Event,
}

public sealed class ResponseAnswer
{
    public long ResponseId { get; set; }
    public int QuestionNumber { get; set; }
    public Choice? Choice { get; set; }
    public string? Comments { get; set; }

    /// <summary>
    /// When the earliest of the comment's tags was added; null while it has none. Kept with the tags, in the
    /// transaction of every change to them (<see cref="Analysis.AnalysisTallies"/>), so the tagging queue reads
    /// the untagged comments from an index of them alone.
    /// </summary>
    public DateTime? TaggedAt { get; set; }
}

public enum Choice
{
    Yes,
    No,
    NotSure,
}

public enum AgeGroup
{
    Under11,
    From11To13,
    From14To16,
    From17To18,
    Over18,
    PreferNotToSay,
}

public enum AnsweringAs
{
    YoungPerson,
    GroupOfYoungPeople,
    AdultHelping,
    PreferNotToSay,
}
