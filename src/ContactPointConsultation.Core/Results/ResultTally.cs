using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Results;

/// <summary>
/// How many responses of one kind were sent on one UK day, or how many of them gave one answer to one
/// question: the counts the results are summed from, kept up to date in the same transaction as every
/// send, withdrawal and deletion (<see cref="ResultTallies"/>). A kind is everything the results can be
/// filtered by: the day, the wording version and the "About you" answers.
/// <para>
/// The key's parts are never null, so the database's upsert finds the row: an answer not given is stored
/// as <see cref="NotGiven"/>, and the row counting the responses themselves has question 0 and no choice.
/// </para>
/// </summary>
public sealed class ResultTally : ITallied
{
    /// <summary>What the key holds for an "About you" answer not given, or for the responses' own row's choice.</summary>
    public const string NotGiven = "";

    /// <summary>The question number of the row that counts the responses themselves.</summary>
    public const int ResponsesRow = 0;

    public DateOnly Day { get; set; }
    public int ContentVersionId { get; set; }
    public string AgeGroup { get; set; } = NotGiven;
    public string AnsweringAs { get; set; } = NotGiven;
    public int QuestionNumber { get; set; }
    public string Choice { get; set; } = NotGiven;
    public int Count { get; set; }

    public static string KeyOf(AgeGroup? value) => value?.ToString() ?? NotGiven;

    public static string KeyOf(AnsweringAs? value) => value?.ToString() ?? NotGiven;

    public static string KeyOf(Choice? value) => value?.ToString() ?? NotGiven;

    /// <summary>The choice a key stands for: null for <see cref="NotGiven"/>.</summary>
    public static Choice? ChoiceOf(string key) => key == NotGiven ? null : Enum.Parse<Choice>(key);
}

/// <summary>
/// What every tally row is counted by: the kind of response it counts, which is everything the results
/// filters can choose (<see cref="ResponseFilter.Tallies{T}"/>).
/// </summary>
public interface ITallied
{
    /// <summary>The UK calendar day the response was sent.</summary>
    DateOnly Day { get; }

    int ContentVersionId { get; }

    /// <summary>The age group's name, or <see cref="ResultTally.NotGiven"/>.</summary>
    string AgeGroup { get; }

    /// <summary>The "answering as" name, or <see cref="ResultTally.NotGiven"/>.</summary>
    string AnsweringAs { get; }
}

/// <summary>The part of a tally's key that says which responses it counts.</summary>
public readonly record struct TallyKind(DateOnly Day, int ContentVersionId, string AgeGroup, string AnsweringAs)
{
    public static TallyKind Of(DateTime submittedAt, int contentVersionId, AgeGroup? ageGroup, AnsweringAs? answeringAs) =>
        new(UkTime.DayOf(submittedAt), contentVersionId, ResultTally.KeyOf(ageGroup), ResultTally.KeyOf(answeringAs));
}
