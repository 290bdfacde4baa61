using System.Security.Cryptography;
using System.Text;

namespace ContactPointConsultation.Core;

/// <summary>
/// Draft tokens and resume codes are random and high-entropy, so a plain SHA-256 is enough to make a
/// stolen database useless for taking over a draft; a slow password hash would add nothing.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
