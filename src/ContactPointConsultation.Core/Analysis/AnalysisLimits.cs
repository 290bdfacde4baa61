namespace ContactPointConsultation.Core.Analysis;

/// <summary>How long each part of a theme may be: the database columns, the forms and the CSV import share these.</summary>
public static class AnalysisLimits
{
    public const int ThemeNameMaxLength = 80;
    public const int ThemeTextMaxLength = 1_000;

    /// <summary>An analyst's note on a comment.</summary>
    public const int NoteMaxLength = 1_000;

    /// <summary>A codebook CSV bigger than this is refused unread: eleven questions of themes fit in far less.</summary>
    public const int CodebookFileMaxBytes = 500_000;
}
