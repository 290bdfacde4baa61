using System.Collections.Frozen;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Finds the rules worth running on a comment: those with no stems (they always run), and those with a stem
/// that is a word of the comment's plain form, or starts one ("kick*"). Built once from <see cref="RuleTriggers.Stems"/>.
/// </summary>
internal sealed class RuleIndex
{
    private readonly int[] _alwaysRun;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _rulesByWord;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _rulesByPrefix;
    private readonly int _longestPrefix;

    public RuleIndex(IReadOnlyList<IReadOnlySet<string>?> stemsByRule)
    {
        var alwaysRun = new List<int>();
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var rule = 0; rule < stemsByRule.Count; rule++)
        {
            if (stemsByRule[rule] is not { } stems)
            {
                alwaysRun.Add(rule);
                continue;
            }

            foreach (var stem in stems)
            {
                var (map, key) = stem.EndsWith('*') ? (byPrefix, stem[..^1]) : (byWord, stem);
                if (!map.TryGetValue(key, out var rules))
                {
                    map[key] = rules = [];
                }

                rules.Add(rule);
            }
        }

        _alwaysRun = [.. alwaysRun];
        _rulesByWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _rulesByPrefix = byPrefix.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPrefix = byPrefix.Count == 0 ? 0 : byPrefix.Keys.Max(k => k.Length);
        RuleCount = stemsByRule.Count;
        AlwaysRunCount = alwaysRun.Count;
    }

    public int RuleCount { get; }

    /// <summary>How many rules have no stems and run on every comment.</summary>
    public int AlwaysRunCount { get; }

    /// <summary>Sets <paramref name="triggered"/>[rule] for every rule that can match the plain text.</summary>
    public void Mark(ReadOnlySpan<char> plain, Span<bool> triggered)
    {
        foreach (var rule in _alwaysRun)
        {
            triggered[rule] = true;
        }

        while (!plain.IsEmpty)
        {
            var space = plain.IndexOf(' ');
            var word = space < 0 ? plain : plain[..space];
            plain = space < 0 ? [] : plain[(space + 1)..];
            if (_rulesByWord.TryGetValue(word, out var rules))
            {
                Set(rules, triggered);
            }

            for (var length = 1; length <= Math.Min(word.Length, _longestPrefix); length++)
            {
                if (_rulesByPrefix.TryGetValue(word[..length], out rules))
                {
                    Set(rules, triggered);
                }
            }
        }
    }

    private static void Set(int[] rules, Span<bool> triggered)
    {
        foreach (var rule in rules)
        {
            triggered[rule] = true;
        }
    }
}
