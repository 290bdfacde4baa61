using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace ContactPointConsultation.BrowserTests;

/// <summary>What a person reads on a page printed to PDF by Chromium.</summary>
public static partial class PdfText
{
    /// <summary>
    /// A page's words in reading order, one space apart, as a person reads the printed sheet; compatibility
    /// forms unfolded, since the font prints "fi" in "sufficiently" as one ligature.
    /// </summary>
    public static string Words(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Words(string.Join(" ", page.GetWords().Select(w => w.Text)));
    }

    public static string Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Spaces().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
