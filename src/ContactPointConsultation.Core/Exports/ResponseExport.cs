using System.Globalization;
using System.Runtime.CompilerServices;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Exports;

/// <summary>One sent response, as a download row. <see cref="Cells"/> gives its cells in <see cref="ResponseExport.Columns"/> order.</summary>
public sealed record ExportRow(
    string Reference,
    DateTime SubmittedAt,
    int WordingVersion,
    AgeGroup? AgeGroup,
    AnsweringAs? AnsweringAs,
    IReadOnlyList<ResponseAnswer> Answers,
    ResponseChannel Channel,
    DateOnly ReceivedOn,
    string? Batch)
{
    /// <summary>
    /// The cells as stored, unescaped; blank where nothing was answered. Coded answers are written as
    /// the labels in <see cref="AnswerOptions"/>, so a column means the same whichever wording version
    /// the respondent answered.
    /// </summary>
    public string[] Cells()
    {
        var cells = new string[ResponseExport.Columns.Count];
        var i = 0;
        cells[i++] = Reference;
        cells[i++] = SubmittedAt.ToUniversalTime().ToString(ResponseExport.TimeFormat, CultureInfo.InvariantCulture);
        cells[i++] = WordingVersion.ToString(CultureInfo.InvariantCulture);
        cells[i++] = AnswerOptions.AgeGroups.LabelOf(AgeGroup) ?? "";
        cells[i++] = AnswerOptions.AnsweringAs.LabelOf(AnsweringAs) ?? "";
        for (var number = ConsultationLimits.FirstQuestionNumber; number <= ConsultationLimits.LastQuestionNumber; number++)
        {
            var answer = Find(number);
            if (ResponseExport.HasChoiceColumn(number))
            {
                cells[i++] = AnswerOptions.Choices.LabelOf(answer?.Choice) ?? "";
            }

            cells[i++] = answer?.Comments ?? "";
        }

        cells[i++] = AnswerOptions.Channels.LabelOf(Channel)!;
        cells[i++] = ReceivedOn.ToString(ResponseExport.DayFormat, CultureInfo.InvariantCulture);
        cells[i] = Batch ?? "";
        return cells;
    }

    private ResponseAnswer? Find(int number)
    {
        foreach (var answer in Answers)
        {
            if (answer.QuestionNumber == number)
            {
                return answer;
            }
        }

        return null;
    }
}

/// <summary>One row of the codebook: the wording of one question in one wording version.</summary>
public sealed record CodebookRow(int Version, int Question, string SectionTitle, string QuestionWording, string HelpText, string CommentPrompt, bool HasChoice)
{
    public string[] Cells() =>
    [
        Version.ToString(CultureInfo.InvariantCulture),
        Question.ToString(CultureInfo.InvariantCulture),
        SectionTitle,
        QuestionWording,
        HelpText,
        CommentPrompt,
        HasChoice ? "Yes" : "No",
    ];
}

/// <summary>
/// The sent responses as download rows, handed out one at a time as the database returns them, so a
/// download of any size needs the memory of one response. Responses and their answers are read as two
/// streams in id order and merged here, which is much faster than EF's Include of the answers
/// (measured in docs/adr/0012-benchmarks.md). Which responses are included is decided in
/// <see cref="Included"/> alone: that is where a filter belongs.
/// </summary>
public sealed class ResponseExport(ConsultationDbContext db, IDbContextFactory<ConsultationDbContext> dbFactory)
{
    /// <summary>ISO 8601, UTC, to the second.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>ISO 8601, a UK day.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    public static IReadOnlyList<string> CodebookColumns { get; } =
        ["Version", "Question", "Section title", "Question wording", "Help text", "Comment prompt", "Has Yes/No/Not sure"];

    /// <summary>Every question has a Yes / No / Not sure answer except the last (Q12), which has comments only.</summary>
    public static bool HasChoiceColumn(int questionNumber) => questionNumber < ConsultationLimits.LastQuestionNumber;

    public Task<int> CountAsync(ResponseFilter filter, CancellationToken cancellationToken = default) => Included(db, filter).CountAsync(cancellationToken);

