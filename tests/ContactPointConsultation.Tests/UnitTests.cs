using ContactPointConsultation.Core;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Infrastructure;

namespace ContactPointConsultation.Tests;

public sealed class ReferenceCodeTests
{
    [Fact]
    public void Create_UsesOnlyCharactersThatCannotBeConfused()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ReferenceCode.Create()).ToList();

        Assert.All(codes, c => Assert.Equal(8, c.Length));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['I', 'O', 'Q', '0', '1']) >= 0);
        Assert.True(codes.Distinct().Count() > 1990);
    }

    [Theory]
    [InlineData("abcde-fgh23", "ABCDEFGH23")]
    [InlineData(" ABCDE FGH23 ", "ABCDEFGH23")]
    [InlineData(null, "")]
    public void Normalise_IgnoresCaseSpacesAndDashes(string? typed, string expected) =>
        Assert.Equal(expected, ReferenceCode.Normalise(typed));
}

public sealed class CommentTextTests
{
    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("keep\ttabs", "keep\ttabs")]
    [InlineData("no\0nul\u0007bell\u009Fc1", "nonulbellc1")]
    [InlineData("Arabic \u202Bمرحبا\u202C and 👩‍👩‍👧", "Arabic \u202Bمرحبا\u202C and 👩‍👩‍👧")]
    public void Clean_NormalisesLineBreaksAndDropsControlCharacters(string typed, string expected) =>
        Assert.Equal(expected, CommentText.Clean(typed));
}

public sealed class SqliteConnectionStringTests
{
    [Fact]
    public void RelativeDatabaseFile_IsPlacedUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "contactpoint-tests", Guid.NewGuid().ToString("N"));

        var result = DatabaseSetup.SqliteConnectionString("Data Source=App_Data/consultation.db", root);

        Assert.Contains(Path.Combine(root, "App_Data", "consultation.db"), result, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        Directory.Delete(root, recursive: true);
    }
}

public sealed class DisplayTests
{
    [Theory]
    [InlineData("2027-03-31T22:59:59Z", "31 March 2027")]
    [InlineData("2027-03-31T23:30:00Z", "1 April 2027")]
    [InlineData("2027-01-31T23:30:00Z", "31 January 2027")]
    public void Date_IsShownInUkTime(string utc, string expected) =>
        Assert.Equal(expected, Display.Date(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));
}

public sealed class GovUkMarkdownTests
{
    [Theory]
    [InlineData("[x](javascript:alert(1))", "href=\"#\"")]
    [InlineData("[x](data:text/html,hi)", "href=\"#\"")]
    [InlineData("[x](https://www.gov.uk/)", "href=\"https://www.gov.uk/\"")]
    [InlineData("[x](/privacy)", "href=\"/privacy\"")]
    [InlineData("[x](//evil.example/)", "href=\"#\"")]
    public void Links_AreLimitedToWebEmailAndSameSite(string markdown, string expected) =>
        Assert.Contains(expected, new GovUkMarkdown().ToHtml(markdown).Value, StringComparison.Ordinal);

    [Fact]
    public void RawHtml_IsEscapedAndBlocksGetGovUkClasses()
    {
        var html = new GovUkMarkdown().ToHtml("## Title\n\nText <script>alert(1)</script>\n\n- one\n- two").Value!;

        Assert.Contains("<h2 class=\"govuk-heading-m\">Title</h2>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}

public sealed class AuditAddressTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::/48")]
    public void Address_IsTruncatedSoItLocatesWithoutIdentifying(string address, string expected) =>
        Assert.Equal(expected, Core.Audit.AuditLog.Truncate(System.Net.IPAddress.Parse(address)));
}
