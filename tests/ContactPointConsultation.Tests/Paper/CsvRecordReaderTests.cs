using System.Text;
using ContactPointConsultation.Core.Exports;

namespace ContactPointConsultation.Tests.Paper;

/// <summary>The one reader of uploaded CSV files: a record at a time, whatever the file's size and however its bytes arrive.</summary>
public sealed class CsvRecordReaderTests
{
    [Fact]
    public async Task Read_QuotedCellsWithCommasQuotesAndLineBreaks_GiveEachRecord_NumberedAsASpreadsheetsRows()
    {
        var records = await ReadAllAsync(Encoding.UTF8.GetBytes("\uFEFFa,\"b, \"\"c\"\"\",d\r\n\r\n\"one\ntwo\",x\rlast,\"\"\n"));

        Assert.Equal(
            [(1, "a|b, \"c\"|d"), (3, "one\ntwo|x"), (4, "last|")],
            records.Records.Select(r => (r.Line, string.Join('|', r.Cells))));
        Assert.Null(records.Problem);
    }

    [Fact]
    public async Task Read_AByteAtATime_WithCharactersCutBetweenReads_GivesTheSameRecords()
    {
        var text = "\uFEFF" + string.Concat(Enumerable.Repeat("“Café” 😀 naïve,ünïcödé\r\n", 2000));
        var whole = await ReadAllAsync(Encoding.UTF8.GetBytes(text));
        var trickled = await ReadAllAsync(Encoding.UTF8.GetBytes(text), byteAtATime: true);

        Assert.Equal(2000, whole.Records.Count);
        Assert.Equal(whole.Records.Select(r => string.Join('|', r.Cells)), trickled.Records.Select(r => string.Join('|', r.Cells)));
        Assert.All(trickled.Records, r => Assert.Equal(["“Café” 😀 naïve", "ünïcödé"], r.Cells));
        Assert.Null(trickled.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0xFF, 0x2C, 0x63 }, 2, 1)]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x63, 0x2C, 0x22, 0x64, 0xC3 }, 2, 2)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0x62, 0xE9, 0x2C, 0x63 }, 1, 2)]
    public async Task Read_BytesThatAreNotUtf8_StopTheReading_AtTheirLineAndCell(byte[] file, int line, int column)
    {
        var read = await ReadAllAsync(file);

        Assert.Equal(new CsvSyntaxProblem(line, column, CsvRecordReader.NotUtf8Message), read.Problem);
        Assert.All(read.Records, r => Assert.True(r.Line < line));
    }

    [Theory]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    public async Task Read_ABadByteAtTheEdgeOfARead_IsPlacedOnItsLine_AfterEveryGoodLineBeforeIt(int at)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("abcdefg,hij\n", (at / 12) + 2)));
        bytes[at] = 0xFF;

        var read = await ReadAllAsync(bytes);

        Assert.Equal((at / 12) + 1, read.Problem!.Line);
        Assert.Equal(at / 12, read.Records.Count);
    }

    [Fact]
    public async Task Read_AQuoteThatNeverCloses_OrTextAfterAClosingQuote_IsAProblemWhereItIs()
    {
        Assert.Equal(2, (await ReadAllAsync(Encoding.UTF8.GetBytes("a,b\r\nc,\"open\r\nd,e\r\n"))).Problem!.Line);
        Assert.Equal(new CsvSyntaxProblem(1, 2, "there is text after the quote that closes this cell. Put the whole cell in quotes, and double any quote inside it"),
            (await ReadAllAsync(Encoding.UTF8.GetBytes("a,\"b\"c\r\n"))).Problem);
    }

    private static async Task<(List<(int Line, List<string> Cells)> Records, CsvSyntaxProblem? Problem)> ReadAllAsync(byte[] file, bool byteAtATime = false)
    {
        await using var stream = byteAtATime ? new TrickleStream(file) : new MemoryStream(file);
        var reader = new CsvRecordReader(stream, maxCells: 10);
        var records = new List<(int, List<string>)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } record)
        {
            records.Add(record);
        }

        return (records, reader.Problem);
    }

    /// <summary>A stream that hands out one byte a read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
