using System.Globalization;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>What stands between a comment that may disclose harm and a safeguarding lead reading it, for the admin pages to warn about.</summary>
public sealed record SafeguardingReadinessReport(bool HasActiveLead, bool MailServerSetUp, int WaitingMessages, int UnscreenedTooLong)
{
    /// <summary>The screen reads a response within a second or so of its send; a response still unread after this has been missed.</summary>
    public static readonly TimeSpan ScreenedWithin = TimeSpan.FromMinutes(1);

    public const string NoLeadWarning =
        "No one can review comments that may disclose harm. Give the Safeguarding role to a trained member of staff at Staff accounts.";

    public const string NoMailServerWarning =
        "Emails to safeguarding leads cannot be sent: the mail server is not set up. They are kept and will be sent once it is.";

    /// <summary>The problems an admin must fix, worst first.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>(3);
            if (UnscreenedTooLong > 0)
            {
                warnings.Add(UnscreenedWarning);
            }

            if (!HasActiveLead)
            {
                warnings.Add(NoLeadWarning);
            }

            if (!MailServerSetUp)
            {
                warnings.Add(NoMailServerWarning);
            }

            return warnings;
        }
    }

    /// <summary>Responses the screen has not read a minute after they were sent: any disclosure in them has not reached a lead.</summary>
    public string UnscreenedWarning => string.Create(CultureInfo.InvariantCulture,
        $"{(UnscreenedTooLong == 1 ? "1 sent response has" : $"{UnscreenedTooLong} sent responses have")} not been read by the safeguarding screen for over a minute. Their comments are withheld from everyone, and any disclosure in them has not reached a lead. Check the portal’s logs for screening errors.");

    /// <summary>"1 email notification to safeguarding leads is waiting to be sent", or null when none is.</summary>
    public string? Waiting => WaitingMessages switch
    {
        0 => null,
        1 => "1 email notification to safeguarding leads is waiting to be sent.",
        _ => $"{WaitingMessages} email notifications to safeguarding leads are waiting to be sent.",
    };
}

/// <summary>Checks whether flagged comments can reach a safeguarding lead: is the screen keeping up, is there a lead, can they be emailed, and what is still waiting.</summary>
public sealed class SafeguardingReadiness(ConsultationDbContext db, IOptions<SmtpOptions> smtp, TimeProvider clock)
{
    public async Task<SafeguardingReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var hasLead = await SafeguardingRecipients.AnyActiveLeadAsync(db, cancellationToken);
        var waiting = await db.OutboxMessages.CountAsync(m => m.CompletedAt == null, cancellationToken);
        var sentBefore = clock.GetUtcNow().UtcDateTime - SafeguardingReadinessReport.ScreenedWithin;
        var unscreened = await db.Responses.CountAsync(r => r.ScreenedAt == null && r.SubmittedAt < sentBefore, cancellationToken);
        return new SafeguardingReadinessReport(hasLead, smtp.Value.IsConfigured, waiting, unscreened);
    }
}
