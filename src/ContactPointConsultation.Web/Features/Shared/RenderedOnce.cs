using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using ContactPointConsultation.Web.Infrastructure;
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

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string Key, int Selected), HtmlString>> RadiosBySelection = new();

    public static async Task<IHtmlContent> PartialOnceAsync(this IHtmlHelper html, string partialName, object model)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(model);
        if (Rendered.TryGetValue(model, out var done))
        {
            return done;
        }

        var rendered = await RenderAsync(html, partialName, model);
        Rendered.AddOrUpdate(model, rendered);
        return rendered;
    }

    /// <summary>
    /// Radios whose model is made from <paramref name="settledPart"/> alone (a question of a settled version, with one
    /// set of radios for each field name), drawn
    /// once for each option that can be selected, and for none, and reused. They are drawn afresh while they show an
    /// error, or if the selected value is none of the options (what a refused post sent back, say), so nothing a
    /// person sends is kept here.
    /// </summary>
    public static async Task<IHtmlContent> RadiosOnceAsync(this IHtmlHelper html, RadiosModel model, object settledPart)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settledPart);
        var selected = model.Selected is null ? -1 : IndexOf(model.Options, model.Selected);
        if ((model.Selected is not null && selected < 0) || html.ViewData.ModelState.ErrorFor(model.Key) is not null)
        {
            return await html.PartialAsync("_Radios", model);
        }

        var drawn = RadiosBySelection.GetValue(settledPart, _ => new ConcurrentDictionary<(string Key, int Selected), HtmlString>());
        if (drawn.TryGetValue((model.Key, selected), out var done))
        {
            return done;
        }

        var rendered = await RenderAsync(html, "_Radios", model);
        drawn.TryAdd((model.Key, selected), rendered);
        return rendered;
    }

    private static int IndexOf(IReadOnlyList<(string Value, string Label)> options, string value)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Value == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task<HtmlString> RenderAsync(IHtmlHelper html, string partialName, object model)
    {
        var content = await html.PartialAsync(partialName, model);
        await using var writer = new StringWriter();
        content.WriteTo(writer, html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        return new HtmlString(writer.ToString());
    }
}
