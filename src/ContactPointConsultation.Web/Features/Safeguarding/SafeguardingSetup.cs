using ContactPointConsultation.Core.Safeguarding;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Safeguarding;

public static class SafeguardingSetup
{
    /// <summary>
    /// Safeguarding: the leads' queue and decisions, and staff flags. The screen itself runs as responses
    /// are sent (<see cref="SafeguardingFlagging"/>). Its pages are for signed-in staff, so it needs
    /// <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddSafeguardingFeature(this IServiceCollection services)
    {
        services.AddScoped<SafeguardingReview>();
        services.AddSingleton<IValidator<DecisionInput>, DecisionInputValidator>();
        services.AddSingleton<IValidator<FlagInput>, FlagInputValidator>();
        return services;
    }
}
