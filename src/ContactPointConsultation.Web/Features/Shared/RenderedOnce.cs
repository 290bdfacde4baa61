using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContactPointConsultation.Web.Features.Shared;

/// <summary>
/// Renders a partial once per model instance and reuses the HTML, for a partial that depends on its model alone
/// and a model that never changes: the parts of a settled wording version, which the content cache holds as the
/// same objects until the version goes (a draft's parts are new objects each time it is read again). The question
/// page's glossary cost about 5% of its requests a second when rendered on each request.
/// </summary>
public static class RenderedOnce
{
    private static readonly ConditionalWeakTable<object, HtmlString> Rendered = new();

    public static async Task<IHtmlContent> PartialOnceAsync(this IHtmlHelper html, string partialName, object model)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(model);
        if (Rendered.TryGetValue(model, out var done))
        {
            return done;
        }

        var content = await html.PartialAsync(partialName, model);
        await using var writer = new StringWriter();
        content.WriteTo(writer, html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        var rendered = new HtmlString(writer.ToString());
        Rendered.AddOrUpdate(model, rendered);
        return rendered;
    }
}
