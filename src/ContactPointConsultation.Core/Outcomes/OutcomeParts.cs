using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Core.Outcomes;

/// <summary>One text box of the outcome. Each standard text has an easy-read twin, for young readers.</summary>
/// <param name="EasyReadOf">For an easy-read box, the key of the text it retells; null for a standard text.</param>
/// <param name="Required">Must be written before the outcome is published. An easy-read box is required when its text is.</param>
public sealed record OutcomeField(string Key, string Label, string Hint, string? EasyReadOf = null, bool Required = true)
{
    public bool IsEasyRead => EasyReadOf is not null;

    /// <summary>The reading age the text should be at or under: lower in easy read, which the youngest read first.</summary>
    public int TargetReadingAge => IsEasyRead ? ReadabilityScore.EasyReadTargetReadingAge : ReadabilityScore.TargetReadingAge;
}

/// <summary>
/// What an admin edits on one page: the summary, or one question's "what you said" and "what we did". Reads and
/// writes its texts on a version, and fingerprints them, so a save can tell whether someone else changed them since.
/// </summary>
public sealed record OutcomePart(string Id, string Title, int? QuestionNumber, IReadOnlyList<OutcomeField> Fields)
{
    public IReadOnlyDictionary<string, string> Read(OutcomeVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var question = QuestionNumber is { } number ? version.Question(number) : null;
        return Fields.ToDictionary(f => f.Key, f => f.Key switch
        {
            OutcomeParts.Summary => version.Summary,
            OutcomeParts.SummaryEasyRead => version.SummaryEasyRead,
            OutcomeParts.WhatYouSaid => question?.WhatYouSaid ?? "",
            OutcomeParts.WhatYouSaidEasyRead => question?.WhatYouSaidEasyRead ?? "",
            OutcomeParts.WhatWeDid => question?.WhatWeDid ?? "",
            OutcomeParts.WhatWeDidEasyRead => question?.WhatWeDidEasyRead ?? "",
            _ => throw new InvalidOperationException($"No outcome field {f.Key}."),
        }, StringComparer.Ordinal);
    }

    public void Write(OutcomeVersion version, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(values);
        if (QuestionNumber is null)
        {
            version.Summary = values[OutcomeParts.Summary];
            version.SummaryEasyRead = values[OutcomeParts.SummaryEasyRead];
            return;
        }

        var question = version.Question(QuestionNumber.Value) ?? throw new InvalidOperationException($"No question {QuestionNumber} in the outcome.");
        question.WhatYouSaid = values[OutcomeParts.WhatYouSaid];
        question.WhatYouSaidEasyRead = values[OutcomeParts.WhatYouSaidEasyRead];
        question.WhatWeDid = values[OutcomeParts.WhatWeDid];
        question.WhatWeDidEasyRead = values[OutcomeParts.WhatWeDidEasyRead];
    }

    /// <summary>The keys of the fields whose text differs.</summary>
    public IEnumerable<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        Fields.Where(f => before.GetValueOrDefault(f.Key, "") != after.GetValueOrDefault(f.Key, "")).Select(f => f.Key);

    /// <summary>The fields still to write before publishing: a required text, or the easy read of any text written.</summary>
    public IEnumerable<OutcomeField> Missing(IReadOnlyDictionary<string, string> values) =>
        Fields.Where(f => values[f.Key].Length == 0
            && (f.Required || (f.EasyReadOf is { } standard && values[standard].Length > 0)));

    public static string Fingerprint(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var joined = string.Join('\u001f', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}\u001e{v.Value}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }
}

public static class OutcomeParts
{
    public const string Summary = "Summary";
    public const string SummaryEasyRead = "SummaryEasyRead";
    public const string WhatYouSaid = "WhatYouSaid";
    public const string WhatYouSaidEasyRead = "WhatYouSaidEasyRead";
    public const string WhatWeDid = "WhatWeDid";
    public const string WhatWeDidEasyRead = "WhatWeDidEasyRead";
    public const string SummaryId = "summary";

    private static readonly string EasyReadHint =
        $"Short sentences and everyday words, for readers aged 8 and up. Aim for a reading age of {ReadabilityScore.EasyReadTargetReadingAge}.";

    public static readonly OutcomePart SummaryPart = new(SummaryId, "the summary", null,
    [
        new(Summary, "Summary", "What the consultation found overall, and what happens next."),
        new(SummaryEasyRead, "Summary in easy read", EasyReadHint, EasyReadOf: Summary),
    ]);

    public static readonly IReadOnlyList<OutcomePart> All =
    [
        SummaryPart,
        .. Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount).Select(QuestionPart),
    ];

    public static string QuestionId(int number) => "q" + number.ToString(CultureInfo.InvariantCulture);

    public static OutcomePart? Find(string? id) => All.FirstOrDefault(p => p.Id == id);

    private static OutcomePart QuestionPart(int number) => new(QuestionId(number), $"question {number.ToString(CultureInfo.InvariantCulture)}", number,
    [
        new(WhatYouSaid, "What you said", "The main things people told us. The Yes, No and Not sure numbers are added for you.", Required: false),
        new(WhatYouSaidEasyRead, "What you said in easy read", EasyReadHint, EasyReadOf: WhatYouSaid, Required: false),
        new(WhatWeDid, "What we did", "What changed in the guidance because of the answers, or why it did not change."),
        new(WhatWeDidEasyRead, "What we did in easy read", EasyReadHint, EasyReadOf: WhatWeDid),
    ]);
}
