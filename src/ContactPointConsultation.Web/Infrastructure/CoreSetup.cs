using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Safeguarding;

namespace ContactPointConsultation.Web.Infrastructure;

public static class CoreSetup
{
    /// <summary>
    /// What every feature shares: the clock (tests replace it), the memory cache, the consultation's
    /// and safeguarding settings (retention reads both), its wording (<see cref="ContentCatalogue"/>) and the audit log.
    /// </summary>
    public static IServiceCollection AddConsultationCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsultationOptions>(configuration.GetSection(ConsultationOptions.SectionName));
        services.PostConfigure<ConsultationOptions>(options => options.NormaliseToUtc());
        services.Configure<SafeguardingOptions>(configuration.GetSection(SafeguardingOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<ContentCatalogue>();
        services.AddScoped<AuditLog>();
        return services;
    }
}
