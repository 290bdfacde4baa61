using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Content;

public enum ContentFieldKind
{
    /// <summary>One line of plain text: a title, a question, an option label.</summary>
    Line,

    /// <summary>Plain text that may wrap: a comment prompt.</summary>
    Paragraph,

    /// <summary>The safe Markdown subset: paragraphs, lists, bold and links.</summary>
    Markdown,

    /// <summary>A UTC time, held as text in <see cref="ContentField.FormatDate"/> form.</summary>
    Date,

    /// <summary>Lines of "word: explanation" (<see cref="Content.Glossary"/>).</summary>
    Glossary,
}

/// <summary>One editable text in a content version, with how to read and write it.</summary>
public sealed record ContentField(
    string Key,
    string Label,
    ContentFieldKind Kind,
    int MaxLength,
    Func<ContentVersion, string> Get,
    Action<ContentVersion, string> Set)
{
    public static string FormatDate(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTime ParseDate(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>
/// A part of the consultation that an admin edits on one page: the details and introduction, the
/// "About you" page, or one question. Edits, conflicts, diffs and the audit all work part by part.
/// </summary>
public sealed record ContentPart(string Id, string Title, IReadOnlyList<ContentField> Fields)
{
    public Dictionary<string, string> Read(ContentVersion version) =>
        Fields.ToDictionary(f => f.Key, f => f.Get(version), StringComparer.Ordinal);

    public void Write(ContentVersion version, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field.Key, out var value))
            {
                field.Set(version, value);
            }
        }
    }

    /// <summary>
    /// Identifies the saved text an edit started from. Two admins conflict only when the part they are
    /// both editing changed, not when someone else edited another question.
    /// </summary>
    public string Fingerprint(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var field in Fields)
        {
            var value = values.GetValueOrDefault(field.Key, "");
            text.Append(field.Key).Append(':').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public IEnumerable<FieldChange> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var field in Fields)
        {
            var old = before.GetValueOrDefault(field.Key, "");
            var @new = after.GetValueOrDefault(field.Key, old);
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                yield return new FieldChange(Id, field.Key, field.Label, old, @new);
            }
        }
    }
}

/// <summary>One text that differs between two versions, as the audit log and the diff record it.</summary>
public sealed record FieldChange(string Part, string Field, string Label, string Before, string After);

public static class ContentParts
{
    public const string DetailsId = "details";
    public const string AboutYouId = "about-you";
    public const string GlossaryId = "glossary";

    public static readonly ContentPart Details = new(DetailsId, "Consultation details and introduction",
    [
        new("ConsultationName", "Consultation name", ContentFieldKind.Line, 200, v => v.ConsultationName, (v, s) => v.ConsultationName = s),
        new("OpensAt", "Opens", ContentFieldKind.Date, 20, v => ContentField.FormatDate(v.OpensAt), (v, s) => v.OpensAt = ContentField.ParseDate(s)),
        new("ClosesAt", "Closes", ContentFieldKind.Date, 20, v => ContentField.FormatDate(v.ClosesAt), (v, s) => v.ClosesAt = ContentField.ParseDate(s)),
        new("Introduction", "Introduction", ContentFieldKind.Markdown, 20_000, v => v.Introduction, (v, s) => v.Introduction = s),
    ]);

    public static readonly ContentPart AboutYou = new(AboutYouId, "About you",
    [
        new("AboutYouIntroduction", "Explanation of why we ask", ContentFieldKind.Markdown, 5_000, v => v.AboutYouIntroduction, (v, s) => v.AboutYouIntroduction = s),
        new("AgeGroupQuestion", "Age question", ContentFieldKind.Line, 200, v => v.AgeGroupQuestion, (v, s) => v.AgeGroupQuestion = s),
        .. OptionFields(AboutYouFields.AgeGroup, "age option", AnswerOptions.AgeGroups),
        new("AnsweringAsQuestion", "Question about who they are answering as", ContentFieldKind.Line, 200, v => v.AnsweringAsQuestion, (v, s) => v.AnsweringAsQuestion = s),
        .. OptionFields(AboutYouFields.AnsweringAs, "answering as option", AnswerOptions.AnsweringAs),
    ]);

    public static readonly IReadOnlyList<ContentPart> Questions =
    [
        .. Enumerable.Range(ConsultationLimits.FirstQuestionNumber, ConsultationLimits.QuestionCount).Select(QuestionPart),
    ];

    public static readonly ContentPart Glossary = new(GlossaryId, "What the hard words mean (glossary)",
    [
        new("Glossary", "Glossary", ContentFieldKind.Glossary, 20_000, v => v.Glossary, (v, s) => v.Glossary = s),
    ]);

    public static readonly IReadOnlyList<ContentPart> All = [Details, .. Questions, AboutYou, Glossary];

    public static string QuestionId(int number) => $"q{number.ToString(CultureInfo.InvariantCulture)}";

    public static ContentPart? Find(string? id) => All.FirstOrDefault(p => p.Id == id);

    public static ContentPart? ForQuestion(int number) => Find(QuestionId(number));

    /// <summary>Every text that differs between two versions, part by part, in page order.</summary>
    public static IEnumerable<FieldChange> Changes(ContentVersion before, ContentVersion after) =>
        All.SelectMany(part => part.Changes(part.Read(before), part.Read(after)));

    private static ContentPart QuestionPart(int number)
    {
        QuestionWording Wording(ContentVersion v) => v.Questions.Single(q => q.Number == number);

        // Q12 asks for comments only, so its question text is never shown and is not offered for editing.
        List<ContentField> fields =
        [
            new("SectionTitle", "Page title", ContentFieldKind.Line, 200, v => Wording(v).SectionTitle, (v, s) => Wording(v).SectionTitle = s),
            new("Question", "Question", ContentFieldKind.Paragraph, 1000, v => Wording(v).Question, (v, s) => Wording(v).Question = s),
            new("HelpText", "Help panel", ContentFieldKind.Markdown, 10_000, v => Wording(v).HelpText, (v, s) => Wording(v).HelpText = s),
            new("CommentPrompt", "Comments hint", ContentFieldKind.Paragraph, 1000, v => Wording(v).CommentPrompt, (v, s) => Wording(v).CommentPrompt = s),
        ];
        if (number == ConsultationLimits.LastQuestionNumber)
        {
            fields.RemoveAt(1);
        }

        return new ContentPart(QuestionId(number), $"Q{number.ToString(CultureInfo.InvariantCulture)}", fields);
    }

    private static IEnumerable<ContentField> OptionFields<T>(string field, string label, OptionList<T> options)
        where T : struct, Enum =>
        options.Options.Select(o => o.Value).Select(value => new ContentField(
            $"{field}:{value}",
            $"Label for the “{value}” {label}",
            ContentFieldKind.Line,
            200,
            v => v.OptionLabels.Single(o => o.Field == field && o.Value == value).Label,
            (v, s) => v.OptionLabels.Single(o => o.Field == field && o.Value == value).Label = s));
}
