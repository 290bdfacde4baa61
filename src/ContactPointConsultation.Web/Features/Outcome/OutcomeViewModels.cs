using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Outcomes;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace ContactPointConsultation.Web.Features.Outcome;

/// <summary>How many people chose one answer; null where small-number suppression hides it.</summary>
public sealed record OutcomeCount(string Label, int? People, int? Percent)
{
    /// <summary>
    /// Yes, No and Not sure, as shown (a hidden count hides its percentage), with each percentage of the people who
    /// chose an answer: <paramref name="counts"/> are all three as counted.
    /// </summary>
    public static IReadOnlyList<OutcomeCount> ForChoices(IReadOnlyList<int> counts, IReadOnlyList<int?> shown)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(shown);
        var answered = counts.Sum();
        return [.. AnswerOptions.Choices.Options.Select((o, i) => new OutcomeCount(o.Label, shown[i],
            shown[i] is { } people && answered > 0 ? (int)Math.Round(100.0 * people / answered) : null))];
    }
}

/// <summary>One question's outcome as the public page shows it, its texts already rendered from Markdown.</summary>
/// <param name="Position">The question's place, from 1, as the online pages and the copy of the answers number it.</param>
/// <param name="Answered">How many chose Yes, No or Not sure; null for a question with no choice, or too few to show.</param>
public sealed record OutcomeQuestionView(
    int Number, int Position, string SectionTitle, string WhatWeAsked, bool HasChoice, int? Answered, IReadOnlyList<OutcomeCount> Counts,
    HtmlString? WhatYouSaid, HtmlString? WhatYouSaidEasyRead, HtmlString WhatWeDid, HtmlString WhatWeDidEasyRead);

public enum OutcomeShown
{
    Published,

    /// <summary>An admin's preview of the draft, with today's counts.</summary>
    Preview,

    /// <summary>An earlier version, replaced since; for admins.</summary>
    Earlier,
}

public sealed record OutcomeViewModel(
    OutcomeShown Shown, int VersionNumber, DateTime? PublishedAt, int? Responses, int SuppressBelow,
    HtmlString Summary, HtmlString SummaryEasyRead, IReadOnlyList<OutcomeQuestionView> Questions)
{
    /// <summary>Shown to an admin from the outcome's own pages (a preview, or a version in the list), with a way back.</summary>
    public bool IsForAdmins { get; init; }

    /// <summary>Whether any count can be hidden: a threshold of 0 or 1 hides none.</summary>
    public bool HidesSmallCounts => SuppressBelow > 1 && Questions.Any(q => q.HasChoice);

    /// <summary>
    /// A version as the public page shows it. Counts under the threshold are hidden, as on the filtered dashboard,
    /// and so are their percentages; the percentages are of the people who chose an answer.
    /// </summary>
    public static OutcomeViewModel Of(OutcomeVersion version, OutcomeShown shown, SmallNumberSuppression suppression, GovUkMarkdown markdown)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(suppression);
        ArgumentNullException.ThrowIfNull(markdown);
        HtmlString? Optional(string text) => text.Length == 0 ? null : markdown.ToHtml(text);
        var questions = version.Questions.OrderBy(q => q.QuestionNumber).Select((q, index) =>
        {
            var hasChoice = q.Yes is not null;
            int[] counts = [q.Yes ?? 0, q.No ?? 0, q.NotSure ?? 0];
            var answered = counts.Sum();
            var shownCounts = suppression.Apply(counts);
            return new OutcomeQuestionView(
                q.QuestionNumber, index + 1, q.SectionTitle, q.WhatWeAsked, hasChoice, hasChoice ? suppression.Apply(answered) : null,
                hasChoice ? OutcomeCount.ForChoices(counts, shownCounts) : [],
                Optional(q.WhatYouSaid), Optional(q.WhatYouSaidEasyRead), markdown.ToHtml(q.WhatWeDid), markdown.ToHtml(q.WhatWeDidEasyRead));
        }).ToList();
        return new OutcomeViewModel(shown, version.Number, version.PublishedAt, version.Responses, suppression.Threshold,
            markdown.ToHtml(version.Summary), markdown.ToHtml(version.SummaryEasyRead), questions);
    }
}

/// <summary>Views of this feature that another feature's pages show, by path.</summary>
public static class OutcomeViews
{
    /// <summary>The 12-week clock, which the staff dashboard shows too.</summary>
    public const string Clock = "/Features/Outcome/_OutcomeClock.cshtml";
}

/// <summary>Before an outcome is published: when it should be, once the consultation has closed.</summary>
public sealed record NotPublishedViewModel(OutcomeClock? Clock);

/// <summary>The check by reference: the form, and once a response is found, the questions it answered.</summary>
public sealed record OutcomeCheckViewModel(OutcomeCheckInput Input, OutcomeViewModel Outcome, IReadOnlyList<OutcomeQuestionView>? Answered)
{
    public bool Found => Answered is not null;
}

/// <summary>One box on an admin's edit page, with its reading age.</summary>
public sealed record OutcomeFieldView(OutcomeField Field, string Id, string? Value, ReadabilityScore? Readability, string? Theirs)
{
    public IReadOnlyList<string> NoteIds { get; } =
        [.. new[] { Readability is null ? null : Id + "-reading-age", Theirs is null ? null : Id + "-saved" }.OfType<string>()];
}

/// <summary>A question's live numbers and confirmed themes, beside its boxes: what the admin writes from.</summary>
public sealed record QuestionFacts(QuestionContent Asked, IReadOnlyList<OutcomeCount> Counts, IReadOnlyList<(string Theme, int Comments)> TopThemes);

public sealed record OutcomeEditViewModel(
    OutcomePart Part, OutcomePartInput Input, IReadOnlyList<OutcomeFieldView> Fields, int VersionNumber, bool IsDraft,
    QuestionFacts? Facts, EditResult.Conflict? Conflict)
{
    /// <summary>"What you said" was empty, and the box starts from the top themes: the admin is told, as Save keeps it.</summary>
    public bool StartedFromThemes { get; init; }
}

/// <summary>One part on the admin's overview: its texts' reading ages, and whether any is still to write.</summary>
public sealed record OutcomePartSummary(OutcomePart Part, string Summary, IReadOnlyList<(OutcomeField Field, ReadabilityScore? Score)> Fields, int Missing);

public sealed record OutcomeIndexViewModel(
    OutcomeVersion Editable, OutcomeVersion? Published, IReadOnlyList<OutcomePartSummary> Parts, IReadOnlyList<OutcomeVersion> Versions,
    OutcomeClock? Clock, string? Banner)
{
    public bool HasDraft => Editable.State == OutcomeState.Draft && Editable.Id != 0;

    /// <summary>When the 12-week clock stopped: the first publication, not the latest.</summary>
    public DateTime? FirstPublishedAt => Versions.Count == 0 ? null : Versions.Min(v => v.PublishedAt);
}

public sealed record OutcomePublishViewModel(OutcomeVersion Draft, IReadOnlyList<(OutcomePart Part, OutcomeField Field)> Missing, string? Problem)
{
    /// <summary>When the consultation closes, while it has not: it can be published after that.</summary>
    public DateTime? OpenUntil { get; init; }

    /// <summary>The model-state key of a text still to write: "q5:WhatWeDid", whose row has the id "q5-what-we-did".</summary>
    public static string KeyOf(OutcomePart part, OutcomeField field)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(field);
        return $"{part.Id}:{field.Key}";
    }

    public static string MissingMessage(OutcomePart part, OutcomeField field)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(field);
        return $"Write “{field.Label.ToLowerInvariant()}” for {part.Title}";
    }
}
