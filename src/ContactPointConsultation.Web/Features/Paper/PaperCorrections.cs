using System.Security.Claims;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Paper;

/// <summary>Who may correct an entered response, and which of its comments they may read to do it.</summary>
public static class PaperCorrections
{
    /// <summary>The person who typed it in knows the paper; an admin may correct anyone's.</summary>
    public static bool MayCorrect(ClaimsPrincipal user, string? enteredBy)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(StaffRoles.Admin) || (enteredBy is not null && string.Equals(user.Identity?.Name, enteredBy, StringComparison.Ordinal));
    }

    /// <summary>
    /// A comment can be corrected only as written and readable: screened, and never flagged or released as written.
    /// One waiting for review, kept back, or released redacted is withheld and kept as it is, so a correction
    /// can neither show it nor overwrite it with the redacted copy.
    /// </summary>
    public static bool MayReadToCorrect(bool screened, SafeguardingItem? item) =>
        screened && (item is null || item.Release == SafeguardingRelease.AsWritten);

    /// <summary>The questions of a response, read with its answers, whose comment may not be read to correct or check it.</summary>
    public static async Task<IReadOnlySet<int>> WithheldAsync(ConsultationDbContext db, Response response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(response);
        var items = await db.SafeguardingItems.AsNoTracking().Where(i => i.ResponseId == response.Id).ToListAsync(cancellationToken);
        return response.Answers
            .Where(a => a.Comments is not null && !MayReadToCorrect(response.ScreenedAt is not null, items.Find(i => i.QuestionNumber == a.QuestionNumber)))
            .Select(a => a.QuestionNumber).ToHashSet();
    }
}
