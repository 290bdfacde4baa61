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
    public static IQueryable<ResponseAnswer> ForAnalysis(ConsultationDbContext db, IQueryable<ResponseAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from answer in answers
               join item in db.SafeguardingItems
                   on new { ResponseId = (long?)answer.ResponseId, answer.QuestionNumber } equals new { item.ResponseId, item.QuestionNumber } into items
               from item in items.DefaultIfEmpty()
               select new ResponseAnswer
               {
                   ResponseId = answer.ResponseId,
                   QuestionNumber = answer.QuestionNumber,
                   Choice = answer.Choice,
                   Comments = item == null || item.Release == SafeguardingRelease.AsWritten ? answer.Comments
                       : item.Release == SafeguardingRelease.Redacted ? item.ReleasedText
                       : answer.Comments == null ? null : WithheldText,
               };
    }

    /// <summary>
    /// The comments a search may look in: as for <see cref="ForAnalysis(ConsultationDbContext, IQueryable{ResponseAnswer})"/>,
    /// but a withheld comment is left out altogether, so that neither its words nor the placeholder are found.
    /// </summary>
    public static IQueryable<ResponseAnswer> Searchable(ConsultationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from answer in db.ResponseAnswers
               join item in db.SafeguardingItems
                   on new { ResponseId = (long?)answer.ResponseId, answer.QuestionNumber } equals new { item.ResponseId, item.QuestionNumber } into items
               from item in items.DefaultIfEmpty()
               where item == null || item.Release != SafeguardingRelease.Withheld
               select new ResponseAnswer
               {
                   ResponseId = answer.ResponseId,
                   QuestionNumber = answer.QuestionNumber,
                   Comments = item == null || item.Release == SafeguardingRelease.AsWritten ? answer.Comments : item.ReleasedText,
               };
    }

    /// <summary>The comment analysis may read, given the comment's item (null when it has none).</summary>
    public static string? ForAnalysis(string? comments, SafeguardingItem? item) => item?.Release switch
    {
        null or SafeguardingRelease.AsWritten => comments,
        SafeguardingRelease.Redacted => item.ReleasedText,
        _ => comments is null ? null : WithheldText,
    };
}
