using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// The lookalike lines of a file as they are found, in line order: how many, the first
/// <see cref="ImportProblems.MaxListed"/> to list, and a digest of them all, so the import can tell that the
/// lookalikes it finds are the ones the person saw and gave a reason for. Earlier lines are remembered by the
/// first 16 bytes of their digest, a few dozen bytes a line.
/// </summary>
public sealed class ImportLookalikes
{
    private readonly Dictionary<UInt128, int> _firstLines = [];
    private readonly IncrementalHash _all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public int Count { get; private set; }

    public List<ImportLookalike> Listed { get; } = [];

    /// <summary>The earlier line of the file whose entry has this digest; or null, and this line is remembered as the first.</summary>
    public int? EarlierLine(string digest, int line)
    {
        var key = UInt128.Parse(digest.AsSpan(0, 32), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (_firstLines.TryGetValue(key, out var first))
        {
            return first;
        }

        _firstLines.Add(key, line);
        return null;
    }

    public void Add(ImportLookalike lookalike)
    {
        ArgumentNullException.ThrowIfNull(lookalike);
        Count++;
        _all.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{lookalike.Line}:{lookalike.Reference}:{lookalike.SameAsLine}\n")));
        if (Listed.Count < ImportProblems.MaxListed)
        {
            Listed.Add(lookalike);
        }
    }

    /// <summary>The digest of every lookalike found so far.</summary>
    public string Digest() => Convert.ToHexStringLower(_all.GetCurrentHash());

    /// <summary>Keeps these lookalikes on the held file, for its check page and its import.</summary>
    public void CopyTo(PaperImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        (import.Lookalikes, import.LookalikeCount, import.LookalikeDigest) = (JsonSerializer.Serialize(Listed), Count, Digest());
    }
}
