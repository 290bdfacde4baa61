using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Features.Respond;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>
    /// The admin pages: staff accounts, the audit log, and editing, previewing and publishing the
    /// wording. Admins are signed-in staff, so this needs <see cref="Account.AccountSetup.AddAccountFeature"/>
    /// as well, and the admin home page's warnings need <see cref="Safeguarding.SafeguardingNotificationsSetup.AddSafeguardingNotifications"/>.
    /// </summary>
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<StaffAccountService>();
        services.AddScoped<ContentEditor>();
        services.AddSingleton<IValidator<NewUserInput>, NewUserInputValidator>();
        services.AddContentPreview();
        return services;
    }
}
