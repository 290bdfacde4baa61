using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Finds the rules worth running on a comment, and where in it, from the words of its plain form. Each rule has one
/// or more requirements (its pattern's, and its Before pattern's), each a list of clauses from
/// <see cref="RuleTriggers.Clauses"/>. A clause is met where the comment has a word from every one of its sets of
/// stems close to a word of its rarest set: within as many words as a match can span (a stem ending in '*' is the
/// start of a word). A requirement is met when one of its clauses is; a rule runs when all its requirements are met.
/// A requirement with no clauses (null) is always met, and a rule with only such requirements always runs. Built
/// once, when the screen starts.
/// </summary>
/// <remarks>
/// Requiring the words close together is what keeps long ordinary comments cheap: "i", "cant" and "do" are in most
/// long comments, but seldom within the few words "i cant do this anymore" takes. Each clause is looked at only
/// when its rarest set is in the comment, so common words cost no more than a bit set.
/// </remarks>
internal sealed class RuleIndex
{
    private readonly int[] _alwaysRun;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly int _longestPrefix;

    /// <summary>For each first two letters (ASCII), the lengths of the prefixes that start with them, as bits, so a word
    /// is looked up only as the prefixes there are; one-letter prefixes are under the letter followed by every letter.</summary>
    private readonly ulong[] _prefixLengths = new ulong[128 * 128];

    /// <summary>Per clause: its sets (the rarest first), the most words it spans, its rule and requirement.</summary>
    private readonly (int[] Sets, int Words, int Rule, int Requirement)[] _clauses;

    /// <summary>Per set: the clauses whose rarest set it is.</summary>
    private readonly int[][] _anchoredAt;

    /// <summary>Per rule: all its requirements, as bits.</summary>
    private readonly uint[] _allRequirements;

    public RuleIndex(IReadOnlyList<IReadOnlyList<IReadOnlyList<RuleTriggers.Clause>?>> requirementsByRule)
    {
        var alwaysRun = new List<int>();
        var setIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var byWord = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var clauses = new List<(int[], int, int, int)>();
        _allRequirements = new uint[requirementsByRule.Count];
        for (var rule = 0; rule < requirementsByRule.Count; rule++)
        {
            var requirements = requirementsByRule[rule].Where(r => r is not null).Select(r => r!).ToList();
            if (requirements.Count == 0)
            {
                alwaysRun.Add(rule);
            }

            _allRequirements[rule] = requirements.Count <= 32 ? (uint)((1L << requirements.Count) - 1)
                : throw new ArgumentException("A rule has at most 32 requirements.", nameof(requirementsByRule));
            for (var requirement = 0; requirement < requirements.Count; requirement++)
            {
                foreach (var clause in requirements[requirement])
                {
                    var sets = clause.Sets.OrderBy(RuleTriggers.Cost).Select(set => SetId(set, setIds, byWord, byPrefix)).Distinct().ToArray();
                    clauses.Add((sets, clause.Words, rule, requirement));
                }
            }
        }

        _clauses = [.. clauses];
        var anchored = Enumerable.Range(0, setIds.Count).Select(_ => new List<int>()).ToArray();
        for (var clause = 0; clause < _clauses.Length; clause++)
        {
            anchored[_clauses[clause].Sets[0]].Add(clause);
        }

        _anchoredAt = [.. anchored.Select(a => a.ToArray())];
        _alwaysRun = [.. alwaysRun];
        _byWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefix = byPrefix.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPrefix = byPrefix.Count == 0 ? 0 : byPrefix.Keys.Max(k => k.Length);
        foreach (var prefix in byPrefix.Keys)
        {
            foreach (var second in prefix.Length == 1 ? Enumerable.Range(0, 128).Select(c => (char)c) : [prefix[1]])
            {
                if (prefix[0] < 128 && second < 128 && prefix.Length < 64)
                {
                    _prefixLengths[(prefix[0] * 128) + second] |= 1UL << prefix.Length;
                }
            }
        }

        RuleCount = requirementsByRule.Count;
        AlwaysRunCount = alwaysRun.Count;
        SetCount = setIds.Count;
    }

    public int RuleCount { get; }

    /// <summary>How many rules have no trigger words and run on every comment.</summary>
    public int AlwaysRunCount { get; }

    /// <summary>How many distinct sets of stems the rules' clauses have.</summary>
    public int SetCount { get; }

