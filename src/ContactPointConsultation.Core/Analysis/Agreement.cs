namespace ContactPointConsultation.Core.Analysis;

/// <summary>One comment coded twice: the themes each analyst chose.</summary>
public sealed record CodedTwice(IReadOnlySet<int> First, IReadOnlySet<int> Second);

/// <summary>
/// How two analysts agree on one theme, over the comments both coded: on how many both chose it, only one
/// did, or neither did; the share where they agree; and Cohen's kappa, the agreement beyond what chance
/// would give. Kappa is null where chance alone explains everything: both always, or never, chose it.
/// </summary>
public sealed record ThemeAgreement(int ThemeId, int Both, int FirstOnly, int SecondOnly, int Neither)
{
    public int Comments => Both + FirstOnly + SecondOnly + Neither;

    public double? Percent => Comments == 0 ? null : 100.0 * (Both + Neither) / Comments;

    public double? Kappa => Agreement.Kappa(Both, FirstOnly, SecondOnly, Neither);
}

/// <summary>
/// The agreement between two analysts who coded the same comments: per theme, and overall. Overall is
/// pooled: every comment-and-theme decision counted together, as de Vries et al. (2008) pool kappa over
/// codes, so a rare theme does not weigh as much as a common one. Only themes either analyst used are
/// counted; a theme neither chose says nothing about agreement, and would only pad it.
/// </summary>
public sealed record Agreement(IReadOnlyList<ThemeAgreement> Themes, int Comments, int Identical)
{
    public ThemeAgreement Overall { get; } = new(
        0, Themes.Sum(t => t.Both), Themes.Sum(t => t.FirstOnly), Themes.Sum(t => t.SecondOnly), Themes.Sum(t => t.Neither));

    public static Agreement Of(IReadOnlyList<CodedTwice> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var themes = comments.SelectMany(c => c.First.Concat(c.Second)).Distinct().Order();
        return new(
            [.. themes.Select(theme => new ThemeAgreement(
                theme,
                comments.Count(c => c.First.Contains(theme) && c.Second.Contains(theme)),
                comments.Count(c => c.First.Contains(theme) && !c.Second.Contains(theme)),
                comments.Count(c => !c.First.Contains(theme) && c.Second.Contains(theme)),
                comments.Count(c => !c.First.Contains(theme) && !c.Second.Contains(theme))))],
            comments.Count,
            comments.Count(c => c.First.SetEquals(c.Second)));
    }

    /// <summary>Landis and Koch's (1977) words for a kappa, which analysts report alongside the figure.</summary>
    public static string? Strength(double? kappa) => kappa switch
    {
        null => null,
        < 0 => "Poor",
        <= 0.20 => "Slight",
        <= 0.40 => "Fair",
        <= 0.60 => "Moderate",
        <= 0.80 => "Substantial",
        _ => "Almost perfect",
    };

    /// <summary>Cohen's kappa for a two-by-two table of yes and no from two raters.</summary>
    public static double? Kappa(int both, int firstOnly, int secondOnly, int neither)
    {
        double n = both + firstOnly + secondOnly + neither;
        if (n == 0)
        {
            return null;
        }

        var observed = (both + neither) / n;
        var chance = ((both + firstOnly) * (double)(both + secondOnly) + (secondOnly + neither) * (double)(firstOnly + neither)) / (n * n);
        return chance >= 1 ? null : (observed - chance) / (1 - chance);
    }
}
