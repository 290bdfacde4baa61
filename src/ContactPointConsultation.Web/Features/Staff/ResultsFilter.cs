using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Features.Shared;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Staff;

/// <summary>The filters as typed into the query string; checked before use. Dates are GOV.UK day, month and year boxes.</summary>
public sealed class ResultsFilterInput
{
    public string? FromDay { get; set; }
    public string? FromMonth { get; set; }
    public string? FromYear { get; set; }
    public string? ToDay { get; set; }
    public string? ToMonth { get; set; }
    public string? ToYear { get; set; }
    public string? Age { get; set; }
    public string? As { get; set; }
    public string? Version { get; set; }

    /// <summary>How the responses arrived: online, or typed in from paper, an email, a letter or an event. On the results, responses and downloads pages.</summary>
    public string? Channel { get; set; }

    /// <summary>
    /// A theme of the question, on the analysis pages that offer it (<see cref="ResultsFilterViewModel.Themes"/>):
    /// only the comments tagged with it. It is not a filter of responses, so <see cref="ToFilter"/> leaves it out.
    /// </summary>
    public string? Theme { get; set; }

    /// <summary>The theme's id, once the page has checked that it is one of the question's themes.</summary>
    [BindNever]
    public int? ThemeId => int.TryParse(Theme, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    [BindNever]
    public DateParts From => new(FromDay, FromMonth, FromYear);

    [BindNever]
    public DateParts To => new(ToDay, ToMonth, ToYear);

    /// <summary>The model state keys in page order; a date's error is under the box it leads to.</summary>
    public static readonly string[] FieldOrder = ["From", "From:month", "From:year", "To", "To:month", "To:year", "Age", "As", "Version", "Channel", "Theme"];

    /// <summary>The filters given, as the form posts them.</summary>
    public IEnumerable<(string Name, string Value)> Fields() =>
        new[]
        {
            (nameof(FromDay), FromDay), (nameof(FromMonth), FromMonth), (nameof(FromYear), FromYear),
            (nameof(ToDay), ToDay), (nameof(ToMonth), ToMonth), (nameof(ToYear), ToYear),
            (nameof(Age), Age), (nameof(As), As), (nameof(Version), Version), (nameof(Channel), Channel), (nameof(Theme), Theme),
        }
        .Where(field => !string.IsNullOrEmpty(field.Item2))
        .Select(field => (field.Item1, field.Item2!));

    /// <summary>The filters as a query string ("?FromDay=…&amp;Age=…"), to carry them to the next page or file.</summary>
    public string QueryString()
    {
        var pairs = Fields().Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    /// <summary>
    /// Checks the input; invalid filters become errors in the model state and mean "no filter". The channel is a
    /// filter only where the page offers it (<paramref name="withChannel"/>): the analysis tallies are not kept by it.
    /// </summary>
    public static async Task<ResponseFilter> ValidateAsync(ResultsFilterInput? input, IValidator<ResultsFilterInput> validator, ModelStateDictionary modelState, CancellationToken cancellationToken, bool withChannel = false)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var validation = await validator.ValidateAsync(input ?? new ResultsFilterInput(), cancellationToken);
        validation.AddToModelState(modelState);
        return validation.IsValid && input is not null ? input.ToFilter(withChannel) : ResponseFilter.None;
    }

    public ResponseFilter ToFilter(bool withChannel = false) => new(
        From.Date, To.Date, AnswerOptions.AgeGroups.Parse(Age), AnswerOptions.AnsweringAs.Parse(As),
        int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null)
    {
        Channel = withChannel ? AnswerOptions.Channels.Parse(Channel) : null,
    };
}

public sealed class ResultsFilterInputValidator : AbstractValidator<ResultsFilterInput>
{
    public ResultsFilterInputValidator()
    {
        // A date left empty is no filter; one partly typed, or not a real date, is an error.
        foreach (var (key, subject, parts) in new[] { ("From", "Date from", (Func<ResultsFilterInput, DateParts>)(i => i.From)), ("To", "Date to", i => i.To) })
        {
            RuleFor(i => parts(i)).Custom((date, context) =>
            {
                if (!date.IsEmpty && date.Problem(subject) is { } problem)
                {
                    context.AddFailure(date.ErrorKey(key), problem);
                }
            });
        }

        RuleFor(i => i.To.Date).GreaterThanOrEqualTo(i => i.From.Date)
            .When(i => i.From.Date is not null && i.To.Date is not null)
            .WithMessage("Date to must be the same as or after date from")
            .OverridePropertyName("To");
        RuleFor(i => i.Age).Must(AnswerOptions.AgeGroups.IsKnown).When(i => !string.IsNullOrEmpty(i.Age)).WithMessage("Select an age group from the list");
        RuleFor(i => i.As).Must(AnswerOptions.AnsweringAs.IsKnown).When(i => !string.IsNullOrEmpty(i.As)).WithMessage("Select who they answered as from the list");
        RuleFor(i => i.Version).Matches("^[0-9]{1,6}$").When(i => !string.IsNullOrEmpty(i.Version)).WithMessage("Select a wording version from the list");
        RuleFor(i => i.Channel).Must(AnswerOptions.Channels.IsKnown).When(i => !string.IsNullOrEmpty(i.Channel)).WithMessage("Select how they arrived from the list");
        RuleFor(i => i.Theme).Matches("^[0-9]{1,9}$").When(i => !string.IsNullOrEmpty(i.Theme)).WithMessage("Select a theme from the list");
    }
}

/// <summary>The filter form, shared by the results, responses and downloads pages.</summary>
public sealed record ResultsFilterViewModel(ResultsFilterInput Filter, string Action, IReadOnlyList<int> Versions, bool Open)
{
    /// <summary>The question's themes, on the analysis pages that can show one theme's comments; null elsewhere, where there is no theme to choose.</summary>
    public IReadOnlyList<Core.Analysis.Theme>? Themes { get; init; }

    /// <summary>Offers "Arrived by": on the results, responses and downloads pages, not analysis.</summary>
    public bool ShowChannel { get; init; }

    /// <summary>The wording versions that responses can have answered: every one that has been live.</summary>
    public static Task<List<int>> PublishedVersionsAsync(ConsultationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ContentVersions.Where(v => v.State != ContentVersionState.Draft).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(cancellationToken);
    }
}
