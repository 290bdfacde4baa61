using ContactPointConsultation.Core.Analysis;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Analysis;

public static class AnalysisSetup
{
    /// <summary>
    /// Analysis: each question's codebook of themes, its CSV import and export, and its REFI-QDA export.
    /// Its pages are for signed-in analysts and admins, so it needs <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddAnalysisFeature(this IServiceCollection services)
    {
        services.AddScoped<Codebook>();
        services.AddSingleton<IValidator<ThemeInput>, ThemeInputValidator>();
        return services;
    }
}