    public async IAsyncEnumerable<ExportRow> RowsAsync(ResponseFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The download is every response sent before it started. Responses sent while it runs (a long
        // download on SQL Server would otherwise meet them) wait for the next one, so every version they
        // were answered on is already in the map below.
        var last = await Included(db, filter).MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;

        // A handful of wording versions: their numbers are read once, not joined into every row.
        var versionNumbers = await db.ContentVersions.AsNoTracking()
            .ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
        var responses = Included(db, filter).AsNoTracking()
            .Where(r => r.Id <= last)
            .OrderBy(r => r.Id)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        // The answers come on a connection of their own, so both streams are open at once on any database.
        await using var answerDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        var includedIds = Included(answerDb, filter).Select(r => r.Id);
        // A comment waiting for a safeguarding decision is never in a download: the cell says it is withheld.
        await using var answers = Withholding.ForAnalysis(answerDb, answerDb.ResponseAnswers
                .Where(a => a.ResponseId <= last && includedIds.Contains(a.ResponseId)))
            .OrderBy(a => a.ResponseId).ThenBy(a => a.QuestionNumber)
            .AsAsyncEnumerable()
            .GetAsyncEnumerator(cancellationToken);
        var more = await answers.MoveNextAsync();
        await foreach (var response in responses)
        {
            // Answers of a response withdrawn between the two reads have no row to join: skip them.
            while (more && answers.Current.ResponseId < response.Id)
            {
                more = await answers.MoveNextAsync();
            }

            var its = new List<ResponseAnswer>(ConsultationLimits.LastQuestionNumber);
            while (more && answers.Current.ResponseId == response.Id)
            {
                its.Add(answers.Current);
                more = await answers.MoveNextAsync();
            }

            if (its.Count == 0)
            {
                // Every response has an answer. None here means it was committed between the two reads
                // (SQL Server can commit ids out of order): read its answers on their own.
                its = await AnswersOfAsync(response.Id, cancellationToken);
            }

            yield return new ExportRow(
                response.Reference,
                response.SubmittedAt,
                versionNumbers[response.ContentVersionId],
                response.AgeGroup,
                response.AnsweringAs,
                response.ScreenedAt is null ? Withholding.BeforeScreening(its) : its,
                response.Channel,
                response.ReceivedOn ?? UkTime.DayOf(response.SubmittedAt),
                response.Batch);
        }
    }

    private async Task<List<ResponseAnswer>> AnswersOfAsync(long responseId, CancellationToken cancellationToken)
    {
        // Both open streams hold a connection, so this one has its own.
        await using var answerDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Withholding.ForAnalysis(answerDb, answerDb.ResponseAnswers.Where(a => a.ResponseId == responseId))
            .OrderBy(a => a.QuestionNumber)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The questions of every version that has been live (a draft has no responses), by version then question.</summary>
    public async Task<IReadOnlyList<CodebookRow>> CodebookAsync(CancellationToken cancellationToken = default) =>
        await db.QuestionWordings.AsNoTracking()
            .Join(db.ContentVersions.Where(v => v.State != ContentVersionState.Draft), q => q.ContentVersionId, v => v.Id, (q, v) => new { q, v.Number })
            .OrderBy(x => x.Number).ThenBy(x => x.q.Number)
            .Select(x => new CodebookRow(x.Number, x.q.Number, x.q.SectionTitle, x.q.Question, x.q.HelpText, x.q.CommentPrompt, x.q.HasChoice))
            .ToListAsync(cancellationToken);

    /// <summary>The responses a download includes: those the filter covers (all, with no filter).</summary>
    private static IQueryable<Response> Included(ConsultationDbContext context, ResponseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Apply(context.Responses, context.ContentVersions);
    }

    private static List<string> BuildColumns()
    {
        List<string> columns = ["Reference", "Submitted at", "Wording version", "Age group", "Answering as"];
        for (var number = ConsultationLimits.FirstQuestionNumber; number <= ConsultationLimits.LastQuestionNumber; number++)
        {
            if (HasChoiceColumn(number))
            {
                columns.Add($"Q{number} answer");
            }

            columns.Add($"Q{number} comments");
        }

        // How it reached us, last, so the earlier columns stay where they were. An online response was
        // received the day it was sent.
        columns.AddRange(["Channel", "Date received", "Batch"]);
        return columns;
    }
}
