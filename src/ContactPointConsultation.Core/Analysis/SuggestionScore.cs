namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// How suggestions compare with what people confirmed, counted over (comment, theme) pairs: how many were
/// suggested, how many confirmed, and how many both. i.AI Consult reports the same F1.
/// </summary>
public sealed record SuggestionScore(int Suggested, int Confirmed, int Both)
{
    /// <summary>Of the themes suggested, the share a person confirmed.</summary>
    public double? Precision => Suggested == 0 ? null : (double)Both / Suggested;

    /// <summary>Of the themes people confirmed, the share that had been suggested.</summary>
    public double? Recall => Confirmed == 0 ? null : (double)Both / Confirmed;

    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    public static SuggestionScore Of(IEnumerable<(IReadOnlySet<int> Suggested, IReadOnlySet<int> Confirmed)> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        int suggested = 0, confirmed = 0, both = 0;
        foreach (var (s, c) in comments)
        {
            suggested += s.Count;
            confirmed += c.Count;
            both += s.Count(c.Contains);
        }

        return new(suggested, confirmed, both);
    }
}
