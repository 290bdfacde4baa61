using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>The "DataProtection" configuration section: the certificate the keys are encrypted with at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS #12 (.pfx) file with the private key. Keys made from now on are encrypted with it.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Certificates used before a rotation, kept so that keys they encrypted can still be read until those keys
    /// expire (90 days after they were made).
    /// </summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    public bool IsProtected => !string.IsNullOrWhiteSpace(CertificatePath);
}

/// <summary>
/// Data Protection keys encrypted at rest with a certificate, when one is configured; and the first key made by
/// the migrate step, so that two web nodes starting cold do not each make one.
/// </summary>
public static class KeyProtection
{
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificates(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        builder.Services.Configure<KeyProtectionOptions>(configuration.GetSection(KeyProtectionOptions.SectionName));
        if (!options.IsProtected)
        {
            return builder;
        }

        var current = Load(options.CertificatePath!, options.CertificatePassword, "DataProtection:CertificatePath");
        builder.ProtectKeysWithCertificate(current);
        builder.UnprotectKeysWithAnyCertificate(
            [current, .. options.PreviousCertificatePaths.Select((path, i) => Load(path, options.CertificatePassword, $"DataProtection:PreviousCertificatePaths:{i}"))]);
        return builder;
    }

    /// <summary>Makes the first key if there is none in force, as part of migrating: one deployment step, not every node.</summary>
    public static void EnsureKey(IServiceProvider services, DateTimeOffset now)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        }
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting}: '{path}' has no private key, so keys encrypted with it could not be read back.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: '{path}' could not be read as a .pfx certificate ({e.Message}).", e);
        }
    }
}
