using System.Globalization;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Staff;

/// <summary>The filters as typed into the query string; checked before use.</summary>
public sealed class ResultsFilterInput
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Age { get; set; }
    public string? As { get; set; }
    public string? Version { get; set; }

    public static readonly string[] FieldOrder = ["From", "To", "Age", "As", "Version"];

    /// <summary>A real date in a sensible range (so "9999-12-31" cannot overflow the day after it).</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100 ? date : null;

    /// <summary>The filters as a query string ("?From=…&amp;Age=…"), to carry them to the next page or file.</summary>
    public string QueryString()
    {
        var pairs = new[] { ("From", From), ("To", To), ("Age", Age), ("As", As), ("Version", Version) }
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    /// <summary>Checks the input; invalid filters become errors in the model state and mean "no filter".</summary>
    public static async Task<ResponseFilter> ValidateAsync(ResultsFilterInput? input, IValidator<ResultsFilterInput> validator, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var validation = await validator.ValidateAsync(input ?? new ResultsFilterInput(), cancellationToken);
        validation.AddToModelState(modelState);
        return validation.IsValid && input is not null ? input.ToFilter() : ResponseFilter.None;
    }

    public ResponseFilter ToFilter() => new(
        ParseDate(From), ParseDate(To), AnswerOptions.AgeGroups.Parse(Age), AnswerOptions.AnsweringAs.Parse(As),
        int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null);
}

/// <summary>The filter form, shared by the results, responses and downloads pages.</summary>
public sealed record ResultsFilterViewModel(ResultsFilterInput Filter, string Action, IReadOnlyList<int> Versions, bool Open);

public sealed class ResultsFilterInputValidator : AbstractValidator<ResultsFilterInput>
{
    public ResultsFilterInputValidator()
    {
        RuleFor(i => i.From).Must(v => ResultsFilterInput.ParseDate(v) is not null).When(i => !string.IsNullOrEmpty(i.From))
            .WithMessage("Enter a real date for ‘from’");
        RuleFor(i => i.To).Must(v => ResultsFilterInput.ParseDate(v) is not null).When(i => !string.IsNullOrEmpty(i.To))
            .WithMessage("Enter a real date for ‘to’");
        RuleFor(i => i.To).Must((i, to) => ResultsFilterInput.ParseDate(to) >= ResultsFilterInput.ParseDate(i.From))
            .When(i => ResultsFilterInput.ParseDate(i.From) is not null && ResultsFilterInput.ParseDate(i.To) is not null)
            .WithMessage("The ‘to’ date must be the same as or after the ‘from’ date");
        RuleFor(i => i.Age).Must(AnswerOptions.AgeGroups.IsKnown).When(i => !string.IsNullOrEmpty(i.Age)).WithMessage("Select an age group from the list");
        RuleFor(i => i.As).Must(AnswerOptions.AnsweringAs.IsKnown).When(i => !string.IsNullOrEmpty(i.As)).WithMessage("Select who they answered as from the list");
        RuleFor(i => i.Version).Matches("^[0-9]{1,6}$").When(i => !string.IsNullOrEmpty(i.Version)).WithMessage("Select a wording version from the list");
    }
}

public sealed record QuestionResult(int Number, string SectionTitle, string Question, IReadOnlyList<ResultBar> Bars);

/// <summary>One bar: a count, or null where it is too small to show in a filtered view.</summary>
public sealed record ResultBar(string Label, int? Count, int? Percent);

public sealed record DashboardViewModel(
    ResultsFilterInput Filter, bool Filtered, int SuppressBelow, int? Responses,
    IReadOnlyList<(DateOnly Day, int? Count)> PerDay, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<int> Versions);

/// <summary>The results at a glance. Counts come from the database; small ones are hidden in filtered views.</summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff")]
public sealed class DashboardController(
    ConsultationDbContext db,
    ContentCatalogue catalogue,
    ResultsQuery results,
    IValidator<ResultsFilterInput> validator,
    IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ResultsFilterInput filter, CancellationToken cancellationToken)
    {
        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, validator, ModelState, cancellationToken);

        var content = await catalogue.GetLiveAsync(cancellationToken);
        var numbers = await results.GetAsync(responseFilter, content.Questions.Where(q => q.HasChoice).Select(q => q.Number), cancellationToken);
        var suppressBelow = configuration.GetValue("Results:SuppressBelow", 10);
        int? Shown(int count) => responseFilter.IsFiltered && count < suppressBelow ? null : count;
        var total = Shown(numbers.Responses);
        IReadOnlyList<int?> Suppressed(IReadOnlyList<int> counts) => responseFilter.IsFiltered ? Suppression.Apply(counts, suppressBelow) : counts.Select(c => (int?)c).ToList();
        int? Percent(int? count) => count is null || numbers.Responses == 0 ? null : (int)Math.Round(100.0 * count.Value / numbers.Responses);

        string[] labels = ["Yes", "No", "Not sure", "Not answered"];
        var questions = content.Questions.Where(q => q.HasChoice).Select(q =>
        {
            var c = numbers.Questions.Single(n => n.QuestionNumber == q.Number);
            var shown = Suppressed([c.Yes, c.No, c.NotSure, c.NotAnswered]);
            return new QuestionResult(q.Number, q.SectionTitle, q.Question,
                labels.Select((label, i) => new ResultBar(label, shown[i], Percent(shown[i]))).ToList());
        }).ToList();
        var perDay = Suppressed(numbers.PerDay.Select(d => d.Responses).ToList());
        var versions = await PublishedVersionsAsync(db, cancellationToken);

        ViewData["Title"] = "Results";
        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("Dashboard", new DashboardViewModel(filter, responseFilter.IsFiltered, suppressBelow, total,
            numbers.PerDay.Select((d, i) => (d.Day, perDay[i])).ToList(), questions, versions));
    }

    public static Task<List<int>> PublishedVersionsAsync(ConsultationDbContext db, CancellationToken cancellationToken) =>
        db.ContentVersions.Where(v => v.State != ContentVersionState.Draft).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(cancellationToken);
}

/// <summary>
/// Hides counts under the threshold, and when only one count of a set that adds up to a shown total
/// would be hidden, hides the next smallest too: otherwise the hidden one is the total minus the rest.
/// </summary>
public static class Suppression
{
    public static IReadOnlyList<int?> Apply(IReadOnlyList<int> counts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(c => c < threshold ? (int?)null : c).ToList();
        if (shown.Count(c => c is null) == 1 && shown.Count > 1)
        {
            var next = shown.Select((c, i) => (c, i)).Where(x => x.c is not null).MinBy(x => x.c)!.i;
            shown[next] = null;
        }

        return shown;
    }
}
