namespace ContactPointConsultation.Core.Data;

/// <summary>
/// Upper and lower case made the same for a search, by .NET's invariant rules for every letter. SQLite's LIKE
/// folds only A to Z, so on SQLite a search for "ŵyr" missed "Ŵyr" and "élan" missed "ÉLAN". There both the
/// comments and the search are folded by <see cref="Fold"/>: in a query it is the SQL function
/// <see cref="SqliteFunction"/>, which the web app gives each SQLite connection as it opens. PostgreSQL's ILIKE
/// and SQL Server's case-insensitive collation fold every letter already.
/// </summary>
public static class CaseFolding
{
    public const string SqliteFunction = "fold_case";

    /// <summary>The text with every letter in lower case; in a query on SQLite, <see cref="SqliteFunction"/>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }
}
