using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// What analysis may read of a comment: as written when nobody has flagged it or a lead has released
/// it, the lead's redacted copy, or <see cref="WithheldText"/> while it waits for (or was kept back by) a
/// safeguarding decision. Every page, search and download that shows comments to staff goes through here.
/// </summary>
public static class Withholding
{
    public const string WithheldText = "Withheld for safeguarding review";

    /// <summary>The answers with each comment as analysis may read it: one left join on the items' unique index.</summary>
    public static IQueryable<ResponseAnswer> ForAnalysis(ConsultationDbContext db, IQueryable<ResponseAnswer> answers) =>
        from pair in WithItems(db, answers)
        select new ResponseAnswer
        {
            ResponseId = pair.Answer.ResponseId,
            QuestionNumber = pair.Answer.QuestionNumber,
            Choice = pair.Answer.Choice,
            Comments = pair.Item == null || pair.Item.Release == SafeguardingRelease.AsWritten ? pair.Answer.Comments
                : pair.Item.Release == SafeguardingRelease.Redacted ? pair.Item.ReleasedText
                : pair.Answer.Comments == null ? null : WithheldText,
        };

    /// <summary>
    /// The comments a search may look in: as for <see cref="ForAnalysis(ConsultationDbContext, IQueryable{ResponseAnswer})"/>,
    /// but a withheld comment is left out altogether, so that neither its words nor the placeholder are found.
    /// </summary>
    public static IQueryable<ResponseAnswer> Searchable(ConsultationDbContext db) =>
        from pair in WithItems(db, db.ResponseAnswers)
        where pair.Item == null || pair.Item.Release != SafeguardingRelease.Withheld
        select new ResponseAnswer
        {
            ResponseId = pair.Answer.ResponseId,
            QuestionNumber = pair.Answer.QuestionNumber,
            Comments = pair.Item == null || pair.Item.Release == SafeguardingRelease.AsWritten ? pair.Answer.Comments : pair.Item.ReleasedText,
        };

    /// <summary>Each answer with its comment's safeguarding item, if it has one: the one place the two are joined.</summary>
    private static IQueryable<AnswerAndItem> WithItems(ConsultationDbContext db, IQueryable<ResponseAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from answer in answers
               join item in db.SafeguardingItems
                   on new { ResponseId = (long?)answer.ResponseId, answer.QuestionNumber } equals new { item.ResponseId, item.QuestionNumber } into items
               from item in items.DefaultIfEmpty()
               select new AnswerAndItem { Answer = answer, Item = item };
    }

    private sealed class AnswerAndItem
    {
        public required ResponseAnswer Answer { get; init; }

        public SafeguardingItem? Item { get; init; }
    }

    /// <summary>The comment analysis may read, given the comment's item (null when it has none).</summary>
    public static string? ForAnalysis(string? comments, SafeguardingItem? item) => item?.Release switch
    {
        null or SafeguardingRelease.AsWritten => comments,
        SafeguardingRelease.Redacted => item.ReleasedText,
        _ => comments is null ? null : WithheldText,
    };
}
