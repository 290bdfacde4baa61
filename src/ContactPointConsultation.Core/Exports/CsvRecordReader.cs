using System.Text;

namespace ContactPointConsultation.Core.Exports;

/// <summary>Where an uploaded CSV file cannot be read as CSV: the line, the cell counted from 1, and why.</summary>
public sealed record CsvSyntaxProblem(int Line, int Column, string Message);

/// <summary>
/// Reads RFC 4180 records from a UTF-8 file one at a time, each with its line as a spreadsheet numbers its rows
/// (a cell with line breaks in it is still one line; a blank line counts), so a file of any size is read in the
/// memory of one record, which is bounded too: cells past <c>maxCells</c> are read but not kept, and a cell longer
/// than <c>maxCellLength</c> stops the reading. A quoted cell may hold commas, doubled quotes and line breaks. Lenient
/// where spreadsheets are: a byte order mark is skipped, a quote inside an unquoted cell is kept as text, and a
/// blank line is skipped. A quoted cell that never closes, text after its closing quote, or bytes that are not
/// UTF-8 end the reading with a <see cref="Problem"/>, placed exactly: nothing after it can be trusted to be
/// where it seems.
/// </summary>
public sealed class CsvRecordReader(Stream file, int maxCells, int maxCellLength = CsvRecordReader.DefaultMaxCellLength)
{
    /// <summary>Twenty times the longest comment: no real cell is near it, and a record stays a few MB at most.</summary>
    public const int DefaultMaxCellLength = 100_000;

    /// <summary>Said when the bytes are not UTF-8: the one way out that a spreadsheet offers.</summary>
    public const string NotUtf8Message = "the file is not saved as UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again";

    private const int BufferSize = 16 * 1024;

    private readonly byte[] _bytes = new byte[BufferSize];
    private readonly char[] _chars = new char[BufferSize];
    private readonly StringBuilder _cell = new();
    private int _byteCount;
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;
    private bool _ended;
    private bool _notUtf8Ahead;

    /// <summary>Why reading stopped early; null if it reached the end of the file.</summary>
    public CsvSyntaxProblem? Problem { get; private set; }

    /// <summary>The next record that is not a blank line, and the line it starts on; null at the end of the file or at a problem.</summary>
    public async ValueTask<(int Line, List<string> Cells)?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (Problem is null && await PeekAsync(cancellationToken) >= 0)
        {
            var (line, cells) = (_line, new List<string>(Math.Min(maxCells, 64)));
            if (!await TryReadRecordAsync(cells, cancellationToken))
            {
                return null;
            }

            if (cells is not [""])
            {
                return (line, cells);
            }
        }

        if (_notUtf8Ahead && Problem is null)
        {
            Problem = new(_line, 1, NotUtf8Message);
        }

        return null;
    }

    private async ValueTask<bool> TryReadRecordAsync(List<string> cells, CancellationToken cancellationToken)
    {
        while (true)
        {
            _cell.Clear();
            if (await PeekAsync(cancellationToken) == '"')
            {
                var opened = _line;
                Skip();
                while (true)
                {
                    var c = await PeekAsync(cancellationToken);
                    if (c < 0)
                    {
                        return Fail(_notUtf8Ahead ? new(_line, cells.Count + 1, NotUtf8Message) : new(opened, cells.Count + 1, "a quote (\") opens this cell but nothing closes it"));
                    }

                    Skip();
                    if (c == '"')
                    {
                        if (await PeekAsync(cancellationToken) == '"')
                        {
                            _cell.Append('"');
                            Skip();
                            continue;
                        }

                        break;
                    }

                    if (!Append(c, cells))
                    {
                        return false;
                    }
                }

                if (await PeekAsync(cancellationToken) is >= 0 and not (',' or '\r' or '\n'))
                {
                    return Fail(new(_line, cells.Count + 1, "there is text after the quote that closes this cell. Put the whole cell in quotes, and double any quote inside it"));
                }
            }
            else
            {
                int c;
                while ((c = await PeekAsync(cancellationToken)) is >= 0 and not (',' or '\r' or '\n'))
                {
                    if (!Append(c, cells))
                    {
                        return false;
                    }

                    Skip();
                }
            }

            if (_notUtf8Ahead && _position == _length)
            {
                return Fail(new(_line, cells.Count + 1, NotUtf8Message));
            }

            if (cells.Count < maxCells)
            {
                cells.Add(_cell.ToString());
            }
            else if (_cell.Length > 0)
            {
                // Past the last kept cell, only whether anything was there matters: a row of commas with a word at
                // its end is a row with too many cells, not an empty one.
                cells[^1] = _cell.ToString();
            }

            if (await PeekAsync(cancellationToken) == ',')
            {
                Skip();
                continue;
            }

            // The end of the line: CRLF, LF or a lone CR, or the end of the file.
            if (await PeekAsync(cancellationToken) == '\r')
            {
                Skip();
            }

            if (await PeekAsync(cancellationToken) == '\n')
            {
                Skip();
            }

            _line++;
            return true;
        }
    }

    private bool Append(int c, List<string> cells)
    {
        if (_cell.Length == maxCellLength)
        {
            return Fail(new(_line, cells.Count + 1, $"this cell is longer than {maxCellLength.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} characters. Check the file is the spreadsheet of responses, saved as CSV"));
        }

        _cell.Append((char)c);
        return true;
    }

    private bool Fail(CsvSyntaxProblem problem)
    {
        Problem = problem;
        return false;
    }

    /// <summary>The next character, or -1 at the end of the file or where the bytes stop being UTF-8.</summary>
    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        while (_position == _length)
        {
            if (_notUtf8Ahead || (_ended && _byteCount == 0))
            {
                return -1;
            }

            await FillAsync(cancellationToken);
        }

        return _chars[_position];
    }

    private void Skip() => _position++;

    /// <summary>
    /// Decodes the next bytes. A sequence cut by the buffer's end waits for the rest; bytes that are not UTF-8
    /// stop the decoding just before them, so the characters before them are read and the problem is placed there.
    /// </summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (!_ended)
        {
            var read = await file.ReadAsync(_bytes.AsMemory(_byteCount), cancellationToken);
            _ended = read == 0;
            _byteCount += read;
        }

        var bytes = _bytes.AsSpan(0, _byteCount);
        if ((!_started && _byteCount >= 3) || _ended)
        {
            if (!_started && bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
                _byteCount -= Encoding.UTF8.Preamble.Length;
                _bytes.AsSpan(Encoding.UTF8.Preamble.Length, _byteCount).CopyTo(_bytes);
                bytes = _bytes.AsSpan(0, _byteCount);
            }

            _started = true;
        }

        if (!_started)
        {
            (_position, _length) = (0, 0);
            return;
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, _chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: _ended);
        _notUtf8Ahead = status == System.Buffers.OperationStatus.InvalidData;
        _bytes.AsSpan(consumed, _byteCount - consumed).CopyTo(_bytes);
        _byteCount -= consumed;
        (_position, _length) = (0, written);
    }
}
