using System.Globalization;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>
/// The printed form's pages: A4, with a running footer on every page naming the wording version, the page and a
/// space for the reference, so a page that comes apart from the rest can still be matched and entered.
/// </summary>
public static class PaperFormPages
{
    public static string FooterText(int version) => string.Create(CultureInfo.InvariantCulture, $"ContactPoint consultation, wording version {version}");

    public static string Stylesheet(int version) => $$"""
        @page {
          size: A4 portrait;
          margin: 15mm 15mm 20mm;

          @bottom-left {
            content: "{{FooterText(version)}}";
            font: 9pt arial, sans-serif;
            color: #000;
          }

          @bottom-center {
            content: "Page " counter(page) " of " counter(pages);
            font: 9pt arial, sans-serif;
            color: #000;
          }

          @bottom-right {
            content: "Reference: ____________";
            font: 9pt arial, sans-serif;
            color: #000;
          }
        }

        """;
}
