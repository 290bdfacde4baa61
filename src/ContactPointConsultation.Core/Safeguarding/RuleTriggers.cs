namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Works out, from a rule's pattern, the words any text it matches must have: sets of stems, where a word equals a
/// stem or, for a stem ending in '*', starts with it. "\b(hits|kick(s|ed)?) me\b" needs "hits" or "kick*", and "me".
/// The screen runs a rule only on comments with those words close together (<see cref="RuleIndex"/>), so most rules
/// are skipped for most comments. The words come from the pattern itself, so they cannot drift from it; when a
/// pattern uses syntax this reader does not follow, it returns null and the rule always runs.
/// </summary>
/// <remarks>
/// Reads the subset of .NET regex syntax the rules use: literal letters, digits and spaces, groups with
/// alternatives (plain, named or non-capturing), lookarounds, \b, ^, $, classes and quantifiers. Stems are
/// prefixes of whole words, because every word in the plain form is separated by one space, and a pattern's
/// words are bounded by spaces, \b or the ends of the pattern.
/// </remarks>
internal static class RuleTriggers
{
    /// <summary>Words in almost every comment: the worst way into a rule. Only the choice of stems depends on this
    /// list and the next, never whether a rule can match.</summary>
    private static readonly HashSet<string> VeryCommon = new(StringComparer.Ordinal)
    {
        "i", "im", "me", "my", "we", "us", "our", "you", "your", "he", "she", "they", "them", "her", "him", "his", "their",
        "there", "it", "its", "s", "the", "a", "an", "to", "and", "or", "of", "in", "on", "at", "for", "with", "is", "are",
        "was", "were", "be", "am", "have", "has", "had", "do", "not", "no", "dont", "so", "but", "if", "when", "that", "this",
        "what", "who", "it", "can", "will", "would", "should", "about", "all", "just", "like", "get", "go", "out", "up",
    };

