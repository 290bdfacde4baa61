namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// Groups comments by the words they share (TF-IDF vectors, k-means with cosine similarity), for the
/// possible new themes. Deterministic: the same comments give the same groups, so the page does not
/// reshuffle on every visit. The groups are described, never named.
/// </summary>
public static class CommentGroups
{
    /// <summary>A group smaller than this is not shown: two comments are a coincidence, not a theme.</summary>
    public const int SmallestGroup = 3;

    private const int Keywords = 5;
    private const int Typical = 3;
    private const int Rounds = 25;

    public static List<PossibleTheme> Group(IReadOnlyList<ThemedComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        if (comments.Count < SmallestGroup)
        {
            return [];
        }

        var terms = new TermVectors(comments.Select(c => c.Comments));
        var vectors = comments.Select(c => terms.Vector(c.Comments)).ToList();
        // The rule of thumb k = sqrt(n / 2), at most eight groups: a page of possible themes, not a taxonomy.
        var k = Math.Clamp((int)Math.Ceiling(Math.Sqrt(comments.Count / 2.0)), 1, 8);
        var centres = Seeds(vectors, k);
        var assigned = new int[vectors.Count];
        for (var round = 0; round < Rounds; round++)
        {
            var moved = false;
            for (var i = 0; i < vectors.Count; i++)
            {
                var best = Nearest(vectors[i], centres);
                moved |= best != assigned[i];
                assigned[i] = best;
            }

            centres = [.. Enumerable.Range(0, k).Select(c => Centre(vectors.Where((_, i) => assigned[i] == c)))];
            if (!moved && round > 0)
            {
                break;
            }
        }

        return [.. Enumerable.Range(0, k)
            .Select(c => (Centre: centres[c], Members: Enumerable.Range(0, vectors.Count).Where(i => assigned[i] == c && vectors[i].Count > 0).ToList()))
            .Where(g => g.Members.Count >= SmallestGroup)
            .OrderByDescending(g => g.Members.Count)
            .Select(g => new PossibleTheme(
                g.Members.Count,
                [.. g.Centre.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(Keywords).Select(w => w.Key)],
                [.. g.Members.OrderByDescending(i => TermVectors.Cosine(vectors[i], g.Centre)).ThenBy(i => i).Take(Typical).Select(i => comments[i])]))];
    }

    /// <summary>k-means++ seeding without chance: the first comment with words, then each time the one farthest from every seed so far.</summary>
    private static List<Dictionary<string, double>> Seeds(List<Dictionary<string, double>> vectors, int k)
    {
        var seeds = new List<Dictionary<string, double>>();
        var first = vectors.FindIndex(v => v.Count > 0);
        seeds.Add(first < 0 ? [] : vectors[first]);
        while (seeds.Count < k)
        {
            var farthest = Enumerable.Range(0, vectors.Count).Where(i => vectors[i].Count > 0)
                .Select(i => (i, Nearness: seeds.Max(s => TermVectors.Cosine(vectors[i], s))))
                .OrderBy(p => p.Nearness).ThenBy(p => p.i).FirstOrDefault();
            seeds.Add(vectors[farthest.i]);
        }

        return seeds;
    }

    private static int Nearest(Dictionary<string, double> vector, List<Dictionary<string, double>> centres)
    {
        var (best, nearness) = (0, double.MinValue);
        for (var c = 0; c < centres.Count; c++)
        {
            var cosine = TermVectors.Cosine(vector, centres[c]);
            if (cosine > nearness)
            {
                (best, nearness) = (c, cosine);
            }
        }

        return best;
    }

    /// <summary>The mean of the vectors, made unit length again.</summary>
    private static Dictionary<string, double> Centre(IEnumerable<Dictionary<string, double>> members)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (word, weight) in member)
            {
                sum[word] = sum.GetValueOrDefault(word) + weight;
            }
        }

        var length = Math.Sqrt(sum.Values.Sum(v => v * v));
        return length == 0 ? sum : sum.ToDictionary(w => w.Key, w => w.Value / length, StringComparer.Ordinal);
    }
}
