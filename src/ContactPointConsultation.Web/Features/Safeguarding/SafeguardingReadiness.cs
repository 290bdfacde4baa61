using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>What stands between a flagged comment and a safeguarding lead reading it, for the admin pages to warn about.</summary>
public sealed record SafeguardingReadinessReport(bool HasActiveLead, bool MailServerSetUp, int WaitingMessages)
{
    public const string NoLeadWarning =
        "No one can review comments that may disclose harm. Give the Safeguarding role to a trained member of staff at Staff accounts.";

    public const string NoMailServerWarning =
        "Emails to safeguarding leads cannot be sent: the mail server is not set up. They are kept and will be sent once it is.";

    /// <summary>The problems an admin must fix, worst first.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>(2);
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

    /// <summary>"1 email notification to safeguarding leads is waiting to be sent", or null when none is.</summary>
    public string? Waiting => WaitingMessages switch
    {
        0 => null,
        1 => "1 email notification to safeguarding leads is waiting to be sent.",
        _ => $"{WaitingMessages} email notifications to safeguarding leads are waiting to be sent.",
    };
}

/// <summary>Checks whether flagged comments can reach a safeguarding lead: is there one, can they be emailed, and what is still waiting.</summary>
public sealed class SafeguardingReadiness(ConsultationDbContext db, IOptions<SmtpOptions> smtp)
{
    public async Task<SafeguardingReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var hasLead = await SafeguardingRecipients.AnyActiveLeadAsync(db, cancellationToken);
        var waiting = await db.OutboxMessages.CountAsync(m => m.CompletedAt == null, cancellationToken);
        return new SafeguardingReadinessReport(hasLead, smtp.Value.IsConfigured, waiting);
    }
}
