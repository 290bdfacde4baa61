namespace ContactPointConsultation.Core.Paper;

public static class PaperLimits
{
    /// <summary>A school's or a group's name, with room for a class: "St Mary's Primary, Year 6, Mrs Khan".</summary>
    public const int BatchMaxLength = 100;

    /// <summary>Why a response that looks like one already entered is a different one: a sentence or two.</summary>
    public const int DuplicateReasonMaxLength = 300;

    /// <summary>
    /// The most responses one file may hold: a large school's or a youth network's collection. The import is one
    /// transaction, during which the single writer waits (measured in docs/performance.md).
    /// </summary>
    public const int ImportMaxRows = 10_000;

    /// <summary>
    /// The largest file: 10,000 responses of a few comments each fit in a few MB; with comments as long as young
    /// people write online (the benchmark's), 10,000 are 33 MB. An upload is only read this far once the person is
    /// signed in as staff.
    /// </summary>
    public const long ImportMaxBytes = 50 * 1000 * 1000;

    /// <summary>An uploaded file's name as kept, to say where a response came from: the end of a longer one is cut.</summary>
    public const int ImportFileNameMaxLength = 200;
}
