using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Drafts;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Features.Shared;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactPointConsultation.Web.Features.Respond;

public static class RespondSetup
{
    /// <summary>The respondent journey: drafts and their one writer, sending, the session, preview, and the open/closed check.</summary>
    public static IServiceCollection AddRespondFeature(this IServiceCollection services)
    {
        services.AddSingleton<GroupCommit>();
        services.AddScoped<DraftStore>();
        services.AddScoped<SubmissionService>();
        services.AddHttpContextAccessor();
        services.AddScoped<RespondentSession>();
        services.AddScoped<QuestionPage>();
        services.AddSingleton<DrawnPages>();
        services.AddContentPreview();
        services.AddScoped<ConsultationOpenFilter>();
        services.AddSingleton<IValidator<AnswerInput>, AnswerInputValidator>();
        services.AddSingleton<IValidator<AboutYouInput>, AboutYouInputValidator>();
        services.AddSingleton<IValidator<ResumeInput>, ResumeInputValidator>();
        return services;
    }

    /// <summary>
    /// An admin's preview of the draft wording on these pages. The admin feature starts and stops it,
    /// so both features add it; it is registered once.
    /// </summary>
    public static IServiceCollection AddContentPreview(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<ContentPreview>();
        return services;
    }
}
