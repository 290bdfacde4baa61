using System.Globalization;
using System.Text.RegularExpressions;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Content;
using ContactPointConsultation.Core.Submissions;
using ContactPointConsultation.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// Builds a question page: for the question's own actions, and for a post that was refused before it
/// reached them (too many posts from one address, or a body over the size limit). Either way, a save
/// that fails shows the same page again, with what was typed where it can be read, because what a
/// young person typed must never be lost to an error page with no form on it.
/// </summary>
public sealed partial class QuestionPage(RespondentSession session, GovUkMarkdown markdown)
{
    public const string ViewPath = "/Features/Respond/Question.cshtml";

    /// <summary>The field a failed save is reported against: the comments box, which holds what is at stake.</summary>
    public const string NotSavedField = nameof(AnswerInput.Comments);

    public static string NotSavedMessage(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests =>
            "Your answer was not saved, because too many answers came from your internet connection in the last minute. "
            + "Answers you saved are still saved, and what you typed is still here. Wait a minute, then select Continue.",
        StatusCodes.Status413PayloadTooLarge =>
            $"Your answer was not saved. What you sent was too long. This page can take up to {MalformedRequests.MaxRequestBodyBytes / (1024 * 1024)} MB, "
            + $"and a comments box up to {Display.Number(ConsultationLimits.CommentMaxLength)} characters. "
            + "Use your browser’s Back button to get back what you typed. Make it shorter, then select Continue.",
        _ =>
            "Sorry, your answer was not saved because of a problem with the service. "
            + "What you typed is still here. Select Continue to try again, or try again in a few minutes.",
    };

    public QuestionViewModel ViewModel(ConsultationContent content, QuestionContent question, AnswerInput input, bool change)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(question);
        return new QuestionViewModel
        {
            Question = question,
            ShownVersion = content.VersionId,
            QuestionCount = content.Questions.Count,
            HelpHtml = markdown.ToHtml(question.HelpText),
            Input = input,
            BackUrl = change ? RespondLinks.CheckAnswers : RespondLinks.BeforeQuestion(question.Number),
            FormAction = RespondLinks.Question(question.Number, change),
        };
    }

    /// <summary>
    /// The question page again after its post was refused with <paramref name="status"/> before it
    /// reached the question's action, or null if the refused post was not an answer to a question.
    /// Nothing is saved here: the page only gives back what was typed, with the reason.
    /// </summary>
    public async Task<QuestionViewModel?> AfterRefusalAsync(HttpContext http, int status, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not { } refused
            || QuestionPath().Match(refused.OriginalPath) is not { Success: true } match
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var form = status == StatusCodes.Status413PayloadTooLarge ? null : await ReadFormAsync(http, cancellationToken);
        var content = await session.ContentAsync(form?["ShownVersion"], cancellationToken);
        if (content.Find(number) is not { } question)
        {
            return null;
        }

        // A body over the limit cannot be read back, so the page holds the answer as last saved.
        var input = form is null
            ? await SavedAnswerAsync(number, cancellationToken)
            : new AnswerInput { Answer = question.HasChoice ? form["Answer"].ToString() : null, Comments = TypedComment.Clean(form["Comments"]) };
        modelState.AddModelError(NotSavedField, NotSavedMessage(status));
        var change = refused.OriginalQueryString is { } query && IsChangeQuery(query);
        return ViewModel(content, question, input, change);
    }

    public async Task<AnswerInput> SavedAnswerAsync(int number, CancellationToken cancellationToken)
    {
        var saved = await session.FindAnswerAsync(number, cancellationToken);
        return new AnswerInput { Answer = AnswerOptions.Choices.ValueOf(saved?.Choice), Comments = saved?.Comments };
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static bool IsChangeQuery(string query) =>
        QueryHelpers.ParseQuery(query).TryGetValue("change", out var change) && ChangeLink.IsChange(change);

    [GeneratedRegex("^/questions/([0-9]{1,3})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPath();
}
