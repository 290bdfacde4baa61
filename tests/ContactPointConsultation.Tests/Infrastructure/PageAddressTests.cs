using System.Text.RegularExpressions;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// Each page's address is written once, in its feature's link class (RespondLinks, StaffLinks and so
/// on), and each view sets its own title. These read the source so a literal address or a title set
/// by a controller is caught where it is written, with its file and line.
/// </summary>
public sealed partial class PageAddressTests
{
    [Fact]
    public void Views_HaveNoLiteralPageAddresses() =>
        AssertNoneFound("*.cshtml", LiteralAddressInView());

    [Fact]
    public void Controllers_HaveNoLiteralRedirects() =>
        AssertNoneFound("*.cs", LiteralRedirect());

    [Fact]
    public void Controllers_DoNotSetPageTitles() =>
        AssertNoneFound("*.cs", TitleSet());

    private static void AssertNoneFound(string files, Regex pattern)
    {
        var features = WebProject.Path("Features");
        var found = Directory.EnumerateFiles(features, files, SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => pattern.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(features, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, $"Use the feature's link class (or set the title in the view) instead:\n{string.Join('\n', found)}");
    }

    /// <summary>href, action or formaction starting with "/", except the static files under /lib/.</summary>
    [GeneratedRegex("""\b(href|action|formaction)="/(?!lib/)""")]
    private static partial Regex LiteralAddressInView();

    /// <summary>Redirect("/…"), Redirect($"/…") or Redirect(test ? "/…" : …), on one line.</summary>
    [GeneratedRegex("""\bRedirect\([^()]*?\$?"/""")]
    private static partial Regex LiteralRedirect();

    [GeneratedRegex("""ViewData\["Title"\]""")]
    private static partial Regex TitleSet();
}
