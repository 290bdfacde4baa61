using AngleSharp.Dom;
using AngleSharp.Html.Dom;
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

    /// <summary>
    /// A tag as the tagging page stores it (<see cref="TaggingTests"/> covers that page), with the analysis tallies
    /// changed by it as every change to tags changes them, so a test starts from the tags it needs: even on a
    /// comment the page would refuse, such as a withheld one, to show it is never counted.
    /// </summary>
    public static Task<int> TagAsync(this PortalFactory portal, string reference, int question, int theme, string by = "an-analyst") =>
        portal.QueryAsync(async db =>
        {
            var id = await db.Responses.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await AnalysisTallies.ChangeAsync(db, db.ResponseAnswers.Where(a => a.ResponseId == id && a.QuestionNumber == question), () =>
            {
                db.CommentTags.Add(new CommentTag { ResponseId = id, QuestionNumber = question, ThemeId = theme, TaggedAt = DateTime.UtcNow, TaggedBy = by });
                return db.SaveChangesAsync();
            });
            await transaction.CommitAsync();
            return saved;
        });

    /// <summary>Ticks the themes named (and unticks the rest), types the note if there is a box for it, and saves, as a person would with the page's own form.</summary>
    public static Task<IHtmlDocument> TickAndSaveAsync(this Respondent analyst, IReadOnlyList<string> themes, string? note = null)
    {
        var form = analyst.Page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var body = Respondent.HiddenFields(form);
        body.AddRange(form.QuerySelectorAll<IHtmlInputElement>(".govuk-checkboxes__input")
            .Where(box => themes.Contains(LabelOf(box)))
            .Select(box => new KeyValuePair<string, string>(box.Name!, box.Value)));
        if (form.QuerySelector("textarea[name=Note]") is not null)
        {
            body.Add(new("Note", note ?? ""));
        }

        return analyst.PostAsync(form.GetAttribute("action")!, body);
    }

    public static string LabelOf(IElement box) =>
        box.Owner!.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim();
}
