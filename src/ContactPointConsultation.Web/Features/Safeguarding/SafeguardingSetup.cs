using ContactPointConsultation.Core.Safeguarding;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Safeguarding;

public static class SafeguardingSetup
{
    /// <summary>
    /// Safeguarding: the leads' queue and decisions, staff flags, and the emails to the leads
    /// (<see cref="SafeguardingNotificationsSetup.AddSafeguardingNotifications"/>), the screen's warm-up
    /// (<see cref="ScreenWarmUp"/>), and the screen itself, which reads each response just after it is sent
    /// (<see cref="ResponseScreener"/>), woken by the send (<see cref="ScreeningSignal"/>).
    /// Its pages are for signed-in staff, so it needs <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddSafeguardingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSafeguardingNotifications(configuration);
        services.AddHostedService<ScreenWarmUp>();
        services.AddSingleton<ScreeningSignal>();
        services.AddScoped<ResponseScreening>();
        services.AddSingleton<ResponseScreener>();
        services.AddHostedService(sp => sp.GetRequiredService<ResponseScreener>());
        services.AddScoped<SafeguardingReview>();
        services.AddSingleton<IValidator<DecisionInput>, DecisionInputValidator>();
        services.AddSingleton<IValidator<FlagInput>, FlagInputValidator>();
        return services;
    }
}
