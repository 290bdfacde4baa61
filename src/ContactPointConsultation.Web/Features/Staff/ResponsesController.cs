using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Paper;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Features.Paper;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Staff;

public sealed record ResponseSummary(string Reference, DateTime SubmittedAt, int VersionNumber, int Answered);

public sealed record ResponseListViewModel(
    IReadOnlyList<ResponseSummary> Responses, int Total, int Page, int PageCount, string? Search, string? Withdrawn,
    ResultsFilterViewModel Filter);

/// <summary>
/// One question of a response as this reader may see it. <see cref="Comments"/> is what analysis may
/// read (<see cref="Withholding"/>); a safeguarding lead also gets the comment's item, and reads the
/// original there.
/// </summary>
public sealed record AnsweredQuestion(QuestionContent Wording, string? Answer, string? Comments, bool Screened, SafeguardingItem? Item, bool ReaderIsLead)
{
    public bool WaitingForReview => Item?.Status == SafeguardingStatus.Waiting;

    /// <summary>Sent moments ago: the screen has not read it yet, so nobody may.</summary>
    public bool WaitingForScreen => !Screened && Comments is not null;

    /// <summary>A comment with words in it, read by the screen and not already waiting, can be flagged.</summary>
    public bool CanBeFlagged => Screened && !WaitingForReview && !string.IsNullOrWhiteSpace(Comments);
}

public sealed record ResponseViewModel(
    string Reference, DateTime SubmittedAt, int VersionNumber, string? AgeGroup, string? AnsweringAs, IReadOnlyList<AnsweredQuestion> Questions, int? JustFlagged)
{
    /// <summary>How it reached us: "Online", or the channel it was entered from.</summary>
    public string Channel { get; init; } = "";

    /// <summary>The day an entered response was received; null for an online one.</summary>
    public DateOnly? ReceivedOn { get; init; }

    public string? Batch { get; init; }
    public string? EnteredBy { get; init; }

    /// <summary>The spreadsheet an imported response came in, its id and name, and the line it was on; null for one typed in or sent.</summary>
    public (long Id, string FileName, int Line)? ImportedFrom { get; init; }

    /// <summary>An entered response this reader may correct now.</summary>
    public bool CanCorrect { get; init; }

    /// <summary>Said once, just after a correction was saved: true if it changed something, false if nothing differed.</summary>
    public bool? JustCorrected { get; init; }

    /// <summary>Each correction of an entered response, oldest first.</summary>
    public IReadOnlyList<CorrectionShown> Corrections { get; init; } = [];
}

/// <summary>One correction as the response page shows it: a comment's words only where the reader may read that comment.</summary>
public sealed record CorrectionShown(DateTime RevisedAt, string RevisedBy, IReadOnlyList<EntryChange> Changes);

