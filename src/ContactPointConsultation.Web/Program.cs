using ContactPointConsultation.Web.Commands;
using ContactPointConsultation.Web.Features.Account;
using ContactPointConsultation.Web.Features.Admin;
using ContactPointConsultation.Web.Features.Analysis;
using ContactPointConsultation.Web.Features.Errors;
using ContactPointConsultation.Web.Features.Outcome;
using ContactPointConsultation.Web.Features.Paper;
using ContactPointConsultation.Web.Features.Respond;
using ContactPointConsultation.Web.Features.Safeguarding;
using ContactPointConsultation.Web.Features.Staff;
using ContactPointConsultation.Web.Infrastructure;
using Serilog;

var command = PortalCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);

// Each host owns its logger; the static Log.Logger is left alone, so no host logs through another's.
builder.Host.UseSerilog(
    (context, services, logging) => logging.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services),
    preserveStaticLogger: true);
builder.Services
    .AddConsultationCore(builder.Configuration)
    .AddConsultationDatabase(builder.Configuration, builder.Environment)
    .AddRetention()
    .AddRespondFeature()
    .AddAccountFeature()
    .AddStaffFeature()
    .AddAdminFeature()
    .AddSafeguardingFeature(builder.Configuration)
    .AddAnalysisFeature(builder.Configuration)
    .AddPaperFeature(builder.Configuration)
    .AddOutcomeFeature()
    .AddPortalWeb(builder.Configuration)
    .AddPortalHosting(builder.Configuration);

var app = builder.Build();

if (command.MigratesOnStartup && app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await app.Services.MigrateAndSeedAsync();
}

if (!command.IsWebServer)
{
    Environment.ExitCode = await command.RunAsync(app.Services);
    return;
}

app.UseRequestLull();
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler(ErrorLinks.ServerError);
app.UseStatusCodePagesWithReExecute(ErrorLinks.StatusCodeFormat);
app.UseMalformedRequestsAsClientErrors();
app.UseHttpsRedirection();
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseClientAbortsAsAborts();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseUtf8FormsOnly();
app.MapControllers();
app.MapPortalHealthChecks();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
