using System.Security.Cryptography;

namespace ContactPointConsultation.Core;

/// <summary>
/// Short codes that are easy to read out and write down: no I, O, Q, 0 or 1 to confuse.
/// </summary>
public static class ReferenceCode
{
    public const int Length = 8;
    public const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";

    public static string Create(int length = Length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Upper-cases and strips spaces and dashes, so "abcd-efgh" and "ABCD EFGH" both match.</summary>
    public static string Normalise(string? typed)
    {
        if (string.IsNullOrEmpty(typed))
        {
            return "";
        }

        return string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
    }

    /// <summary>
    /// Whether a normalised code could be one of ours: the length and the alphabet. A typed O, I, 0 or 1 never is, as
    /// none of them is ever given, so there is nothing to change them to.
    /// </summary>
    public static bool IsWellFormed(string normalised, int length = Length) =>
        normalised is not null && normalised.Length == length && normalised.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
