using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Common;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        // The same RequestLull the pipeline feeds (AddPortalWeb, UseRequestLull), whichever registers it first.
        services.TryAddSingleton<RequestLull>();
        services.AddSingleton(provider =>
        {
            // The model gives way to people: before each call it waits for a lull in this node's requests.
            var lull = provider.GetRequiredService<RequestLull>();
            var analysis = provider.GetRequiredService<IOptions<AnalysisOptions>>().Value;
            return new SentenceModel(
                provider.GetRequiredService<TimeProvider>(),
                cancellationToken => lull.WaitAsync(analysis.SuggestQuiet, analysis.SuggestAtMost, cancellationToken));
        });
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
