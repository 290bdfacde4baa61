using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Views live beside their controllers: a controller in namespace …Features.Respond finds its views in
/// /Features/Respond, then /Features/Shared.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            context.Values[FeatureKey] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
