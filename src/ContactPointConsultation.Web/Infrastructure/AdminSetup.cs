using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Web.Infrastructure;

public static class AdminSetup
{
    /// <summary>Admin pages beyond staff accounts: editing, previewing and publishing the wording.</summary>
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<ContentEditor>();
        return services;
    }
}