/// <summary>
/// Every response, readable one at a time with the exact wording it answered. Each search, view and
/// withdrawal is audited. Responses are found by their random reference, never by a guessable id.
/// </summary>
[Authorize(StaffPolicies.Staff)]
[Route("staff/responses")]
public sealed class ResponsesController(
    ConsultationDbContext db,
    ContentCatalogue catalogue,
    AuditLog audit,
    Withdrawal withdrawal,
    IValidator<ResultsFilterInput> filterValidator,
    TimeProvider clock) : Controller
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ResultsFilterInput filter, int page = 1, string? search = null, CancellationToken cancellationToken = default)
    {
        filter ??= new ResultsFilterInput();
        var responseFilter = await ResultsFilterInput.ValidateAsync(filter, filterValidator, ModelState, cancellationToken, withChannel: true);
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            search = search[..MaxSearchLength];
        }

        var reference = ReferenceCode.Normalise(search);
        if (reference.Length == ReferenceCode.Length && await db.Responses.AnyAsync(r => r.Reference == reference, cancellationToken))
        {
            return Redirect(StaffLinks.Response(reference));
        }

        var query = responseFilter.Apply(db.Responses.AsNoTracking(), db.ContentVersions);
        if (search is not null)
        {
            // A search finds only what analysis may read: never a withheld comment's words. It ignores case, for
            // every letter: PostgreSQL by ILIKE and SQL Server by its default collation; SQLite's LIKE folds only
            // A to Z, so there the comments and the search are folded first (CaseFolding).
            var searchable = Withholding.Searchable(db);
            IQueryable<ResponseAnswer> matching;
            if (DatabaseProvider.IsSqlite(db))
            {
                var folded = $"%{EscapeLike(CaseFolding.Fold(search))}%";
                matching = searchable.Where(a => EF.Functions.Like(CaseFolding.Fold(a.Comments!), folded, "\\"));
            }
            else
            {
                var pattern = $"%{EscapeLike(search)}%";
                matching = DatabaseProvider.IsPostgreSql(db)
                    ? searchable.Where(a => EF.Functions.ILike(a.Comments!, pattern, "\\"))
                    : searchable.Where(a => EF.Functions.Like(a.Comments!, pattern, "\\"));
            }

            query = query.Where(r => matching.Any(a => a.ResponseId == r.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var versions = await VersionNumbersAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Reference, r.SubmittedAt, r.ContentVersionId, Answered = r.Answers.Count })
            .ToListAsync(cancellationToken);

        if (search is not null || responseFilter.IsFiltered)
        {
            await AuditAsync(AuditActions.ResponsesSearched, null, new { search, filters = responseFilter, results = total }, cancellationToken);
        }

        ViewData["FieldOrder"] = ResultsFilterInput.FieldOrder;
        return View("Responses", new ResponseListViewModel(
            rows.Select(r => new ResponseSummary(r.Reference, r.SubmittedAt, versions[r.ContentVersionId], r.Answered)).ToList(),
            total, page, pageCount, search, TempData["Withdrawn"] as string,
            new ResultsFilterViewModel(filter, StaffLinks.Responses, await ResultsFilterViewModel.PublishedVersionsAsync(db, cancellationToken), responseFilter.IsFiltered) { ShowChannel = true }));
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference, CancellationToken cancellationToken)
    {
        if (await FindAsync(reference, cancellationToken) is not { } response)
        {
            return NotFound();
        }

        var wording = await catalogue.GetVersionAsync(response.ContentVersionId, cancellationToken);
        var items = await db.SafeguardingItems.AsNoTracking().Where(i => i.ResponseId == response.Id).ToListAsync(cancellationToken);
        var lead = User.IsInRole(StaffRoles.Safeguarding);
        var questions = wording.Questions.Select(q =>
        {
            var answer = response.Answers.Find(a => a.QuestionNumber == q.Number);
            var item = items.Find(i => i.QuestionNumber == q.Number);
            var screened = response.ScreenedAt is not null;
            return new AnsweredQuestion(q, AnswerOptions.Choices.LabelOf(answer?.Choice), Withholding.ForAnalysis(answer?.Comments, screened, item), screened, item, lead);
        }).ToList();

        var corrections = new List<CorrectionShown>();
        if (response.Channel != ResponseChannel.Online)
        {
            var numbers = await db.ContentVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
            var readable = questions.Where(q => PaperCorrections.MayReadToCorrect(q.Screened, q.Item)).Select(q => q.Wording.Number).ToHashSet();
            await foreach (var revision in db.ResponseRevisions.AsNoTracking().Where(r => r.ResponseId == response.Id).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var changes = EnteredValues.FromJson(revision.After).ChangesFrom(EnteredValues.FromJson(revision.Before), id => numbers[id])
                    .Select(c => c.CommentOf is { } question && !readable.Contains(question) ? c with { Before = Withholding.WithheldText, After = Withholding.WithheldText } : c)
                    .ToList();
                corrections.Add(new CorrectionShown(revision.RevisedAt, revision.RevisedBy, changes));
            }
        }

        await AuditAsync(AuditActions.ResponseViewed, response.Reference, null, cancellationToken);
        return View("Response", new ResponseViewModel(response.Reference, response.SubmittedAt, wording.VersionNumber,
            AnswerOptions.AgeGroups.LabelOf(response.AgeGroup, wording.AboutYou.AgeGroupLabels),
            AnswerOptions.AnsweringAs.LabelOf(response.AnsweringAs, wording.AboutYou.AnsweringAsLabels),
            questions,
            TempData["Flagged"] as int?)
        {
            Channel = AnswerOptions.Channels.LabelOf(response.Channel)!,
            ReceivedOn = response.ReceivedOn,
            Batch = response.Batch,
            EnteredBy = response.EnteredBy,
            ImportedFrom = response.PaperImportId is { } import
                ? (import, await db.PaperImports.Where(i => i.Id == import).Select(i => i.FileName).SingleAsync(cancellationToken), response.ImportLine!.Value)
                : null,
            CanCorrect = response.Channel != ResponseChannel.Online && PaperCorrections.MayCorrect(User, response.EnteredBy)
                && clock.GetUtcNow().UtcDateTime < (await catalogue.GetLiveAsync(cancellationToken)).ClosesAt,
            JustCorrected = TempData["Corrected"] as bool?,
            Corrections = corrections,
        });
    }

    [HttpGet("{reference}/withdraw")]
    public async Task<IActionResult> Withdraw(string reference, CancellationToken cancellationToken)
    {
        if (await FindAsync(reference, cancellationToken) is not { } response)
        {
            return NotFound();
        }

        return View("Withdraw", response.Reference);
    }

    [HttpPost("{reference}/withdraw")]
    public async Task<IActionResult> ConfirmWithdraw(string reference, CancellationToken cancellationToken)
    {
        if (await FindAsync(reference, cancellationToken) is not { } response)
        {
            return NotFound();
        }

        if (!await withdrawal.WithdrawAsync(response, User.Identity?.Name ?? "unknown", HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return NotFound();
        }

        TempData["Withdrawn"] = response.Reference;
        return Redirect(StaffLinks.Responses);
    }

    private async Task<Response?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var normalised = ReferenceCode.Normalise(reference);
        return normalised.Length == ReferenceCode.Length
            ? await db.Responses.Include(r => r.Answers).SingleOrDefaultAsync(r => r.Reference == normalised, cancellationToken)
            : null;
    }

    private Task<Dictionary<int, int>> VersionNumbersAsync(CancellationToken cancellationToken) =>
        db.ContentVersions.ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);

    private Task AuditAsync(string action, string? target, object? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(User.Identity?.Name ?? "unknown", action, target, details, HttpContext.Connection.RemoteIpAddress, cancellationToken);

    /// <summary>So a search for "100%" or "a_b" finds those characters, not LIKE wildcards.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
