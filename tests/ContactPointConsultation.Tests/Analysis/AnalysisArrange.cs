using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>What analysis tests start from: sent responses, themes added through the codebook pages, and tags.</summary>
internal static class AnalysisArrange
{
    public static async Task<string> SendAsync(this PortalFactory portal, Journey journey)
    {
        using var respondent = portal.CreateRespondent();
        return await respondent.SendAsync(journey);
    }

    public static async Task<int> AddThemeAsync(this PortalFactory portal, int question, string name)
    {
        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/analysis/questions/{question}/themes/new");
        await analyst.SubmitAsync(new Dictionary<string, string?> { ["Name"] = name });
        return await portal.QueryAsync(db => db.Themes.Where(t => t.QuestionNumber == question && t.Name == name).Select(t => t.Id).SingleAsync());
    }

    public static Task<int> FixedThemeAsync(this PortalFactory portal, int question, ThemeKind kind) =>
        portal.QueryAsync(db => db.Themes.Where(t => t.QuestionNumber == question && t.Kind == kind).Select(t => t.Id).SingleAsync());

    /// <summary>A tag as the tagging page stores it (<see cref="TaggingTests"/> covers that page), so a test starts from the tags it needs.</summary>
    public static Task<int> TagAsync(this PortalFactory portal, string reference, int question, int theme, string by = "an-analyst") =>
        portal.QueryAsync(async db =>
        {
            var id = await db.Responses.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            db.CommentTags.Add(new CommentTag { ResponseId = id, QuestionNumber = question, ThemeId = theme, TaggedAt = DateTime.UtcNow, TaggedBy = by });
            return await db.SaveChangesAsync();
        });
}
