using ContactPointConsultation.Core.Analysis;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Analysis;

public static class AnalysisSetup
{
    /// <summary>
    /// Analysis: each question's codebook of themes, its CSV import and export, its REFI-QDA export, merging and splitting themes, tagging comments with them, a second analyst's blind coding of a sample, and the background job that suggests themes.
    /// Its pages are for signed-in analysts and admins, so it needs <see cref="Account.AccountSetup.AddAccountFeature"/> as well.
    /// </summary>
    public static IServiceCollection AddAnalysisFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AnalysisOptions>(configuration.GetSection(AnalysisOptions.SectionName));
        services.AddSingleton<SentenceModel>();
        services.AddSingleton<ThemeSuggesterCache>();
        services.AddScoped<ThemeSuggestions>();
        services.AddSingleton<SuggestionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<SuggestionWorker>());
        services.AddScoped<Codebook>();
        services.AddScoped<Tagging>();
        services.AddScoped<DoubleCoding>();
        services.AddSingleton<IValidator<ThemeInput>, ThemeInputValidator>();
        services.AddSingleton<IValidator<TagInput>, TagInputValidator>();
        services.AddSingleton<IValidator<MergeInput>, MergeInputValidator>();
        services.AddSingleton<IValidator<SplitInput>, SplitInputValidator>();
        services.AddSingleton<IValidator<DrawSampleInput>, DrawSampleInputValidator>();
        return services;
    }
}
