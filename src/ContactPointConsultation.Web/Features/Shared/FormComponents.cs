using System.Diagnostics.CodeAnalysis;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:ContactPointConsultation.Web.Features.Shared",
    Justification = "Shared is MVC's name for the views every feature uses; no Visual Basic code calls this app.")]

namespace ContactPointConsultation.Web.Features.Shared;

// The models of the GOV.UK components in this folder. Each field is named by its model state key: the
// partial reads its own error from there, and its id (and, unless given, its posted name) come from it.
// A hint's line breaks are shown as line breaks. Extra DescribedBy ids come before the hint and the
// error, as GOV.UK Frontend orders them. After is shown inside the form group, below the field, for
// notes the field is described by.

/// <summary>A GOV.UK text input, with its label, hint and error message.</summary>
public sealed record TextInputModel(string Key, string Label)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Value { get; init; }
    public string Type { get; init; } = "text";
    public string? Hint { get; init; }

    /// <summary>A size such as "govuk-label--s".</summary>
    public string? LabelClass { get; init; }

    /// <summary>The label is the page's h1.</summary>
    public bool LabelIsPageHeading { get; init; }

    /// <summary>Extra classes for the input, such as "govuk-input--width-10".</summary>
    public string? Classes { get; init; }

    /// <summary>A unit shown after the input, such as "%"; hidden from screen readers, so the label or hint must say it too.</summary>
    public string? Suffix { get; init; }

    public string? AutoComplete { get; init; }
    public string? InputMode { get; init; }
    public string? AutoCapitalize { get; init; }
    public bool? Spellcheck { get; init; }
    public IReadOnlyList<string> DescribedBy { get; init; } = [];
    public IHtmlContent? After { get; init; }
}

/// <summary>A GOV.UK textarea; with MaxLength, inside a character count.</summary>
public sealed record TextareaModel(string Key, string Label)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Value { get; init; }
    public string? Hint { get; init; }
    public string? LabelClass { get; init; }
    public int Rows { get; init; } = 5;

    /// <summary>Shows GOV.UK's character count. Nothing stops longer text being typed: the server says it is too long.</summary>
    public int? MaxLength { get; init; }

    public bool? Spellcheck { get; init; }
    public IReadOnlyList<string> DescribedBy { get; init; } = [];
    public IHtmlContent? After { get; init; }
}

/// <summary>A GOV.UK file upload, with its label, hint and error message. Its form must be sent as multipart/form-data.</summary>
public sealed record FileUploadModel(string Key, string Label)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Hint { get; init; }
    public string? LabelClass { get; init; }

    /// <summary>The file types the chooser offers first, such as ".csv,text/csv"; the server still checks what comes.</summary>
    public string? Accept { get; init; }
}

/// <summary>
/// The problems found in an uploaded file, as a table of line, column and problem, under the upload's error:
/// the first of them, and how many more there are.
/// </summary>
public sealed record FileProblemsModel(IReadOnlyList<(int Line, string? Column, string Message)> Listed, int Count);

/// <summary>A GOV.UK select. An "Any" choice is an option with the value "".</summary>
public sealed record SelectModel(string Key, string Label, string? Selected, IReadOnlyList<(string Value, string Label)> Options)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Hint { get; init; }
    public string? LabelClass { get; init; }
}

/// <summary>GOV.UK radios in a fieldset. The first radio's id is the field's, the others "{id}-2", "{id}-3"….</summary>
public sealed record RadiosModel(string Key, string Legend, string? Selected, IReadOnlyList<(string Value, string Label)> Options)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Hint { get; init; }

    /// <summary>A size ("govuk-fieldset__legend--s") or "govuk-visually-hidden".</summary>
    public string? LegendClass { get; init; } = "govuk-fieldset__legend--m";

    /// <summary>The legend is an h2: the page's h1 says what the question is about.</summary>
    public bool LegendIsHeading { get; init; }

    /// <summary>Hints under single options, by their value.</summary>
    public IReadOnlyDictionary<string, string> ItemHints { get; init; } = new Dictionary<string, string>();

    public bool Inline { get; init; }

    /// <summary>An "or" divider before the last option, which sets it apart (Not sure, Prefer not to say).</summary>
    public bool OrBeforeLast { get; init; }
}

