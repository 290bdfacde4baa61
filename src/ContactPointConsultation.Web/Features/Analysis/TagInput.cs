using System.Globalization;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Web.Features.Shared;
using FluentValidation;

namespace ContactPointConsultation.Web.Features.Analysis;

/// <summary>A comment's tagging form, as posted: the themes ticked, the themes that were ticked when it was shown, and a note.</summary>
public sealed class TagInput
{
    /// <summary>Where a problem with the comment itself (withdrawn, withheld) is shown: the comment's box.</summary>
    public const string CommentKey = "Comment";

    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly string[] FieldOrder = [CommentKey, nameof(Themes), nameof(Note)];

    /// <summary>Theme ids, as the checkboxes post them; checked by the validator before use.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>The themes already on the comment when the page was shown: only those unticked are removed.</summary>
    public List<string> Shown { get; set; } = [];

    public string? Note { get; set; }

    public static TagInput Of(CommentToTag comment, IEnumerable<int> themesInUse)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var shown = comment.Tags.Where(t => themesInUse.Contains(t.ThemeId)).Select(t => t.ThemeId.ToString(CultureInfo.InvariantCulture)).ToList();
        return new() { Themes = shown, Shown = [.. shown] };
    }

    /// <summary>The themes to tick, each with its description as its hint: one question for the tagging and the second coding pages.</summary>
    public static CheckboxesModel ThemeCheckboxes(IReadOnlyList<Theme> themes, IReadOnlyCollection<string> ticked)
    {
        ArgumentNullException.ThrowIfNull(themes);
        return new(nameof(Themes), "Which themes does the comment fit?", ticked, [.. themes.Select(t => (Id(t), t.Name))])
        {
            Hint = "Select all that apply. If none fits, select Other.",
            ItemHints = themes.Where(t => t.Description.Length > 0).ToDictionary(Id, t => t.Description),
        };

        static string Id(Theme theme) => theme.Id.ToString(CultureInfo.InvariantCulture);
    }

    public TagChange ToChange(int question, string reference) =>
        new(question, reference, Ids(Themes), Ids(Shown), Note);

    /// <summary>The ids that are ids: a hidden field changed by hand adds nothing, and removes nothing.</summary>
    internal static HashSet<int> Ids(IEnumerable<string> values) =>
        [.. values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];
}

public sealed class TagInputValidator : AbstractValidator<TagInput>
{
    public TagInputValidator()
    {
        RuleFor(i => i.Themes).NotEmpty().WithMessage("Select at least one theme. If none fits, select Other")
            .Must(themes => TagInput.Ids(themes).Count == themes.Distinct(StringComparer.Ordinal).Count()).WithMessage("Select themes from the list");
        RuleFor(i => i.Note).MaximumLength(AnalysisLimits.NoteMaxLength)
            .WithMessage($"The note must be {AnalysisLimits.NoteMaxLength:N0} characters or less");
    }
}
