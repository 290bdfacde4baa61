using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Paper;

public sealed record PaperChecksViewModel(int WaitingForYou, int Waiting, int Share, IReadOnlyList<CheckRate> Rates, string? Message)
{
    public CheckRate Overall { get; } = new("Everyone", Rates.Sum(r => r.Checked), Rates.Sum(r => r.WithErrors), Rates.Sum(r => r.FieldsCompared), Rates.Sum(r => r.Errors));
}

/// <summary>One check: the reference and how it arrived, to find the paper; and the form to key it on, or the differences to decide, or what it found.</summary>
public sealed record PaperCheckViewModel(long Id, string Reference, string Channel, DateOnly? ReceivedOn, string? Batch, PaperCheckStatus Status)
{
    /// <summary>The blind keying form, while it waits.</summary>
    public PaperEntryViewModel? Keying { get; init; }

    /// <summary>Where the keying differs from what was entered, while it waits for a decision.</summary>
    public IReadOnlyList<EntryChange> Differences { get; init; } = [];

    /// <summary>What was chosen for each difference, by its key, as posted.</summary>
    public IReadOnlyDictionary<string, string?> Chosen { get; init; } = new Dictionary<string, string?>();

    public int FieldsCompared { get; init; }
    public int Errors { get; init; }
    public string? CheckedBy { get; init; }
}

/// <summary>
/// The check queue: a share of entered responses keyed again blind by someone who did not enter them, the
/// differences decided by that checker, and the error rates found (<see cref="PaperChecking"/>).
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/paper/checks")]
public sealed class PaperChecksController(ConsultationDbContext db, ContentCatalogue catalogue, PaperChecking checking, IOptions<PaperOptions> options) : Controller
{
    public const string EnteredIsRight = "entered";
    public const string CheckedIsRight = "checked";

    private string Me => User.Identity?.Name ?? "unknown";

    [HttpGet("")]
    public async Task<IActionResult> Queue(CancellationToken cancellationToken)
    {
        var waiting = db.PaperChecks.Where(c => c.Status == PaperCheckStatus.Waiting);
        return View("Checks", new PaperChecksViewModel(
            await waiting.CountAsync(c => c.EnteredBy != Me, cancellationToken),
            await waiting.CountAsync(cancellationToken),
            options.Value.VerifyPercent,
            await checking.RatesAsync(cancellationToken),
            TempData["CheckMessage"] as string));
    }

