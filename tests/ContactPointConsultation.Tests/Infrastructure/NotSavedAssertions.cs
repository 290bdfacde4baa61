using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContactPointConsultation.Web.Features.Respond;

namespace ContactPointConsultation.Tests.Infrastructure;

public static class NotSavedAssertions
{
    /// <summary>
    /// A failed save shows the question page again, not an error page: its form, the answer and comments
    /// as given, and a GOV.UK error saying it was not saved and why.
    /// </summary>
    public static void AssertQuestionShownAgain(this Respondent respondent, HttpStatusCode status, int question, string? answer, string? comments)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        Assert.Equal(status, respondent.Status);
        Assert.StartsWith("Error: ", respondent.Page.Title, StringComparison.Ordinal);
        Assert.StartsWith($"/questions/{question}", respondent.Page.QuerySelector<IHtmlFormElement>("main form[method=post]")?.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Equal([QuestionPage.NotSavedMessage((int)status)], respondent.ErrorSummary);
        Assert.Equal("#comments", respondent.Page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("Error: " + QuestionPage.NotSavedMessage((int)status), respondent.Text("#comments-error"));
        Assert.Equal(comments ?? "", respondent.Page.QuerySelector<IHtmlTextAreaElement>("#comments")?.Value);
        Assert.Equal(answer, respondent.Page.QuerySelector<IHtmlInputElement>("input[name=Answer]:checked")?.Value);
        Assert.DoesNotContain("Sqlite", respondent.Html, StringComparison.Ordinal);
    }
}
