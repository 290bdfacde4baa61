namespace ContactPointConsultation.Web.Features.Safeguarding;

public static class SafeguardingNotificationsSetup
{
    /// <summary>
    /// Emails to safeguarding leads: the mail settings, the job that queues reminders and sends the
    /// outbox, and the readiness check the admin pages show.
    /// </summary>
    public static IServiceCollection AddSafeguardingNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));
        services.AddSingleton<OutboxNode>();
        services.AddScoped<ReminderService>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<SafeguardingReadiness>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
