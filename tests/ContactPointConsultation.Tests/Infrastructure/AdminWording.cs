using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>An admin changing the wording through the real admin pages.</summary>
public static class AdminWording
{
    /// <summary>Opens a part's edit page and saves it with some fields typed over (e.g. "Values[HelpText]").</summary>
    public static async Task EditWordingAsync(this Respondent admin, string partId, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetAsync($"/admin/wording/edit/{partId}");
        await admin.SubmitKeepingAsync(changes);
    }

    public static async Task PublishWordingAsync(this Respondent admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetAsync("/admin/wording/publish");
        await admin.SubmitAsync();
    }

    public static Task<QuestionWording> WordingAsync(this PortalFactory portal, ContentVersionState state, int question) =>
        portal.QueryAsync(db => db.QuestionWordings
            .Join(db.ContentVersions.Where(v => v.State == state), q => q.ContentVersionId, v => v.Id, (q, v) => q)
            .SingleAsync(q => q.Number == question));
}
