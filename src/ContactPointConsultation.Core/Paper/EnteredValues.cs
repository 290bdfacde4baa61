using System.Globalization;
using System.Text.Json;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// One field of an entered response changed by a correction. <see cref="CommentOf"/>: the question, when the field
/// is a comment, whose words the audit log never holds and a reader sees only where the comment is not withheld.
/// </summary>
/// <param name="Key">The field's key, as the entry page names it: "Batch", "Q3:choice", "Q3:comments", "AgeGroup".</param>
public sealed record EntryChange(string Key, string Field, string? Before, string? After, int? CommentOf = null);

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
        void Compare(string key, string field, string? was, string? now, int? commentOf = null)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new EntryChange(key, field, was, now, commentOf));
            }
        }

        Compare(nameof(Channel), "How it arrived", AnswerOptions.Channels.LabelOf(before.Channel), AnswerOptions.Channels.LabelOf(Channel));
        Compare(nameof(ReceivedOn), "Date received", before.ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compare(nameof(Batch), "Batch", before.Batch, Batch);
        Compare("Version", "Wording version", Number(versionNumber(before.ContentVersionId)), Number(versionNumber(ContentVersionId)));
        for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
        {
            var (was, now) = (before.Answer(q), Answer(q));
            Compare(ChoiceKey(q), $"Question {q} tick", AnswerOptions.Choices.LabelOf(was?.Choice), AnswerOptions.Choices.LabelOf(now?.Choice));
            Compare(CommentsKey(q), $"Question {q} comments", was?.Comments, now?.Comments, commentOf: q);
        }

        Compare(nameof(AgeGroup), "Age", AnswerOptions.AgeGroups.LabelOf(before.AgeGroup), AnswerOptions.AgeGroups.LabelOf(AgeGroup));
        Compare(nameof(AnsweringAs), "Answering as", AnswerOptions.AnsweringAs.LabelOf(before.AnsweringAs), AnswerOptions.AnsweringAs.LabelOf(AnsweringAs));
        return changes;
    }

    public EnteredAnswer? Answer(int question) => Answers.FirstOrDefault(a => a.QuestionNumber == question);

    public static string ChoiceKey(int question) => string.Create(CultureInfo.InvariantCulture, $"Q{question}:choice");

    public static string CommentsKey(int question) => string.Create(CultureInfo.InvariantCulture, $"Q{question}:comments");

    /// <summary>These values, with the answers' and About you's fields named in <paramref name="keys"/> taken from <paramref name="other"/>.</summary>
    public EnteredValues With(EnteredValues other, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(keys);
        var answers = new List<EnteredAnswer>();
        for (var q = ConsultationLimits.FirstQuestionNumber; q <= ConsultationLimits.LastQuestionNumber; q++)
        {
            var choice = keys.Contains(ChoiceKey(q)) ? other.Answer(q)?.Choice : Answer(q)?.Choice;
            var comments = keys.Contains(CommentsKey(q)) ? other.Answer(q)?.Comments : Answer(q)?.Comments;
            if (choice is not null || comments is not null)
            {
                answers.Add(new EnteredAnswer(q, choice, comments));
            }
        }

        return this with
        {
            AgeGroup = keys.Contains(nameof(AgeGroup)) ? other.AgeGroup : AgeGroup,
            AnsweringAs = keys.Contains(nameof(AnsweringAs)) ? other.AnsweringAs : AnsweringAs,
            Answers = answers,
        };
    }

    /// <summary>As an entry to store, with the key of the page it came from.</summary>
    public EnteredResponse ToEntry(Guid entryKey) => new(entryKey, Channel, ReceivedOn ?? default, Batch, ContentVersionId, AgeGroup, AnsweringAs, Answers);

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