    /// <summary>Words common in comments, so poor ways into a rule.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "hes", "shes", "too", "into", "by", "from", "as", "off", "over", "back", "down", "away", "round", "been", "being",
        "does", "did", "doing", "done", "doesnt", "didnt", "cant", "wont", "isnt", "where", "why", "how", "which", "gets",
        "got", "getting", "goes", "going", "went", "come", "comes", "came", "could", "might", "say", "says", "said", "tell",
        "tells", "told", "know", "knows", "think", "want", "wants", "wanted", "make", "makes", "made", "take", "takes", "took",
        "see", "look", "looks", "keep", "keeps", "let", "give", "gives", "gave", "help", "need", "feel", "really", "very",
        "only", "also", "still", "even", "more", "much", "some", "any", "every", "never", "always", "one", "people", "kids",
        "children", "child", "someone", "anyone", "everyone", "mum", "dad", "parents", "family", "friend", "friends", "school",
        "home", "house", "time", "day", "night", "year", "years", "things", "stuff", "something", "life", "good", "bad", "sure",
    };

    /// <summary>
    /// The pattern's trigger clauses, or null when every comment must be screened by it. A text the pattern matches
    /// has, for at least one clause, a word from every set of stems in that clause. Each clause is one of the
    /// pattern's top-level alternatives, with its groups spelt out, and the sets of words it needs within the words it
    /// spans: "\b(i|we) cant (cope|go on)\b" gives "i cant cope", "i cant go on", "we cant cope" and "we cant go on", so
    /// a comment with "cant" alone, or "i" and "cant" far apart, does not run it.
    /// </summary>
    public static IReadOnlyList<Clause>? Clauses(string pattern)
    {
        try
        {
            var position = 0;
            var alternatives = ParseAlternation(pattern, ref position);
            if (position != pattern.Length)
            {
                return null;
            }

            var clauses = new List<Clause>(alternatives.Count);
            foreach (var sequence in alternatives.SelectMany(Expand))
            {
                var sets = RequiredSets(sequence, followedByBoundary: false);
                if (sets.Count == 0)
                {
                    return null;
                }

                clauses.Add(new Clause([.. sets.OrderBy(Cost).Take(SetsPerClause)], (int)Math.Min(Unbounded, Spaces(sequence) + 1)));
            }

            return clauses;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>One way into a rule: a word from each of <paramref name="Sets"/>, all within <paramref name="Words"/>
    /// consecutive words (the most a match can span).</summary>
    public sealed record Clause(IReadOnlyList<IReadOnlySet<string>> Sets, int Words);

    /// <summary>At most this many sets of words, the rarest, make a clause.</summary>
    private const int SetsPerClause = 8;

    /// <summary>At most this many clauses come from one top-level alternative of a pattern.</summary>
    private const int ClausesPerAlternative = 64;

    /// <summary>
    /// The sequence with its groups of alternatives spelt out, one sequence per way through them, so that each clause
    /// needs the words of one way: "(dont|cant) go home" becomes "dont go home" and "cant go home". Optional and
    /// repeated groups stay as they are, and so does a group that would make too many.
    /// </summary>
    private static List<List<Atom>> Expand(List<Atom> sequence)
    {
        var done = new List<List<Atom>>();
        var pending = new Queue<List<Atom>>([sequence]);
        while (pending.TryDequeue(out var current))
        {
            var at = current.FindIndex(a => a is Group { Min: 1, Max: 1 });
            var alternatives = at < 0 ? null : ((Group)current[at]).Alternatives;
            if (alternatives is null || done.Count + pending.Count + alternatives.Count > ClausesPerAlternative)
            {
                done.Add(current);
                continue;
            }

            foreach (var alternative in alternatives)
            {
                pending.Enqueue([.. current.Take(at), .. alternative, .. current.Skip(at + 1)]);
            }
        }

        return done;
    }

    /// <summary>A span no comment reaches: the clause's words may be anywhere.</summary>
    public const int Unbounded = 100_000;

    /// <summary>The most spaces a match of the sequence can hold, so the most words it can span, less one.</summary>
    private static long Spaces(List<Atom> sequence)
    {
        long spaces = 0;
        foreach (var atom in sequence)
        {
            long each = atom switch
            {
                Space => 1,
                AnyOf { MayBeSpace: true } => 1,
                Group group => group.Alternatives.Max(Spaces),
                _ => 0,
            };
            spaces = Math.Min(Unbounded, spaces + (each * Math.Min(atom.Max, Unbounded)));
        }

        return spaces;
    }

    // ---- A small syntax tree: an alternation is a list of sequences; a sequence is a list of atoms.

    private abstract record Atom(int Min, int Max);

    private sealed record Letter(char Value, int Min, int Max) : Atom(Min, Max);

    private sealed record Space(int Min, int Max) : Atom(Min, Max);

    /// <summary>\b, ^, $ (a <paramref name="Boundary"/>) and lookarounds: they match no characters.</summary>
    private sealed record ZeroWidth(bool Boundary) : Atom(1, 1);

    /// <summary>\w, \d, [..], . and anything else standing for more than one character.</summary>
    private sealed record AnyOf(int Min, int Max, bool MayBeSpace = true) : Atom(Min, Max);

    private sealed record Group(List<List<Atom>> Alternatives, int Min, int Max) : Atom(Min, Max);

    private static List<List<Atom>> ParseAlternation(string pattern, ref int position)
    {
        var alternatives = new List<List<Atom>> { new() };
        while (position < pattern.Length && pattern[position] != ')')
        {
            var c = pattern[position];
            if (c == '|')
            {
                alternatives.Add([]);
                position++;
                continue;
            }

            var atom = ParseAtom(pattern, ref position);
            alternatives[^1].Add(atom is ZeroWidth ? atom : Quantified(atom, pattern, ref position));
        }

        return alternatives;
    }

    private static Atom ParseAtom(string pattern, ref int position)
    {
        var c = pattern[position++];
        switch (c)
        {
            case '(':
                var lookaround = Peek(pattern, position, "?<!") || Peek(pattern, position, "?<=") || Peek(pattern, position, "?!")
                    || Peek(pattern, position, "?=");
                if (lookaround)
                {
                    position += pattern[position + 1] == '<' ? 3 : 2;
                }
                else if (Peek(pattern, position, "?:"))
                {
                    position += 2;
                }
                else if (Peek(pattern, position, "?<"))
                {
                    position = pattern.IndexOf('>', position) + 1;
                }
                else if (position < pattern.Length && pattern[position] == '?')
                {
                    throw new FormatException("unsupported group");
                }

                var inner = ParseAlternation(pattern, ref position);
                if (position >= pattern.Length || pattern[position] != ')')
                {
                    throw new FormatException("unclosed group");
                }

                position++;
                return lookaround ? new ZeroWidth(Boundary: false) : new Group(inner, 1, 1);
            case '\\':
                var escaped = pattern[position++];
                return escaped switch
                {
                    'b' => new ZeroWidth(Boundary: true),
                    'w' or 'd' or 'S' => new AnyOf(1, 1, MayBeSpace: false),
                    'W' or 'D' or 's' => new AnyOf(1, 1),
                    _ when char.IsLetterOrDigit(escaped) => throw new FormatException("unsupported escape"),
                    ' ' => new Space(1, 1),
                    _ => new AnyOf(1, 1, MayBeSpace: false),
                };
            case '[':
                var open = position;
                position = pattern.IndexOf(']', position + 1) + 1;
                if (position == 0)
                {
                    throw new FormatException("unclosed class");
                }

                var inside = pattern[open..(position - 1)];
                return new AnyOf(1, 1, MayBeSpace: inside.StartsWith('^') || inside.Contains(' ', StringComparison.Ordinal) || inside.Contains("\\s", StringComparison.Ordinal));
            case '^' or '$':
                return new ZeroWidth(Boundary: true);
            case '.':
                return new AnyOf(1, 1);
            case ' ':
                return new Space(1, 1);
            case '*' or '+' or '?' or '{':
                throw new FormatException("quantifier without an atom");
            default:
                return char.IsLetterOrDigit(c) ? new Letter(c, 1, 1) : new AnyOf(1, 1, MayBeSpace: false);
        }
    }

    private static Atom Quantified(Atom atom, string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            return atom;
        }

        (int Min, int Max)? quantifier = pattern[position] switch
        {
            '?' => (0, 1),
            '*' => (0, int.MaxValue),
            '+' => (1, int.MaxValue),
            '{' => Braces(pattern, ref position),
            _ => null,
        };
        if (quantifier is null)
        {
            return atom;
        }

        position++;
        if (position < pattern.Length && pattern[position] == '?')
        {
            position++;
        }

        var (min, max) = quantifier.Value;
        return atom with { Min = min, Max = max };
    }

    private static (int, int) Braces(string pattern, ref int position)
    {
        var close = pattern.IndexOf('}', position);
        var inside = pattern[(position + 1)..close].Split(',');
        position = close;
        var min = int.Parse(inside[0], System.Globalization.CultureInfo.InvariantCulture);
        var max = inside.Length == 1 ? min
            : inside[1].Length == 0 ? int.MaxValue
            : int.Parse(inside[1], System.Globalization.CultureInfo.InvariantCulture);
        return (min, max);
    }

    private static bool Peek(string pattern, int position, string text) =>
        string.CompareOrdinal(pattern, position, text, 0, text.Length) == 0;

    // ---- Which words a match must have

    /// <summary>Any match of one of the alternatives has a word matching one of the stems; null when an
    /// alternative promises no word. <paramref name="followedByBoundary"/>: a word ends where the alternatives end.</summary>
    private static HashSet<string>? Required(List<List<Atom>> alternatives, bool followedByBoundary)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sequence in alternatives)
        {
            var required = Required(sequence, followedByBoundary);
            if (required is null)
            {
                return null;
            }

            stems.UnionWith(required);
        }

        return stems;
    }

    /// <summary>The best of the words a sequence must have: its rarest required word.</summary>
    private static HashSet<string>? Required(List<Atom> sequence, bool followedByBoundary)
    {
        HashSet<string>? best = null;
        foreach (var candidate in RequiredSets(sequence, followedByBoundary))
        {
            if (best is null || Cost(candidate) < Cost(best))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Every word a sequence must have, each as the set of stems it may be.</summary>
    private static List<HashSet<string>> RequiredSets(List<Atom> sequence, bool followedByBoundary)
    {
        var sets = new List<HashSet<string>>();
        var wordStarts = true;
        for (var i = 0; i < sequence.Count; i++)
        {
            var atom = sequence[i];
            if (wordStarts && atom.Min >= 1 && atom is Letter or Group)
            {
                var candidate = StemsAt(sequence, i, followedByBoundary);
                if (candidate is not null)
                {
                    sets.Add(candidate);
                }
            }

            // After an optional space or an optional "word " group, a word may or may not start.
            wordStarts = atom switch
            {
                Space space => space.Min >= 1,
                ZeroWidth => wordStarts,
                Group group when group.Alternatives.TrueForAll(EndsWithSpace) => group.Min >= 1 || wordStarts,
                _ => false,
            };
        }

        return sets;
    }

    /// <summary>The stems of the word starting at atom <paramref name="index"/> of the sequence.</summary>
    private static HashSet<string>? StemsAt(List<Atom> sequence, int index, bool followedByBoundary)
    {
        var atom = sequence[index];
        if (atom is Group group)
        {
            // The group's own required words, each a whole word inside it, or the start of one.
            return group.Max == 1 ? Required(group.Alternatives, BoundaryAt(sequence, index + 1, followedByBoundary)) : null;
        }

        var stem = new System.Text.StringBuilder();
        var i = index;
        for (; i < sequence.Count && sequence[i] is Letter { Min: 1, Max: 1 } letter; i++)
        {
            stem.Append(letter.Value);
        }

        if (stem.Length == 0)
        {
            return null;
        }

        // A whole word when a space or \b follows it; otherwise only the start of one.
        return [BoundaryAt(sequence, i, followedByBoundary) ? stem.ToString() : stem + "*"];
    }

    /// <summary>True when a word surely ends at atom <paramref name="index"/>: a space, \b, or a group that starts
    /// with one, follows (lookarounds aside).</summary>
    private static bool BoundaryAt(List<Atom> sequence, int index, bool followedByBoundary)
    {
        for (var i = index; i < sequence.Count; i++)
        {
            switch (sequence[i])
            {
                case ZeroWidth { Boundary: true }:
                    return true;
                case ZeroWidth:
                    continue;
                case Space space:
                    return space.Min >= 1;
                case Group group:
                    var rest = BoundaryAt(sequence, i + 1, followedByBoundary);
                    var starts = group.Alternatives.TrueForAll(alternative => BoundaryAt(alternative, 0, rest));
                    return starts && (group.Min >= 1 || rest);
                default:
                    return false;
            }
        }

        return followedByBoundary;
    }

    private static bool EndsWithSpace(List<Atom> sequence) => sequence.Count > 0 && sequence[^1] is Space { Min: 1 };

    /// <summary>How poor a way into a rule the stems are: the more common their words, the higher.</summary>
    public static int Cost(IReadOnlySet<string> stems)
    {
        var cost = 0;
        foreach (var stem in stems)
        {
            var word = stem.TrimEnd('*');
            cost += VeryCommon.Contains(word) ? 1000
                : Common.Contains(word) ? 100
                : word.Length <= 2 || (stem.EndsWith('*') && word.Length <= 3) ? 50
                : 1;
        }

        return cost;
    }
}
