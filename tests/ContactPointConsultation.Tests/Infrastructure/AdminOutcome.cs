using System.Globalization;
using ContactPointConsultation.Core;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>An admin writing and publishing "You said, we did" through the real admin pages.</summary>
public static class AdminOutcome
{
    /// <summary>Writes every text of the outcome, each naming its place and the <paramref name="marker"/>, so a test can find it.</summary>
    public static async Task WriteOutcomeAsync(this Respondent admin, string marker = "v1")
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.EditOutcomeAsync("summary", new Dictionary<string, string>
        {
            ["Values[Summary]"] = $"Overall summary {marker}.",
            ["Values[SummaryEasyRead]"] = $"Easy summary {marker}.",
        });
        for (var n = ConsultationLimits.FirstQuestionNumber; n <= ConsultationLimits.LastQuestionNumber; n++)
        {
            await admin.EditOutcomeAsync("q" + n.ToString(CultureInfo.InvariantCulture), QuestionTexts(n, marker));
        }
    }

    public static Dictionary<string, string> QuestionTexts(int number, string marker) => new()
    {
        ["Values[WhatYouSaid]"] = $"You said {number} {marker}.",
        ["Values[WhatYouSaidEasyRead]"] = $"Easy you said {number} {marker}.",
        ["Values[WhatWeDid]"] = $"We did {number} {marker}.",
        ["Values[WhatWeDidEasyRead]"] = $"Easy we did {number} {marker}.",
    };

    public static async Task EditOutcomeAsync(this Respondent admin, string partId, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetAsync($"/admin/outcome/edit/{partId}");
        await admin.SubmitKeepingAsync(changes);
    }

    public static async Task PublishOutcomeAsync(this Respondent admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await admin.GetAsync("/admin/outcome/publish");
        await admin.SubmitAsync();
    }

    /// <summary>Signs in an admin, writes the whole outcome and publishes it.</summary>
    public static async Task PublishWholeOutcomeAsync(this PortalFactory portal, string marker = "v1")
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var admin = await portal.SignedInStaffAsync(Core.Staff.StaffRoles.Admin);
        await admin.WriteOutcomeAsync(marker);
        await admin.PublishOutcomeAsync();
    }
}
