using System.Globalization;
using System.Text;
using DiffPlex;

namespace ContactPointConsultation.Core.Content;

public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// Word-level differences between two versions of consultation wording, so admins can see exactly
/// what a new version changes before publishing it.
/// </summary>
public static class WordDiff
{
    private static readonly WordAndSpaceChunker Chunker = new();

    /// <summary>
    /// Word-level differences from <paramref name="before"/> to <paramref name="after"/>. Adjacent pieces
    /// of the same kind are merged and whitespace is kept, so concatenating the Unchanged and Added pieces
    /// gives <paramref name="after"/> exactly, and Unchanged and Removed pieces give <paramref name="before"/>.
    /// Within a changed stretch the Removed piece comes before the Added one.
    /// </summary>
    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        before ??= string.Empty;
        after ??= string.Empty;

        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return before.Length == 0 ? [] : [new DiffPiece(DiffKind.Unchanged, before)];
        }

        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var oldPieces = result.PiecesOld;
        var newPieces = result.PiecesNew;

        var segments = new List<Segment>();
        var oldPosition = 0;
        foreach (var block in result.DiffBlocks)
        {
            AddUnchanged(segments, Join(oldPieces, oldPosition, block.DeleteStartA));
            AddChange(
                segments,
                Join(oldPieces, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA),
                Join(newPieces, block.InsertStartB, block.InsertStartB + block.InsertCountB));
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }

        AddUnchanged(segments, Join(oldPieces, oldPosition, oldPieces.Count));

        return ToPieces(AbsorbSpacesBetweenChanges(segments));
    }

    /// <summary>Ordinal equality, treating null as empty text.</summary>
    public static bool AreSame(string? before, string? after) =>
        string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal);

    private static string Join(IReadOnlyList<string> pieces, int start, int end)
    {
        if (start >= end)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            builder.Append(pieces[i]);
        }

        return builder.ToString();
    }

    private static void AddUnchanged(List<Segment> segments, string text)
    {
        if (text.Length > 0)
        {
            segments.Add(Segment.Unchanged(text));
        }
    }

    // DiffPlex can report neighbouring blocks with nothing unchanged between them; folding them into one
    // change keeps a single Removed-then-Added pair instead of alternating fragments.
    private static void AddChange(List<Segment> segments, string removed, string added)
    {
        if (removed.Length == 0 && added.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].IsChange)
        {
            segments[^1].Removed.Append(removed);
            segments[^1].Added.Append(added);
        }
        else
        {
            segments.Add(Segment.Change(removed, added));
        }
    }

    // Rewording a phrase otherwise comes out as "-old+new, space, -old+new" for every word; showing the
    // whole phrase removed then the whole phrase added is far easier to read. Line breaks are left alone so
    // a change never appears to swallow paragraph or bullet structure.
    private static List<Segment> AbsorbSpacesBetweenChanges(List<Segment> segments)
    {
        var merged = new List<Segment>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var isSpaceBetweenChanges = !segment.IsChange
                && merged.Count > 0 && merged[^1].IsChange
                && i + 1 < segments.Count && segments[i + 1].IsChange
                && IsSpaceWithinLine(segment.Text);

            if (isSpaceBetweenChanges)
            {
                var previous = merged[^1];
                var next = segments[i + 1];
                previous.Removed.Append(segment.Text).Append(next.Removed);
                previous.Added.Append(segment.Text).Append(next.Added);
                i++;
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    private static bool IsSpaceWithinLine(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) || IsLineBreak(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static List<DiffPiece> ToPieces(List<Segment> segments)
    {
        var pieces = new List<DiffPiece>(segments.Count * 2);
        foreach (var segment in segments)
        {
            if (!segment.IsChange)
            {
                pieces.Add(new DiffPiece(DiffKind.Unchanged, segment.Text));
                continue;
            }

            if (segment.Removed.Length > 0)
            {
                pieces.Add(new DiffPiece(DiffKind.Removed, segment.Removed.ToString()));
            }

            if (segment.Added.Length > 0)
            {
                pieces.Add(new DiffPiece(DiffKind.Added, segment.Added.ToString()));
            }
        }

        return pieces;
    }

    private sealed class Segment
    {
        private Segment(bool isChange, string text, string removed, string added)
        {
            IsChange = isChange;
            Text = text;
            Removed = new StringBuilder(removed);
            Added = new StringBuilder(added);
        }

        public bool IsChange { get; }

        public string Text { get; }

        public StringBuilder Removed { get; }

        public StringBuilder Added { get; }

        public static Segment Unchanged(string text) => new(false, text, string.Empty, string.Empty);

        public static Segment Change(string removed, string added) => new(true, string.Empty, removed, added);
    }

    /// <summary>
    /// Splits text into words, runs of spaces, single line breaks and single punctuation marks or symbols.
    /// DiffPlex's own WordChunker glues line breaks onto neighbouring words and lumps punctuation with the
    /// following space, which makes Markdown paragraph and bullet changes look much bigger than they are.
    /// Splitting on grapheme clusters keeps emoji sequences and accented letters (such as Welsh "ŵ" typed
    /// with a combining mark) whole, so a change never shows half a character.
    /// </summary>
    private sealed class WordAndSpaceChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var position = 0;
            while (position < text.Length)
            {
                var length = StringInfo.GetNextTextElementLength(text, position);
                var kind = Classify(text, position);
                var end = position + length;

                if (kind is CharClass.Word or CharClass.Space)
                {
                    while (end < text.Length)
                    {
                        var nextLength = StringInfo.GetNextTextElementLength(text, end);
                        var nextKind = Classify(text, end);
                        if (nextKind == kind)
                        {
                            end += nextLength;
                        }
                        else if (kind == CharClass.Word && IsApostrophe(text[end]) && nextLength == 1
                            && end + 1 < text.Length && Classify(text, end + 1) == CharClass.Word)
                        {
                            // Keeps "i'r" and "don't" as single words rather than three fragments.
                            end += nextLength;
                        }
                        else
                        {
                            break;
                        }
                    }
                }

                chunks.Add(text[position..end]);
                position = end;
            }

            return chunks;
        }

        private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

        private static CharClass Classify(string text, int index)
        {
            var c = text[index];
            if (IsLineBreak(c))
            {
                return CharClass.LineBreak;
            }

            if (char.IsWhiteSpace(c))
            {
                return CharClass.Space;
            }

            var isWordStart = Rune.TryGetRuneAt(text, index, out var rune) && Rune.IsLetterOrDigit(rune);
            return isWordStart ? CharClass.Word : CharClass.Other;
        }

        private enum CharClass
        {
            Word,
            Space,
            LineBreak,
            Other,
        }
    }
}
