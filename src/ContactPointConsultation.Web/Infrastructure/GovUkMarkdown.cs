using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Renders the consultation's Markdown (introduction and help panels) as GOV.UK-styled HTML. Admins
/// write it, children read it, so there are two guards: raw HTML in the source is escaped by Markdig,
/// and the output then passes an allow-list sanitiser that keeps only the small subset we support.
/// </summary>
public sealed class GovUkMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Wording versions are few and immutable once live, so each distinct text is rendered once.
    private readonly ConcurrentDictionary<string, HtmlString> _rendered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Markdown, int TopLevel), HtmlString> _renderedLower = new();

    /// <summary>The text as a page shows it under its h1: its "##" headings are h2.</summary>
    public HtmlString ToHtml(string markdown) => _rendered.GetOrAdd(markdown, m => Render(m, 2));

    /// <summary>
    /// The text placed lower in a page's outline, as the paper form places it under its own headings: its "##"
    /// headings become <paramref name="topLevel"/>, and the rest follow, to h6 at most.
    /// </summary>
    public HtmlString ToHtml(string markdown, int topLevel) =>
        topLevel == 2 ? ToHtml(markdown) : _renderedLower.GetOrAdd((markdown, topLevel), key => Render(key.Markdown, key.TopLevel));

    /// <summary>The words a reader reads, without Markdown's marks: for the reading-age estimate.</summary>
    public static string ToPlainText(string markdown)
    {
        try
        {
            return Markdown.ToPlainText(markdown ?? "", Pipeline);
        }
        catch (ArgumentException)
        {
            return markdown ?? "";
        }
    }

    /// <summary>
    /// False when Markdig refuses the text: its renderer stops at a nesting limit (hundreds of "[" or
    /// "&gt;" in a row) rather than recurse without end. Such text is refused when an admin saves it.
    /// </summary>
    public static bool CanRender(string? markdown)
    {
        try
        {
            Markdown.ToHtml(markdown ?? "", Pipeline);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether the text has a heading of its own (# or an underline): where the page gives each text its heading, it must not.</summary>
    public static bool HasHeadings(string? markdown)
    {
        try
        {
            return Markdown.Parse(markdown ?? "", Pipeline).Descendants<HeadingBlock>().Any();
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Only web, email and same-site links; anything else (javascript:, data:) becomes a dead "#".</summary>
    private static string SafeLink(LinkInline link)
    {
        var url = link.Url ?? "";
        var sameSite = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
        if (!sameSite && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto")))
        {
            link.Url = "#";
        }

        return "govuk-link";
    }

    private static HtmlString Render(string markdown, int topLevel)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            // The class goes by the level written, so a heading looks the same wherever it sits in the outline.
            var written = 0;
            if (node is HeadingBlock heading)
            {
                written = heading.Level;
                heading.Level = Math.Min(6, written + topLevel - 2);
            }

            var cssClass = node switch
            {
                HeadingBlock when written <= 2 => "govuk-heading-m",
                HeadingBlock => "govuk-heading-s",
                ParagraphBlock { Parent: ListItemBlock } => null,
                ParagraphBlock => "govuk-body",
                ListBlock { IsOrdered: true } => "govuk-list govuk-list--number",
                ListBlock => "govuk-list govuk-list--bullet",
                LinkInline link => SafeLink(link),
                _ => null,
            };
            if (cssClass is not null)
            {
                node.GetAttributes().AddClass(cssClass);
            }
        }

        string html;
        try
        {
            html = document.ToHtml(Pipeline);
        }
        catch (ArgumentException)
        {
            // Only text saved before CanRender was checked could get here: show it as words, not a 500.
            return new HtmlString($"<p class=\"govuk-body\">{HtmlEncoder.Default.Encode(markdown)}</p>");
        }

        return new HtmlString(Sanitizer.Sanitize(html));
    }

    /// <summary>Paragraphs, lists, bold, emphasis, links and headings, with GOV.UK classes; nothing else.</summary>
    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "ul", "ol", "li", "strong", "em", "a", "br", "h2", "h3", "h4", "h5", "h6"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "class"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(
                ["govuk-body", "govuk-link", "govuk-list", "govuk-list--bullet", "govuk-list--number", "govuk-heading-m", "govuk-heading-s"],
                StringComparer.Ordinal),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
