using ContactPointConsultation.Core.Safeguarding;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Safeguarding;

public static class SafeguardingSetup
{
    /// <summary>
    /// Safeguarding: the leads' queue and decisions, staff flags, and the emails to the leads
    /// (<see cref="SafeguardingNotificationsSetup.AddSafeguardingNotifications"/>), and the screen's warm-up
    /// (<see cref="ScreenWarmUp"/>). The screen itself runs as responses are sent (<see cref="SafeguardingFlagging"/>).
    /// Its pages are for signed-in staff, so it needs <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddSafeguardingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSafeguardingNotifications(configuration);
        services.AddHostedService<ScreenWarmUp>();
        services.AddScoped<SafeguardingReview>();
        services.AddSingleton<IValidator<DecisionInput>, DecisionInputValidator>();
        services.AddSingleton<IValidator<FlagInput>, FlagInputValidator>();
        return services;
    }
}
