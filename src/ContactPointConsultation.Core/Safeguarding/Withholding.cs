using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// What analysis may read of a comment: as written when nobody has flagged it or a lead has released
/// it, the lead's redacted copy, or <see cref="WithheldText"/> while it waits for (or was kept back by) a
/// safeguarding decision. Every page, search and download that shows comments to staff goes through here.
/// <para>
/// A comment is also withheld until the screen has read it, for the moment just after its response is
/// sent (<see cref="ResponseScreening"/>): what the screen has not read may be a disclosure.
/// </para>
/// </summary>
public static class Withholding
{
    public const string WithheldText = "Withheld for safeguarding review";

    /// <summary>
    /// The answers with each comment as analysis may read it: one left join on the items' unique index. The
    /// caller withholds the comments of a response not yet screened (<see cref="BeforeScreening"/>): it reads the
    /// response anyway, so the answers need not join it.
    /// </summary>
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
    /// The comments a search may look in, and analysts may tag: as for <see cref="ForAnalysis(ConsultationDbContext, IQueryable{ResponseAnswer})"/>,
    /// but a withheld comment is left out altogether, so that neither its words nor the placeholder are found.
    /// </summary>
    public static IQueryable<ResponseAnswer> Searchable(ConsultationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Searchable(db, db.ResponseAnswers);
    }

    /// <summary>
    /// As <see cref="Searchable(ConsultationDbContext)"/>, from the answers given: a caller that narrows them first
    /// (one question, only those with comments) lets the database use an index before the joins.
    /// </summary>
    public static IQueryable<ResponseAnswer> Searchable(ConsultationDbContext db, IQueryable<ResponseAnswer> answers) =>
        from pair in WithItems(db, answers)
        where pair.Item == null || pair.Item.Release != SafeguardingRelease.Withheld
        where db.Responses.Any(r => r.Id == pair.Answer.ResponseId && r.ScreenedAt != null)
        select new ResponseAnswer
        {
            ResponseId = pair.Answer.ResponseId,
            QuestionNumber = pair.Answer.QuestionNumber,
            Choice = pair.Answer.Choice,
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

    /// <summary>The comment analysis may read, given whether its response has been screened, and the comment's item (null when it has none).</summary>
    public static string? ForAnalysis(string? comments, bool screened, SafeguardingItem? item) => item?.Release switch
    {
        _ when !screened => Withheld(comments),
        null or SafeguardingRelease.AsWritten => comments,
        SafeguardingRelease.Redacted => item.ReleasedText,
        _ => Withheld(comments),
    };

    /// <summary>The answers of a response the screen has not read yet, as analysis may read them: every comment withheld.</summary>
    public static List<ResponseAnswer> BeforeScreening(IEnumerable<ResponseAnswer> answers) =>
        [.. answers.Select(a => new ResponseAnswer { ResponseId = a.ResponseId, QuestionNumber = a.QuestionNumber, Choice = a.Choice, Comments = Withheld(a.Comments) })];

    private static string? Withheld(string? comments) => comments is null ? null : WithheldText;
}