/// <summary>GOV.UK checkboxes in a fieldset, all posted under one name. Ids as for radios.</summary>
public sealed record CheckboxesModel(string Key, string Legend, IReadOnlyCollection<string> Checked, IReadOnlyList<(string Value, string Label)> Options)
{
    public string Name { get; init; } = Key;
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string? Hint { get; init; }
    public string? LegendClass { get; init; } = "govuk-fieldset__legend--m";
    public IReadOnlyDictionary<string, string> ItemHints { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// GOV.UK's date input: day, month and year boxes in a fieldset. The day box has the field's id, the
/// others "{id}-month" and "{id}-year". An error is read from the key, "{key}:month" or "{key}:year",
/// whichever box the error summary should lead to; the boxes at fault are marked.
/// </summary>
public sealed record DateInputModel(string Key, string Legend, DateParts Typed)
{
    public string Id { get; init; } = ModelStateExtensions.FieldId(Key);
    public string DayName { get; init; } = Key + "Day";
    public string MonthName { get; init; } = Key + "Month";
    public string YearName { get; init; } = Key + "Year";
    public string? Hint { get; init; }
    public string? LegendClass { get; init; } = "govuk-fieldset__legend--s";
    public IReadOnlyList<string> DescribedBy { get; init; } = [];
    public IHtmlContent? After { get; init; }
}

/// <summary>
/// A GOV.UK notification banner: "Important" (role region) or, with Success, "Success" (role alert).
/// A banner about something that just went wrong can ask for role alert too.
/// </summary>
public sealed record NotificationBannerModel(string Heading)
{
    /// <summary>The class a link in the Body needs, so it shows in the banner's colours.</summary>
    public const string LinkClass = "govuk-notification-banner__link";

    public bool Success { get; init; }
    public string TitleId { get; init; } = "govuk-notification-banner-title";
    public string? Role { get; init; }

    /// <summary>More under the heading: a Razor template such as @&lt;p class="govuk-body"&gt;…&lt;/p&gt;.</summary>
    public Func<object?, IHtmlContent>? Body { get; init; }
}

/// <summary>A GOV.UK details component: a short link-like summary that opens to show more. It works without JavaScript.</summary>
public sealed record DetailsModel(string Summary)
{
    /// <summary>Shown open when the page loads, for example while what it holds has an error to fix.</summary>
    public bool Open { get; init; }

    /// <summary>What it opens to show: a Razor template such as @&lt;p class="govuk-body"&gt;…&lt;/p&gt;.</summary>
    public required Func<object?, IHtmlContent> Body { get; init; }
}

/// <summary>A problem that belongs to no field, shown in the error summary as text rather than a link.</summary>
public sealed record ErrorSummaryModel(string? Description);

/// <summary>What the partials share.</summary>
public static class FormComponent
{
    /// <summary>
    /// The non-empty parts, space-separated; null when there are none, so that Razor leaves the whole
    /// attribute out.
    /// </summary>
    public static string? Join(params IEnumerable<string?> parts)
    {
        var joined = string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The ids of the extra notes, the hint and the error, in GOV.UK Frontend's order.</summary>
    public static string? DescribedBy(string id, IEnumerable<string> extra, string? hint, string? error) =>
        Join([.. extra, hint is null ? null : id + "-hint", error is null ? null : id + "-error"]);

    /// <summary>"true", "false" or null, for attributes such as spellcheck that take the word rather than being present.</summary>
    public static string? TrueOrFalse(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>The id of the nth (from 0) radio or checkbox.</summary>
    public static string ItemId(string id, int index) => index == 0 ? id : $"{id}-{index + 1}";
}

/// <summary>GOV.UK pagination: the page shown, how many there are, and the address of any page (keeping filters and search).</summary>
public sealed record PaginationModel(string Label, int Page, int PageCount, Func<int, string> Link);