    [HttpGet("next")]
    public async Task<IActionResult> Next(CancellationToken cancellationToken)
    {
        if (await checking.NextAsync(Me, cancellationToken) is { } id)
        {
            return Redirect(PaperLinks.Check(id));
        }

        TempData["CheckMessage"] = "There are no responses for you to check. Responses you entered are checked by someone else.";
        return Redirect(PaperLinks.Checks);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken)
    {
        if (await checking.DifferencesAsync(id, cancellationToken) is not var (check, response, differences))
        {
            return NotFound();
        }

        if (check.EnteredBy == Me)
        {
            return OwnEntry(response.Reference);
        }

        if (check.Status == PaperCheckStatus.Differs && check.CheckedBy != Me)
        {
            return Taken(check.CheckedBy);
        }

        var page = Page(check, response);
        if (check.Status == PaperCheckStatus.Waiting)
        {
            page = page with { Keying = await KeyingAsync(response, new PaperEntryInput(), cancellationToken) };
        }

        return View("Check", page with { Differences = differences });
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Key(long id, PaperEntryInput input, CancellationToken cancellationToken)
    {
        input ??= new PaperEntryInput();
        if (await checking.DifferencesAsync(id, cancellationToken) is not var (check, response, _))
        {
            return NotFound();
        }

        if (check.EnteredBy == Me)
        {
            return OwnEntry(response.Reference);
        }

        // How it arrived is not on the paper: it is the entry's, so only the answers and About you are checked.
        var version = await db.ContentVersions.AsNoTracking().Where(v => v.Id == response.ContentVersionId).Select(v => new EntryVersion(v.Id, v.Number, default)).SingleAsync(cancellationToken);
        var entered = PaperEntryInput.Of(response, version.Number);
        (input.Channel, input.Batch, input.Version) = (entered.Channel, entered.Batch, entered.Version);
        (input.ReceivedDay, input.ReceivedMonth, input.ReceivedYear) = (entered.ReceivedDay, entered.ReceivedMonth, entered.ReceivedYear);
        var withheld = await PaperCorrections.WithheldAsync(db, response, cancellationToken);
        foreach (var question in withheld)
        {
            input.Comments.Remove(question);
        }

        // The entry's own arrival passed these rules when it was entered; only the keyed answers are checked now.
        ModelState.Clear();
        var validation = await new PaperEntryInputValidator([version with { OpenedOn = DateOnly.MinValue }], DateOnly.MaxValue).ValidateAsync(input, cancellationToken);
        validation.AddToModelState(ModelState);
        if (!validation.IsValid)
        {
            var page = Page(check, response);
            return View("Check", page with { Keying = await KeyingAsync(response, input, cancellationToken) });
        }

        var wording = await catalogue.GetVersionAsync(version.Id, cancellationToken);
        var withChoice = wording.Questions.Where(q => q.HasChoice).Select(q => q.Number).ToHashSet();
        var keyed = EnteredValues.Of(input.ToEntry(version.Id, withChoice));
        return await checking.KeyAsync(id, keyed, withChoice, withheld, Me, cancellationToken) switch
        {
            CheckOutcome.OwnEntry => OwnEntry(response.Reference),
            CheckOutcome.Taken => Taken(null),
            _ => Redirect(PaperLinks.Check(id)),
        };
    }

    [HttpPost("{id:long}/decide")]
    public async Task<IActionResult> Decide(long id, [FromForm] Dictionary<string, string?> right, CancellationToken cancellationToken)
    {
        right ??= [];
        if (await checking.DifferencesAsync(id, cancellationToken) is not var (check, response, differences))
        {
            return NotFound();
        }

        if (check.Status != PaperCheckStatus.Differs || check.CheckedBy != Me)
        {
            return check.EnteredBy == Me ? OwnEntry(response.Reference) : Taken(check.CheckedBy);
        }

        ModelState.Clear();
        foreach (var difference in differences.Where(d => right.GetValueOrDefault(d.Key) is not (EnteredIsRight or CheckedIsRight)))
        {
            ModelState.AddModelError(RightKey(difference.Key), $"Select which is right for {difference.Field.ToLowerInvariant()}");
        }

        if (!ModelState.IsValid)
        {
            var page = Page(check, response);
            return View("Check", page with { Differences = differences, Chosen = right });
        }

        var withheld = await PaperCorrections.WithheldAsync(db, response, cancellationToken);
        var keyedIsRight = differences.Where(d => right[d.Key] == CheckedIsRight).Select(d => d.Key).ToHashSet();
        return await checking.DecideAsync(id, keyedIsRight, withheld, Me, cancellationToken) == CheckOutcome.Done
            ? Redirect(PaperLinks.Check(id))
            : Taken(null);
    }

    /// <summary>The model state key of the choice for one difference: its radios' id comes from it.</summary>
    public static string RightKey(string key) => $"Right:{key}";

    private static PaperCheckViewModel Page(PaperCheck check, Response response) =>
        new(check.Id, response.Reference, AnswerOptions.Channels.LabelOf(response.Channel)!, response.ReceivedOn, response.Batch, check.Status)
        {
            FieldsCompared = check.FieldsCompared,
            Errors = check.Errors,
            CheckedBy = check.CheckedBy,
        };

    /// <summary>The blind form: the wording the response answered, none of what was entered, withheld comments left out.</summary>
    private async Task<PaperEntryViewModel> KeyingAsync(Response response, PaperEntryInput input, CancellationToken cancellationToken) =>
        new(input, await catalogue.GetVersionAsync(response.ContentVersionId, cancellationToken), [])
        {
            AnswersOnly = true,
            Withheld = await PaperCorrections.WithheldAsync(db, response, cancellationToken),
        };

    private ViewResult OwnEntry(string reference)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Refused", new RefusedViewModel("You cannot check this response", $"You entered response {reference}, so someone else checks it.", PaperLinks.Checks, "Back to checking responses"));
    }

    private ViewResult Taken(string? by)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Refused", new RefusedViewModel("This response has been checked", by is null
            ? "Someone else checked it while you were keying it, so what you keyed was not stored."
            : $"{by} is checking it.", PaperLinks.Checks, "Back to checking responses"));
    }
}
