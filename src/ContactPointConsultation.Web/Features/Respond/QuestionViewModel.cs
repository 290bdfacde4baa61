using ContactPointConsultation.Core.Content;
using Microsoft.AspNetCore.Html;

namespace ContactPointConsultation.Web.Features.Respond;

public sealed class QuestionViewModel
{
    public required QuestionContent Question { get; init; }

    /// <summary>The wording version on the page, sent back with the answer (see RespondentSession.ContentAsync).</summary>
    public required int ShownVersion { get; init; }
    public required int QuestionCount { get; init; }
    public required HtmlString HelpHtml { get; init; }
    public required AnswerInput Input { get; init; }
    public required string BackUrl { get; init; }
    public required string FormAction { get; init; }
}
