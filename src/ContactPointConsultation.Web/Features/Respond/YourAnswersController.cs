using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed record YourAnswersViewModel(
    string Reference, DateTime SentAt, IReadOnlyList<AnswerRow> Rows, string? AgeGroup, string? AnsweringAs, int AvailableMinutes);

/// <summary>
/// A copy of the answers just sent, to print or save: only in the browser that sent them, only for a short time
/// (<see cref="RespondentSession.SentReference"/>), and gone from it when the young person selects Finished. Like
/// every page here it is never stored by the browser, so after Finished, Back shows nothing of it.
/// </summary>
[AllowAnonymous]
public sealed class YourAnswersController(
    RespondentSession session,
    ConsultationDbContext db,
    ContentCatalogue catalogue,
    IOptions<PortalOptions> options) : Controller
{
    public const string FinishedKey = "Finished";

    private static readonly PerModel<Func<ConsultationDbContext, string, Task<Response?>>> Sent = new(() =>
        EF.CompileAsyncQuery((ConsultationDbContext db, string reference) =>
            db.Responses.AsNoTracking().Include(r => r.Answers).SingleOrDefault(r => r.Reference == reference)));

    [HttpGet("your-answers")]
    public async Task<IActionResult> Copy(CancellationToken cancellationToken)
    {
        // Gone from this browser, out of time, or withdrawn since: the start page, which says nothing of why.
        if (session.SentReference() is not { } reference || await Sent.For(db)(db, reference) is not { } response)
        {
            return Redirect(RespondLinks.Start);
        }

        var content = await catalogue.GetVersionAsync(response.ContentVersionId, cancellationToken);
        var rows = AnswerRow.For(content, number => response.Answers.Find(a => a.QuestionNumber == number) is { } a ? (a.Choice, a.Comments) : null);
        return View("YourAnswers", new YourAnswersViewModel(reference, response.SubmittedAt, rows,
            AnswerOptions.AgeGroups.LabelOf(response.AgeGroup, content.AboutYou.AgeGroupLabels),
            AnswerOptions.AnsweringAs.LabelOf(response.AnsweringAs, content.AboutYou.AnsweringAsLabels),
            options.Value.SentCopyMinutes));
    }

    /// <summary>Clears the copy from this browser; the start page then says so.</summary>
    [HttpPost("your-answers/finished")]
    public IActionResult Finished()
    {
        session.ForgetSent();
        TempData[FinishedKey] = true;
        return Redirect(RespondLinks.Start);
    }
}
