using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Tests.Admin;

public sealed class WordDiffTests
{
    [Fact]
    public void Compare_IdenticalTexts_ShowsOneUnchangedPiece()
    {
        var pieces = WordDiff.Compare("Tell us what you think.", "Tell us what you think.");

        Assert.Equal([new DiffPiece(DiffKind.Unchanged, "Tell us what you think.")], pieces);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData(null, "")]
    public void Compare_TwoEmptyTexts_ShowsNoPieces(string? before, string? after) =>
        Assert.Empty(WordDiff.Compare(before, after));

    [Fact]
    public void Compare_OneWordReplaced_ShowsItRemovedThenAdded()
    {
        var pieces = WordDiff.Compare("The quick brown fox", "The slow brown fox");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "The "),
                new DiffPiece(DiffKind.Removed, "quick"),
                new DiffPiece(DiffKind.Added, "slow"),
                new DiffPiece(DiffKind.Unchanged, " brown fox"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_WordsAddedAtTheEnd_ShowsThemAddedWithTheirSpaces()
    {
        var pieces = WordDiff.Compare("Tell us what you think", "Tell us what you think about this");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "Tell us what you think"),
                new DiffPiece(DiffKind.Added, " about this"),
            ],
            pieces);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Compare_TextRemovedEntirely_ShowsOneRemovedPiece(string? after)
    {
        var pieces = WordDiff.Compare("We will keep your answers safe.", after);

        Assert.Equal([new DiffPiece(DiffKind.Removed, "We will keep your answers safe.")], pieces);
    }

    [Fact]
    public void Compare_TextWrittenFromNothing_ShowsOneAddedPiece()
    {
        var pieces = WordDiff.Compare(null, "New help text");

        Assert.Equal([new DiffPiece(DiffKind.Added, "New help text")], pieces);
    }

    [Fact]
    public void Compare_MarkdownBulletChanged_KeepsParagraphsAndOtherBulletsUnchanged()
    {
        var before = "ContactPoint holds:\n\n- names\n- home addresses\n- school\n\nIt was closed in 2010.\n";
        var after = "ContactPoint holds:\n\n- names\n- dates of birth\n- school\n\nIt was closed in 2010.\n";

        var pieces = WordDiff.Compare(before, after);

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "ContactPoint holds:\n\n- names\n- "),
                new DiffPiece(DiffKind.Removed, "home addresses"),
                new DiffPiece(DiffKind.Added, "dates of birth"),
                new DiffPiece(DiffKind.Unchanged, "\n- school\n\nIt was closed in 2010.\n"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_BulletAdded_ShowsOnlyTheNewLineAdded()
    {
        var pieces = WordDiff.Compare("- names\n- school\n", "- names\n- school\n- doctor\n");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "- names\n- school\n"),
                new DiffPiece(DiffKind.Added, "- doctor\n"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_SeveralNeighbouringWordsReworded_ShowsThePhraseRemovedThenAdded()
    {
        var pieces = WordDiff.Compare("We will share your details", "We may keep your records");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "We "),
                new DiffPiece(DiffKind.Removed, "will share"),
                new DiffPiece(DiffKind.Added, "may keep"),
                new DiffPiece(DiffKind.Unchanged, " your "),
                new DiffPiece(DiffKind.Removed, "details"),
                new DiffPiece(DiffKind.Added, "records"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_PunctuationChanged_ShowsOnlyThePunctuationChanged()
    {
        var pieces = WordDiff.Compare("Yes, please.", "Yes please!");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "Yes"),
                new DiffPiece(DiffKind.Removed, ","),
                new DiffPiece(DiffKind.Unchanged, " please"),
                new DiffPiece(DiffKind.Removed, "."),
                new DiffPiece(DiffKind.Added, "!"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_WelshWordWithApostropheChanged_TreatsItAsOneWord()
    {
        var pieces = WordDiff.Compare("Dywedwch wrth i'r plant", "Dywedwch wrth i'r bobl ifanc");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "Dywedwch wrth i'r "),
                new DiffPiece(DiffKind.Removed, "plant"),
                new DiffPiece(DiffKind.Added, "bobl ifanc"),
            ],
            pieces);
    }

    [Fact]
    public void Compare_EmojiChanged_NeverSplitsAnEmojiSequence()
    {
        var pieces = WordDiff.Compare("Great 👍🏽 thanks", "Great 👍🏿 thanks");

        Assert.Equal(
            [
                new DiffPiece(DiffKind.Unchanged, "Great "),
                new DiffPiece(DiffKind.Removed, "👍🏽"),
                new DiffPiece(DiffKind.Added, "👍🏿"),
                new DiffPiece(DiffKind.Unchanged, " thanks"),
            ],
            pieces);
    }

    [Theory]
    [MemberData(nameof(TrickyPairs))]
    public void Compare_UnchangedAndAddedPieces_RebuildTheNewTextExactly(string? before, string? after)
    {
        var pieces = WordDiff.Compare(before, after);

        Assert.Equal(after ?? string.Empty, Rebuild(pieces, DiffKind.Added));
    }

    [Theory]
    [MemberData(nameof(TrickyPairs))]
    public void Compare_UnchangedAndRemovedPieces_RebuildTheOldTextExactly(string? before, string? after)
    {
        var pieces = WordDiff.Compare(before, after);

        Assert.Equal(before ?? string.Empty, Rebuild(pieces, DiffKind.Removed));
    }

    [Theory]
    [MemberData(nameof(TrickyPairs))]
    public void Compare_AnyTexts_NeverPlacesTwoPiecesOfTheSameKindSideBySide(string? before, string? after)
    {
        var pieces = WordDiff.Compare(before, after);

        Assert.All(pieces.Zip(pieces.Skip(1)), pair => Assert.NotEqual(pair.First.Kind, pair.Second.Kind));
    }

    [Theory]
    [MemberData(nameof(TrickyPairs))]
    public void Compare_AnyTexts_NeverReturnsEmptyPiecesOrAddedBeforeRemoved(string? before, string? after)
    {
        var pieces = WordDiff.Compare(before, after);

        Assert.All(pieces, p => Assert.NotEmpty(p.Text));
        Assert.DoesNotContain(
            pieces.Zip(pieces.Skip(1)),
            pair => pair.First.Kind == DiffKind.Added && pair.Second.Kind == DiffKind.Removed);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "", true)]
    [InlineData("Ŵyr", "Ŵyr", true)]
    [InlineData("Ŵyr", "ŵyr", false)]
    [InlineData("Ŵyr", "W\u0302yr", false)]
    [InlineData("names", "names ", false)]
    [InlineData("a\nb", "a\r\nb", false)]
    public void AreSame_ComparesOrdinallyWithNullAsEmpty(string? before, string? after, bool expected) =>
        Assert.Equal(expected, WordDiff.AreSame(before, after));

    public static TheoryData<string?, string?> TrickyPairs() => new()
    {
        { "Great 👍🏽 thanks 👩‍👩‍👧", "Great 👍🏿 thanks 👩‍👩‍👦 and 🎉" },
        { "Ŵyr a wyres", "Wyr a ŵyres" },
        { "Ŵyr", "W\u0302yr" },
        { "i'r plant a'r bobl ifanc", "i’r plant a'r pobl ifanc" },
        { "مرحبا بكم في الاستشارة", "مرحبا بكم في هذه الاستشارة" },
        { "Arabic \u202Bمرحبا\u202C text", "Arabic \u202Bأهلا\u202C text" },
        { "Yes, please... (maybe)!", "Yes; please? [maybe]" },
        { "the the the cat", "the cat the the" },
        { "no no no no", "no, no. no no no" },
        { "a\r\nb\n\n- c", "a\nb\r\n- c\n- d" },
        { "ContactPoint holds:\n\n- names\n- addresses\n", "ContactPoint held:\n\n* names\n\n* addresses" },
        { "  leading and trailing  ", "leading  and\ttrailing" },
        { "one two three four", "four three two one" },
        { "\uD83D broken surrogate", "fine \uDE00 text" },
        { "", "Brand new text" },
        { "Old text", null },
        { null, "x" },
    };

    private static string Rebuild(IEnumerable<DiffPiece> pieces, DiffKind changedKind) =>
        string.Concat(pieces.Where(p => p.Kind == DiffKind.Unchanged || p.Kind == changedKind).Select(p => p.Text));
}
