using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// What an entered response says, with the batch it came in, as a SHA-256 digest in hex: two entries with the
/// same digest have the same ticks, the same words and the same About you, in the same batch, so the second
/// is probably the same form typed in again. Case and runs of spaces are ignored in the batch, and spaces at
/// either end of a comment; a comment's words otherwise count as written.
/// </summary>
public static class EntryDigest
{
    public const int Length = 64;

    public static string Of(EnteredResponse entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder()
            .Append(Squash(entry.Batch).ToUpperInvariant()).Append('\u001e')
            .Append(entry.AgeGroup?.ToString() ?? "").Append('\u001e')
            .Append(entry.AnsweringAs?.ToString() ?? "").Append('\u001e');
        foreach (var answer in entry.Answers.Where(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments)).OrderBy(a => a.QuestionNumber))
        {
            text.Append(answer.QuestionNumber.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
                .Append(answer.Choice?.ToString() ?? "").Append('\u001f')
                .Append(answer.Comments?.Trim() ?? "").Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The entered responses a new one with this digest is checked against: those that say the same and were not
    /// themselves saved as lookalikes, which the unique index holds to one.
    /// </summary>
    public static IQueryable<Response> Saying(this IQueryable<Response> responses, string digest) =>
        responses.Where(r => r.EntryDigest == digest && r.DuplicateReason == null);

    /// <summary>A batch's words with single spaces between them, as the digest compares batches (ignoring their case too).</summary>
    public static string Squash(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
