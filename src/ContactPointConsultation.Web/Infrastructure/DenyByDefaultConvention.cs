using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Deny by default (ASVS 8.x): an action that says nothing about who may use it, on a controller that
/// says nothing either, needs a signed-in staff member with MFA. Public pages opt out with
/// [AllowAnonymous]; the sign-in pages choose their own policy. An address that matches no action is
/// still a plain 404.
/// </summary>
public sealed class DenyByDefaultConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var declared = action.Attributes.Concat(action.Controller.Attributes)
            .Any(a => a is IAuthorizeData or IAllowAnonymous);
        if (declared)
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicies.Staff));
        }
    }
}
