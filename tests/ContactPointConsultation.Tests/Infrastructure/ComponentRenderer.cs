using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>Renders one of the app's shared partials (or any view, by its path) on its own, with chosen errors in the model state, as the app's Razor would.</summary>
public static class ComponentRenderer
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> RenderAsync(this PortalFactory portal, string partial, object model, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = services.GetRequiredService<ICompositeViewEngine>().GetView(null, partial.StartsWith('/') ? partial : $"/Features/Shared/{partial}.cshtml", isMainPage: false).View
            ?? throw new InvalidOperationException($"No partial {partial}");
        var modelState = new ModelStateDictionary();
        foreach (var (key, message) in errors ?? new Dictionary<string, string>())
        {
            modelState.AddModelError(key, message);
        }

        var viewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), modelState) { Model = model };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(action, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return Parser.ParseDocument(writer.ToString());
    }

    /// <summary>The HTML GOV.UK Frontend's own fixtures.json gives for one example of a component.</summary>
    public static IHtmlDocument GovUkFixture(string component, string name)
    {
        using var fixtures = JsonDocument.Parse(File.ReadAllText(Path.Combine(ComponentsFolder(), component, "fixtures.json")));
        var html = fixtures.RootElement.GetProperty("fixtures").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("html").GetString()!;
        return Parser.ParseDocument(html);
    }

    /// <summary>
    /// The markup as a list of lines that ignores what HTML does not care about: attribute order, class
    /// order, white space between words and a boolean attribute's value.
    /// </summary>
    public static IReadOnlyList<string> Canonical(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var lines = new List<string>();
        Walk(root, 0, lines);
        return lines;
    }

    private static void Walk(INode node, int depth, List<string> lines)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                var attributes = element.Attributes
                    .OrderBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => a.Name switch
                    {
                        "class" => $"class=\"{string.Join(' ', element.ClassList.Order(StringComparer.Ordinal))}\"",
                        "checked" or "selected" or "disabled" => a.Name,
                        _ => $"{a.Name}=\"{a.Value}\"",
                    });
                lines.Add(new StringBuilder().Append(' ', depth * 2).Append('<').Append(element.LocalName)
                    .Append(string.Concat(attributes.Select(a => " " + a))).Append('>').ToString());
                Walk(element, depth + 1, lines);
            }
            else if (child is IText text && string.Join(' ', text.Data.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } words)
            {
                lines.Add(new string(' ', depth * 2) + words);
            }
        }
    }

    private static string ComponentsFolder() =>
        WebProject.Path("node_modules", "govuk-frontend", "dist", "govuk", "components");
}
