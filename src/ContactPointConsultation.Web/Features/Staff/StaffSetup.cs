using ContactPointConsultation.Core.Exports;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Submissions;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Staff;

public static class StaffSetup
{
    /// <summary>
    /// The staff pages: results, responses and downloads. They are for signed-in staff, so they need
    /// <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddStaffFeature(this IServiceCollection services)
    {
        services.AddScoped<ResultsQuery>();
        services.AddScoped<Withdrawal>();
        services.AddSmallNumberSuppression();
        services.AddScoped<ResponseExport>();
        services.AddSingleton<IValidator<ResultsFilterInput>, ResultsFilterInputValidator>();
        return services;
    }
}
