using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Exports;
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
        Assert.Equal(expected, Core.Submissions.TypedComment.Clean(typed));
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

    [Fact]
    public void PlacedLower_HeadingsMoveDownTheOutlineTogether_AndKeepTheirLook()
    {
        var markdown = new GovUkMarkdown();
        const string Text = "## Part\n\nText\n\n### Detail\n\n#### Fine print";

        Assert.Equal(
            "<h4 class=\"govuk-heading-m\">Part</h4>\n<p class=\"govuk-body\">Text</p>\n" +
            "<h5 class=\"govuk-heading-s\">Detail</h5>\n<h6 class=\"govuk-heading-s\">Fine print</h6>\n",
            markdown.ToHtml(Text, topLevel: 4).Value);
        // The page's own placement is kept apart from the lower one, though the text is the same.
        Assert.StartsWith("<h2 class=\"govuk-heading-m\">Part</h2>", markdown.ToHtml(Text).Value, StringComparison.Ordinal);
        Assert.StartsWith("<h3 class=\"govuk-heading-m\">Part</h3>", markdown.ToHtml(Text, topLevel: 3).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](java&#09;script:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](https://evil.example/track.png)")]
    [InlineData("[x](https://www.gov.uk/ \"title\" onmouseover=alert(1))")]
    [InlineData("**<b onmouseover=alert(1)>bold</b>**")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    public void HostileMarkdown_LeavesNoScriptsEventHandlersOrUnsafeLinks(string markdown)
    {
        var html = new GovUkMarkdown().ToHtml(markdown).Value!;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*").ToList();

        Assert.All(elements, e => Assert.Contains(e.LocalName, (string[])["p", "ul", "ol", "li", "strong", "em", "a", "br", "h2", "h3", "h4", "h5", "h6"]));
        Assert.All(elements, e => Assert.All(e.Attributes, a => Assert.Contains(a.Name, (string[])["href", "class"])));
        Assert.All(elements.Where(e => e.HasAttribute("href")), a => Assert.Matches("^(#|/[^/]|https?://|mailto:)", a.GetAttribute("href")!));
    }

    [Fact]
    public void SafeMarkdown_KeepsParagraphsListsBoldAndLinks()
    {
        var html = new GovUkMarkdown().ToHtml("Read **this** and *that*.\n\n1. first\n2. [second](mailto:team@example.gov.uk)").Value!;

        Assert.Equal(
            "<p class=\"govuk-body\">Read <strong>this</strong> and <em>that</em>.</p>\n" +
            "<ol class=\"govuk-list govuk-list--number\">\n<li>first</li>\n<li><a href=\"mailto:team@example.gov.uk\" class=\"govuk-link\">second</a></li>\n</ol>\n",
            html);
    }

    [Fact]
    public void TooDeeplyNestedMarkdown_IsShownAsTextAndRefusedForSaving()
    {
        var text = "Hello. " + new string('[', 300) + "<b>";

        Assert.False(GovUkMarkdown.CanRender(text));
        Assert.Equal($"<p class=\"govuk-body\">Hello. {new string('[', 300)}&lt;b&gt;</p>", new GovUkMarkdown().ToHtml(text).Value);
        Assert.Equal(text, GovUkMarkdown.ToPlainText(text));
        Assert.True(GovUkMarkdown.CanRender("Hello. " + new string('[', 10)));
    }

    [Fact]
    public void ToPlainText_DropsTheMarks()
    {
        Assert.Equal("Read this and a link.", GovUkMarkdown.ToPlainText("Read **this** and [a link](/privacy).").Trim());
    }
}

public sealed class AnswerOptionsTests
{
    /// <summary>
    /// Labels are looked up by the stored value and answers parsed by the posted one, so a value added
    /// to an enum without an option, or two options posting the same value, would break a page or a download.
    /// </summary>
    [Fact]
    public void EveryStoredValue_HasExactlyOneOption_AndEachOptionItsOwnFormValue()
    {
        AssertOnePerValue(Core.Content.AnswerOptions.Choices);
        AssertOnePerValue(Core.Content.AnswerOptions.AgeGroups);
        AssertOnePerValue(Core.Content.AnswerOptions.AnsweringAs);
    }

    private static void AssertOnePerValue<T>(Core.Content.OptionList<T> options)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Order(), options.Options.Select(o => o.Item).Order());
        Assert.Equal(options.Options.Count, options.Options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count());
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

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x?\"&A1,\"x\")")]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("\n=1")]
    [InlineData("\0=1")]
    [InlineData(" =1")]
    [InlineData("   @SUM(1)")]
    [InlineData("\u00A0-1")]
    [InlineData("\u200B=1")]
    [InlineData("\uFEFF+1")]
    [InlineData("\u202E=1")]
    [InlineData("\u200B \u2060\u200E-2")]
    [InlineData("\U000E0001=1")]
    public void EscapeFormula_FormulaTrigger_GetsAnApostrophe(string cell) =>
        Assert.Equal("'" + cell, SpreadsheetText.EscapeFormula(cell));

    [Theory]
    [InlineData("a\"\n=1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    [InlineData("Hello = world")]
    [InlineData("1-2")]
    [InlineData("'=1")]
    [InlineData("ŵ ŷ")]
    [InlineData("\u202Bمرحبا\u202C")]
    [InlineData("👩‍👩‍👧 =1")]
    [InlineData("00001234")]
    public void EscapeFormula_NoTrigger_IsUnchanged(string cell) =>
        Assert.Equal(cell, SpreadsheetText.EscapeFormula(cell));

    /// <summary>
    /// An Excel cell is exactly the text, and a CSV made from it (as a spreadsheet saves one) reads back as
    /// typed; so does our own CSV, apostrophe and all.
    /// </summary>
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+44 7700")]
    [InlineData("-5")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTabbed in first")]
    [InlineData("\r=1")]
    [InlineData("\nA line break first")]
    [InlineData("\u200B=1")]
    public void ExcelText_FormulaTrigger_IsExactlyTheText_AndBothDownloadsReadBackAsTyped(string cell)
    {
        Assert.True(SpreadsheetText.LooksLikeFormula(cell));
        Assert.Equal(cell, SpreadsheetText.ExcelText(cell));
        Assert.Equal(cell, SpreadsheetText.UnescapeFormula(SpreadsheetText.ExcelText(cell)));
        Assert.Equal(cell, SpreadsheetText.UnescapeFormula(SpreadsheetText.EscapeFormula(cell)));
    }
}

public sealed class XmlCharacterTests
{
    [Fact]
    public void ReplaceNonXmlCharacters_ReplacesOnlyWhatXmlCannotHold()
    {
        (string Text, string Expected)[] cases =
        [
            ("before\uFFFEafter", "before\uFFFDafter"),
            ("\uFFFF", "\uFFFD"),
            ("lone \uD800 high", "lone \uFFFD high"),
            ("lone low \uDC00", "lone low \uFFFD"),
            ("bell\u0007", "bell\uFFFD"),
            ("tab\t, LF\n, CR\r", "tab\t, LF\n, CR\r"),
            ("👩‍👩‍👧 \U0001F3F3\uFE0F\u200D\U0001F308 ŵ مرحبا 中文", "👩‍👩‍👧 \U0001F3F3\uFE0F\u200D\U0001F308 ŵ مرحبا 中文"),
            ("", ""),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, SpreadsheetText.ReplaceNonXmlCharacters(c.Text)));
    }
}
