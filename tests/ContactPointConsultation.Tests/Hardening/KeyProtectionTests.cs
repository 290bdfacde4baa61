using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// The Data Protection keys, which sign staff cookies and forms, in the shared database: made once by the migrate
/// step, and encrypted there with a certificate when one is configured, so reading the database is not enough.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "a test certificate's password";
    private readonly string _folder = Directory.CreateTempSubdirectory("contactpoint-keys-").FullName;

    /// <summary>The first key itself is made by the migrate command: <see cref="MigrateCommandTests"/>.</summary>
    [Fact]
    public async Task Migrate_Again_MakesNoSecondKey_AndWithoutACertificateTheKeyIsInClear()
    {
        await using var portal = new PortalFactory();
        _ = portal.Services;

        await portal.Services.MigrateAndSeedAsync(TestContext.Current.CancellationToken);

        var keys = await portal.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        var key = Assert.Single(keys);
        // Without a certificate the key is in clear, which is why production warns.
        Assert.Contains("unencrypted form", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_KeysAreEncryptedInTheDatabase_AndFormsStillWork()
    {
        await using var portal = new PortalFactory(Certificate("current"));
        using var respondent = portal.CreateRespondent();

        await respondent.GetAsync("/questions/2");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "yes", ["Comments"] = "Signed with an encrypted key" });

        Assert.Equal("/questions/3", respondent.Path);
        var key = Assert.Single(await portal.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.BadRequest)]
    public async Task AfterRotatingTheCertificate_KeysEncryptedWithTheOldOne_AreReadWhileItIsKeptAsPrevious(bool keepOld, HttpStatusCode sent)
    {
        var old = Certificate("old");
        var path = PortalFactory.NewDatabasePath();
        try
        {
            await using var before = new PortalFactory(old, path);
            using var respondent = before.CreateRespondent();
            await respondent.GetAsync("/questions/2");
            var form = respondent.HiddenFields();

            var rotated = Certificate("new");
            if (keepOld)
            {
                rotated["DataProtection:PreviousCertificatePaths:0"] = old["DataProtection:CertificatePath"];
            }

            // Another node, already on the new certificate, gets the form the old key signed.
            await using var after = new PortalFactory(rotated, path);
            using var sameBrowser = after.CreateRespondent(respondent.Cookies);
            using var response = await sameBrowser.SendFormAsync("/questions/2", [.. form, new("Answer", "no")]);

            Assert.Equal(sent, response.StatusCode);
        }
        finally
        {
            PortalFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public void ACertificateThatCannotBeRead_StopsTheStartSayingWhich()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Path.Combine(_folder, "missing.pfx") });

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("DataProtection:CertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("missing.pfx", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Testing", false, false)]
    public async Task AdminHome_InProductionWithoutACertificate_WarnsThatTheKeysAreInClear(string environment, bool certificate, bool warns)
    {
        await using var portal = new InEnvironment(environment, certificate ? Certificate("current") : []);
        using var admin = await portal.SignedInStaffAsync(StaffRoles.Admin);

        await admin.GetAsync("/admin");

        Assert.Equal("Admin", admin.Text("h1"));
        Assert.Equal(warns, admin.Html.Contains("stored in the database unencrypted", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A self-signed certificate with its private key, in a .pfx file, as an operator would make with openssl.</summary>
    private Dictionary<string, string?> Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=ContactPoint keys {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return new() { ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = Password };
    }

    private sealed class InEnvironment(string environment, Dictionary<string, string?> settings) : PortalFactory(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
