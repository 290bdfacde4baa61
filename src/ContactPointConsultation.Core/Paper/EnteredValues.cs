using System.Globalization;
using System.Text.Json;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// One field of an entered response changed by a correction. <see cref="CommentOf"/>: the question, when the field
/// is a comment, whose words the audit log never holds and a reader sees only where the comment is not withheld.
/// </summary>
public sealed record EntryChange(string Field, string? Before, string? After, int? CommentOf = null);

/// <summary>What an entered response says, whole: kept before and after each correction (<see cref="ResponseRevision"/>).</summary>
public sealed record EnteredValues(
    ResponseChannel Channel,
    DateOnly? ReceivedOn,
    string? Batch,
    int ContentVersionId,
    AgeGroup? AgeGroup,
    AnsweringAs? AnsweringAs,
    IReadOnlyList<EnteredAnswer> Answers)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static EnteredValues Of(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.Channel, response.ReceivedOn, response.Batch, response.ContentVersionId, response.AgeGroup, response.AnsweringAs,
            [.. response.Answers.OrderBy(a => a.QuestionNumber).Select(a => new EnteredAnswer(a.QuestionNumber, a.Choice, a.Comments))]);
    }

    public static EnteredValues Of(EnteredResponse entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Channel, entry.ReceivedOn, string.IsNullOrWhiteSpace(entry.Batch) ? null : entry.Batch.Trim(), entry.ContentVersionId, entry.AgeGroup, entry.AnsweringAs,
            [.. entry.Answers.Where(a => a.Choice is not null || !string.IsNullOrWhiteSpace(a.Comments)).OrderBy(a => a.QuestionNumber)
                .Select(a => a with { Comments = string.IsNullOrWhiteSpace(a.Comments) ? null : a.Comments })]);
    }

    public static EnteredValues FromJson(string json) => JsonSerializer.Deserialize<EnteredValues>(json, Json)!;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The fields that differ from <paramref name="before"/>, in the paper form's order, each with its values there and here.</summary>
    public IReadOnlyList<EntryChange> ChangesFrom(EnteredValues before, Func<int, int> versionNumber)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(versionNumber);
        var changes = new List<EntryChange>();
        void Compare(string field, string? was, string? now, int? commentOf = null)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new EntryChange(field, was, now, commentOf));
            }
        }

        Compare("How it arrived", AnswerOptions.Channels.LabelOf(before.Channel), AnswerOptions.Channels.LabelOf(Channel));
        Compare("Date received", before.ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compare("Batch", before.Batch, Batch);
        Compare("Wording version", Number(versionNumber(before.ContentVersionId)), Number(versionNumber(ContentVersionId)));
        for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
        {
            var (was, now) = (before.Answer(q), Answer(q));
            Compare($"Question {q} tick", AnswerOptions.Choices.LabelOf(was?.Choice), AnswerOptions.Choices.LabelOf(now?.Choice));
            Compare($"Question {q} comments", was?.Comments, now?.Comments, commentOf: q);
        }

        Compare("Age", AnswerOptions.AgeGroups.LabelOf(before.AgeGroup), AnswerOptions.AgeGroups.LabelOf(AgeGroup));
        Compare("Answering as", AnswerOptions.AnsweringAs.LabelOf(before.AnsweringAs), AnswerOptions.AnsweringAs.LabelOf(AnsweringAs));
        return changes;
    }

    public EnteredAnswer? Answer(int question) => Answers.FirstOrDefault(a => a.QuestionNumber == question);

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
