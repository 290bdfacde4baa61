using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Web.Features.Analysis;

public static class AnalysisQuestions
{
    /// <summary>The question's live wording, for a page's caption; null when it is not a question with a codebook, so the page is not found.</summary>
    public static async Task<string?> TextAsync(ContentCatalogue catalogue, int question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Codebook.Questions.Contains(question) ? (await catalogue.GetLiveAsync(cancellationToken)).Find(question)?.Question : null;
    }
}
