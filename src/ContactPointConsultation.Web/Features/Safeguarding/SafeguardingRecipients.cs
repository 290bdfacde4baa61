using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Notifications;
using ContactPointConsultation.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// Who is told about a flagged comment: every active account (not disabled, as on the staff accounts
/// pages) in the Safeguarding role, and for a reminder every active admin too. Looked up when a message
/// is sent, never when it is written.
/// </summary>
public static class SafeguardingRecipients
{
    private static readonly string[] Leads = [StaffRoles.Safeguarding];
    private static readonly string[] LeadsAndAdmins = [StaffRoles.Safeguarding, StaffRoles.Admin];

    /// <summary>The email addresses of the active accounts holding any of <paramref name="roles"/>; one row per role held.</summary>
    public static IQueryable<string> ActiveEmails(ConsultationDbContext db, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where !user.IsDisabled && user.Email != null && roles.Contains(role.Name!)
               select user.Email!;
    }

    /// <summary>Whether anyone at all can review a flagged comment.</summary>
    public static Task<bool> AnyActiveLeadAsync(ConsultationDbContext db, CancellationToken cancellationToken) =>
        ActiveEmails(db, Leads).AnyAsync(cancellationToken);

    /// <summary>Each address once, however it is capitalised and however many of the roles its owner holds.</summary>
    public static async Task<IReadOnlyList<string>> ForAsync(ConsultationDbContext db, OutboxKind kind, CancellationToken cancellationToken)
    {
        var emails = await ActiveEmails(db, kind == OutboxKind.SafeguardingReminder ? LeadsAndAdmins : Leads).ToListAsync(cancellationToken);
        return emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