    /// <summary>
    /// For every rule that can match the plain text, sets <paramref name="first"/>[rule] to where the stretch holding
    /// its met clauses starts and <paramref name="last"/>[rule] to where it ends; both are -1 for a rule that cannot
    /// match. A rule that always runs spans the whole text.
    /// </summary>
    public void Mark(ReadOnlySpan<char> plain, Span<int> first, Span<int> last)
    {
        first.Fill(-1);
        last.Fill(-1);
        var wordCount = plain.Count(' ') + 1;
        var rowLength = (wordCount + 63) / 64;
        var rowOf = ArrayPool<int>.Shared.Rent(SetCount);
        var seen = ArrayPool<int>.Shared.Rent(SetCount);
        var starts = ArrayPool<int>.Shared.Rent(wordCount + 1);
        var bits = ArrayPool<ulong>.Shared.Rent(rowLength * 16);
        var met = ArrayPool<uint>.Shared.Rent(RuleCount);
        try
        {
            rowOf.AsSpan(0, SetCount).Fill(-1);
            met.AsSpan(0, RuleCount).Clear();
            var seenCount = 0;
            var position = 0;
            for (var word = 0; word < wordCount; word++)
            {
                var space = plain[position..].IndexOf(' ');
                var end = space < 0 ? plain.Length : position + space;
                starts[word] = position;
                var text = plain[position..end];
                if (_byWord.TryGetValue(text, out var sets))
                {
                    See(sets, word, rowOf, seen, ref seenCount, ref bits, rowLength);
                }

                for (var lengths = PrefixLengths(text); lengths != 0; lengths &= lengths - 1)
                {
                    var length = BitOperations.TrailingZeroCount(lengths);
                    if (length <= text.Length && _byPrefix.TryGetValue(text[..length], out sets))
                    {
                        See(sets, word, rowOf, seen, ref seenCount, ref bits, rowLength);
                    }
                }

                position = end + 1;
            }

            starts[wordCount] = plain.Length + 1;
            for (var i = 0; i < seenCount; i++)
            {
                foreach (var clause in _anchoredAt[seen[i]])
                {
                    Check(clause, rowOf, bits, rowLength, starts, wordCount, first, last, met);
                }
            }

            for (var rule = 0; rule < RuleCount; rule++)
            {
                if (first[rule] >= 0 && met[rule] != _allRequirements[rule])
                {
                    first[rule] = -1;
                    last[rule] = -1;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rowOf);
            ArrayPool<int>.Shared.Return(seen);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<ulong>.Shared.Return(bits);
            ArrayPool<uint>.Shared.Return(met);
        }

        foreach (var rule in _alwaysRun)
        {
            first[rule] = 0;
            last[rule] = plain.Length;
        }
    }

    /// <summary>The lengths of the prefixes that may start the word, as bits: every length for a word that is not ASCII
    /// or is one letter long.</summary>
    private ulong PrefixLengths(ReadOnlySpan<char> word) =>
        word.Length < 2 || word[0] >= 128 || word[1] >= 128
            ? (_longestPrefix >= 63 ? ulong.MaxValue : (2UL << _longestPrefix) - 2)
            : _prefixLengths[(word[0] * 128) + word[1]];

    /// <summary>Notes, in each set's row of bits, that the word is one of its words.</summary>
    private static void See(int[] sets, int word, int[] rowOf, int[] seen, ref int seenCount, ref ulong[] bits, int rowLength)
    {
        foreach (var set in sets)
        {
            if (rowOf[set] < 0)
            {
                rowOf[set] = seenCount;
                seen[seenCount++] = set;
                if (seenCount * rowLength > bits.Length)
                {
                    var larger = ArrayPool<ulong>.Shared.Rent(bits.Length * 2);
                    bits.AsSpan().CopyTo(larger);
                    ArrayPool<ulong>.Shared.Return(bits);
                    bits = larger;
                }

                bits.AsSpan(rowOf[set] * rowLength, rowLength).Clear();
            }

            bits[(rowOf[set] * rowLength) + (word >> 6)] |= 1UL << (word & 63);
        }
    }

    /// <summary>Meets the clause where each of its other sets has a word within its span of a word of its rarest set.</summary>
    private void Check(int clause, int[] rowOf, ulong[] bits, int rowLength, int[] starts, int wordCount, Span<int> first, Span<int> last, uint[] met)
    {
        var (sets, words, rule, requirement) = _clauses[clause];
        for (var i = 1; i < sets.Length; i++)
        {
            if (rowOf[sets[i]] < 0)
            {
                return;
            }
        }

        var anchor = bits.AsSpan(rowOf[sets[0]] * rowLength, rowLength);
        for (var chunk = 0; chunk < rowLength; chunk++)
        {
            for (var remaining = anchor[chunk]; remaining != 0; remaining &= remaining - 1)
            {
                var word = (chunk * 64) + BitOperations.TrailingZeroCount(remaining);
                var from = Math.Max(0, word - words + 1);
                var to = Math.Min(wordCount - 1, word + words - 1);
                var near = true;
                for (var i = 1; i < sets.Length && near; i++)
                {
                    near = AnyBetween(bits.AsSpan(rowOf[sets[i]] * rowLength, rowLength), from, to);
                }

                if (near)
                {
                    met[rule] |= 1u << requirement;
                    first[rule] = first[rule] < 0 ? starts[from] : Math.Min(first[rule], starts[from]);
                    last[rule] = Math.Max(last[rule], starts[to + 1] - 1);
                }
            }
        }
    }

    /// <summary>True when any of the bits from <paramref name="from"/> to <paramref name="to"/> (inclusive) is set.</summary>
    private static bool AnyBetween(ReadOnlySpan<ulong> row, int from, int to)
    {
        for (var chunk = from >> 6; chunk <= to >> 6; chunk++)
        {
            var mask = ulong.MaxValue;
            if (chunk == from >> 6)
            {
                mask &= ulong.MaxValue << (from & 63);
            }

            if (chunk == to >> 6 && (to & 63) < 63)
            {
                mask &= (1UL << ((to & 63) + 1)) - 1;
            }

            if ((row[chunk] & mask) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int SetId(IReadOnlySet<string> set, Dictionary<string, int> setIds, Dictionary<string, HashSet<int>> byWord, Dictionary<string, HashSet<int>> byPrefix)
    {
        var key = string.Join('|', set.Order(StringComparer.Ordinal));
        if (setIds.TryGetValue(key, out var id))
        {
            return id;
        }

        id = setIds[key] = setIds.Count;
        foreach (var stem in set)
        {
            var (map, word) = stem.EndsWith('*') ? (byPrefix, stem[..^1]) : (byWord, stem);
            if (!map.TryGetValue(word, out var ids))
            {
                map[word] = ids = [];
            }

            ids.Add(id);
        }

        return id;
    }
}
