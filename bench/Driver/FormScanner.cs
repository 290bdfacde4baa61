using System.Net;

namespace Driver;

/// <summary>
/// The form a person would send from a page: the first form with method="post" inside the page's main, its
/// action and its hidden fields, read by scanning the tags rather than building the page's whole document.
/// A journey submits 13 forms, and building every page's document with AngleSharp cost the driver about as
/// much CPU as the portal spent serving the journey, on the same two cores. It reads HTML as the portal
/// writes it: tags in lower case, attribute values quoted and encoded, no form inside a comment.
/// <see cref="Browser.CheckForms"/> compares it with AngleSharp's reading of every page it submits.
/// </summary>
public static class FormScanner
{
    public sealed record Form(string? Action, IReadOnlyList<KeyValuePair<string, string>> HiddenFields);

    public static Form? FirstPostForm(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var main = FindTag(html, "main", 0);
        var mainEnd = main < 0 ? -1 : html.IndexOf("</main>", main, StringComparison.Ordinal);
        if (mainEnd < 0)
        {
            return null;
        }

        for (var at = FindTag(html, "form", main); at >= 0 && at < mainEnd; at = FindTag(html, "form", at + 1))
        {
            var (attributes, tagEnd) = ReadTag(html, at + "<form".Length);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var formEnd = html.IndexOf("</form>", tagEnd, StringComparison.Ordinal);
            if (formEnd < 0)
            {
                throw new InvalidOperationException("A form is never closed");
            }

            var hidden = new List<KeyValuePair<string, string>>();
            for (var input = FindTag(html, "input", tagEnd); input >= 0 && input < formEnd; input = FindTag(html, "input", input + 1))
            {
                var (inputAttributes, _) = ReadTag(html, input + "<input".Length);
                if (string.Equals(inputAttributes.GetValueOrDefault("type"), "hidden", StringComparison.OrdinalIgnoreCase)
                    && inputAttributes.TryGetValue("name", out var name))
                {
                    hidden.Add(new(name, inputAttributes.GetValueOrDefault("value") ?? ""));
                }
            }

            return new(attributes.GetValueOrDefault("action"), hidden);
        }

        return null;
    }

    /// <summary>Where the next tag of this name starts (its "&lt;"), from <paramref name="from"/>; -1 if none.</summary>
    private static int FindTag(string html, string name, int from)
    {
        var open = "<" + name;
        for (var at = html.IndexOf(open, from, StringComparison.Ordinal); at >= 0; at = html.IndexOf(open, at + 1, StringComparison.Ordinal))
        {
            var next = at + open.Length < html.Length ? html[at + open.Length] : '>';
            if (next is '>' or '/' || char.IsWhiteSpace(next))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The attributes of the tag whose name ends at <paramref name="at"/> (names in lower case, values
    /// decoded), and where the tag ends.</summary>
    private static (Dictionary<string, string> Attributes, int End) ReadTag(string html, int at)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (at < html.Length)
        {
            while (at < html.Length && (char.IsWhiteSpace(html[at]) || html[at] == '/'))
            {
                at++;
            }

            if (at >= html.Length || html[at] == '>')
            {
                break;
            }

            var nameStart = at;
            while (at < html.Length && !char.IsWhiteSpace(html[at]) && html[at] is not ('=' or '>' or '/'))
            {
                at++;
            }

            var name = html[nameStart..at].ToLowerInvariant();
            var value = "";
            if (at < html.Length && html[at] == '=')
            {
                at++;
                if (at < html.Length && html[at] is '"' or '\'')
                {
                    var close = html.IndexOf(html[at], at + 1);
                    if (close < 0)
                    {
                        throw new InvalidOperationException("An attribute's quote is never closed");
                    }

                    value = html[(at + 1)..close];
                    at = close + 1;
                }
                else
                {
                    var valueStart = at;
                    while (at < html.Length && !char.IsWhiteSpace(html[at]) && html[at] != '>')
                    {
                        at++;
                    }

                    value = html[valueStart..at];
                }
            }

            // As a browser does, the first of a repeated attribute counts.
            attributes.TryAdd(name, WebUtility.HtmlDecode(value));
        }

        return (attributes, at + 1);
    }
}
