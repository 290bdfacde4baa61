using ContactPointConsultation.Core;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>Test data builder for a respondent's answers: only what a test sets is filled in.</summary>
public sealed class Journey
{
    private readonly Dictionary<int, (string? Answer, string? Comments)> _answers = [];

    public string? AgeGroup { get; private set; }
    public string? AnsweringAs { get; private set; }
    public IReadOnlyDictionary<int, (string? Answer, string? Comments)> Answers => _answers;

    public static Journey Empty() => new();

    /// <summary>Every question answered, with a distinct comment for each, so mix-ups show.</summary>
    public static Journey AllAnswered()
    {
        var journey = new Journey();
        string[] choices = ["yes", "no", "not-sure"];
        for (var n = ConsultationLimits.FirstQuestionNumber; n <= ConsultationLimits.LastQuestionNumber; n++)
        {
            journey.Answer(n, n == ConsultationLimits.LastQuestionNumber ? null : choices[n % 3], $"Comment for question {n} – ‘quoted’ & <b>bold</b>");
        }

        return journey.AboutYou("11-to-13", "young-person");
    }

    public Journey Answer(int number, string? answer, string? comments = null)
    {
        _answers[number] = (answer, comments);
        return this;
    }

    public Journey AboutYou(string? ageGroup, string? answeringAs)
    {
        AgeGroup = ageGroup;
        AnsweringAs = answeringAs;
        return this;
    }
}

public static class RespondentJourneys
{
    /// <summary>Goes through every page as a person would, from the start page to the check answers page.</summary>
    public static async Task AnswerAllAsync(this Respondent respondent, Journey journey)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        ArgumentNullException.ThrowIfNull(journey);
        await respondent.GetAsync("/");
        for (var n = ConsultationLimits.FirstQuestionNumber; n <= ConsultationLimits.LastQuestionNumber; n++)
        {
            await respondent.GetAsync($"/questions/{n}");
            var (answer, comments) = journey.Answers.GetValueOrDefault(n);
            await respondent.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = answer, ["Comments"] = comments });
        }

        await respondent.SubmitAsync(new Dictionary<string, string?>
        {
            ["AgeGroup"] = journey.AgeGroup,
            ["AnsweringAs"] = journey.AnsweringAs,
        });
    }

    /// <summary>
    /// Answers everything and sends it, and waits until the portal has screened it, as it does just after a
    /// send; returns the reference shown on the confirmation page.
    /// </summary>
    public static async Task<string> SendAsync(this Respondent respondent, Journey journey)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        await respondent.AnswerAllAsync(journey);
        await respondent.SubmitAsync();
        var reference = respondent.Text(".govuk-panel__body strong");
        await respondent.ScreenedAsync();
        return reference;
    }
}
