using ContactPointConsultation.Core.Paper;

namespace ContactPointConsultation.Web.Features.Paper;

public static class PaperSetup
{
    /// <summary>
    /// Responses that came on paper, by email, by letter or at an event, typed in by staff. They need the staff
    /// pages' sign-in (<see cref="Account.AccountSetup.AddAccountFeature"/>), and the send's writer and the
    /// safeguarding screen, which the core and safeguarding features register.
    /// </summary>
    public static IServiceCollection AddPaperFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaperOptions>().Bind(configuration.GetSection(PaperOptions.SectionName))
            .Validate(o => o.VerifyPercent is >= 0 and <= 100, "Paper:VerifyPercent must be from 0 to 100").ValidateOnStart();
        services.AddScoped<PaperEntry>();
        services.AddScoped<PaperChecking>();
        services.AddScoped<PaperCorrection>();
        services.AddScoped<PaperImporting>();
        return services;
    }
}
