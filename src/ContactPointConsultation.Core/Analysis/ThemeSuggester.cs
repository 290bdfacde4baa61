namespace ContactPointConsultation.Core.Analysis;

/// <summary>A theme the suggester ranks for a comment, with how well it fits (0 to 1, roughly) and whether it is suggested.</summary>
public sealed record RankedTheme(int ThemeId, double Score, bool Suggested);

/// <summary>
/// Suggests a question's themes for its comments by comparing each comment with each theme's name,
/// description, "include when" and example: half by meaning (sentence embeddings, the mean of the
/// comment's cosine with each part) and half by words (TF-IDF, the best cosine with any part, the words
/// weighted by how rare they are among the question's theme texts). On the labelled set each half alone
/// scores F1 0.64 to 0.65; together 0.72 (ADR 0021). "Other" is never suggested: a comment that fits no
/// theme well is what the possible new themes are made from.
/// </summary>
public sealed class ThemeSuggester
{
    /// <summary>How many themes are ranked for each comment, and so the most that can be suggested.</summary>
    public const int Ranked = 3;

    /// <summary>The best theme is suggested; so is the next when it scores within this of the best.</summary>
    public const double Margin = 0.02;

    /// <summary>A comment whose best theme scores below this fits no theme: it may belong to a new one.</summary>
    public const double FitsNoThemeBelow = 0.25;

    /// <summary>The share of a score that is meaning; the rest is words. 0 is plain TF-IDF, 1 the embeddings alone.</summary>
    public const double MeaningWeight = 0.5;

    private readonly IReadOnlyList<SuggestableTheme> _themes;
    private readonly TermVectors _terms;
    private readonly IReadOnlyList<IReadOnlyList<Dictionary<string, double>>> _termParts;
    private readonly IReadOnlyList<float[][]> _meaningParts;
    private readonly double _meaningWeight;

    private ThemeSuggester(IReadOnlyList<SuggestableTheme> themes, TermVectors terms, IReadOnlyList<float[][]> meaningParts, double meaningWeight)
    {
        _meaningWeight = meaningWeight;
        _themes = themes;
        _terms = terms;
        _termParts = [.. themes.Select(t => (IReadOnlyList<Dictionary<string, double>>)[.. t.Parts.Select(terms.Vector)])];
        _meaningParts = meaningParts;
    }

    /// <summary>The codebook's themes that can be suggested: in use, and not "Other".</summary>
    public IReadOnlyList<SuggestableTheme> Themes => _themes;

    /// <summary>Reads the question's themes in use into vectors: the model encodes each part once.</summary>
    /// <param name="meaningWeight">Other than <see cref="MeaningWeight"/> only to measure the halves apart, as the tests and the bench do.</param>
    public static async Task<ThemeSuggester> ForAsync(IEnumerable<Theme> codebook, SentenceModel model, double meaningWeight = MeaningWeight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(model);
        List<SuggestableTheme> themes = [.. codebook.Where(t => !t.IsRetired && t.Kind != ThemeKind.Other).OrderBy(t => t.Id).Select(SuggestableTheme.Of)];
        var terms = new TermVectors(themes.SelectMany(t => t.Parts));
        var encoded = await model.EncodeAsync([.. themes.SelectMany(t => t.Parts)], cancellationToken);
        var parts = new List<float[][]>(themes.Count);
        var at = 0;
        foreach (var theme in themes)
        {
            parts.Add(encoded[at..(at + theme.Parts.Count)]);
            at += theme.Parts.Count;
        }

        return new ThemeSuggester(themes, terms, parts, meaningWeight);
    }

    /// <summary>Each comment's <see cref="Ranked"/> best themes, best first, the suggested ones marked.</summary>
    public async Task<List<IReadOnlyList<RankedTheme>>> RankAsync(IReadOnlyList<string> comments, SentenceModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(model);
        var meanings = await model.EncodeAsync(comments, cancellationToken);
        var ranked = new List<IReadOnlyList<RankedTheme>>(comments.Count);
        for (var c = 0; c < comments.Count; c++)
        {
            var words = _terms.Vector(comments[c]);
            var scores = _themes.Select((theme, t) => (theme.Id, Score:
                    _meaningWeight * _meaningParts[t].Average(part => SentenceModel.Cosine(meanings[c], part))
                    + (1 - _meaningWeight) * _termParts[t].Max(part => TermVectors.Cosine(words, part))))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(Ranked).ToList();
            ranked.Add(scores.Count == 0 ? [] : [.. scores.Select(s => new RankedTheme(s.Id, s.Score, s.Score >= scores[0].Score - Margin))]);
        }

        return ranked;
    }
}

/// <summary>A theme as the suggester reads it: the texts it is compared with.</summary>
public sealed record SuggestableTheme(int Id, IReadOnlyList<string> Parts)
{
    public static SuggestableTheme Of(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new(theme.Id, [.. new[] { theme.Name, theme.Description, theme.IncludeWhen, theme.Example }.Where(p => !string.IsNullOrWhiteSpace(p))]);
    }
}
