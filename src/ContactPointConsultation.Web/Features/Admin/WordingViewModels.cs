using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Web.Features.Admin;

public sealed record PartSummary(ContentPart Part, string Summary, ReadabilityScore? Hardest);

public sealed record WordingIndexViewModel(ContentVersion Live, ContentVersion? Draft, IReadOnlyList<PartSummary> Parts, string? Banner);

/// <param name="Readability">The reading age of a text young people read; null for a glossary, whose meanings are read one by one.</param>
/// <param name="Saved">In a conflict, the text someone else saved meanwhile; otherwise null.</param>
/// <param name="HardMeanings">In a glossary, the meanings above its reading age, each with its own: the field's one reading-age prompt.</param>
public sealed record FieldView(ContentField Field, string Id, ReadabilityScore? Readability, string? Saved, IReadOnlyList<(GlossaryEntry Entry, int ReadingAge)> HardMeanings)
{
    /// <summary>The ids of the notes under the field (_FieldNotes), which describe it.</summary>
    public IReadOnlyList<string> NoteIds { get; } =
        [.. new[] { Readability is null && HardMeanings.Count == 0 ? null : Id + "-reading-age", Saved is null ? null : Id + "-saved" }.OfType<string>()];
}

public sealed record EditWordingViewModel(
    ContentPart Part,
    WordingInput Input,
    IReadOnlyList<FieldView> Fields,
    int VersionNumber,
    bool IsDraft,
    EditResult.Conflict? Conflict);

public sealed record FieldDiff(string PartTitle, string Label, IReadOnlyList<DiffPiece> Pieces);

public sealed record CompareViewModel(IReadOnlyList<ContentVersion> Versions, int From, int To, IReadOnlyList<FieldDiff> Changes);

public sealed record VersionViewModel(ContentVersion Version, ContentVersion? Draft);

public sealed record ConfirmViewModel(ContentVersion Draft, ContentVersion Live, IReadOnlyList<FieldDiff> Changes, string? Problem);
