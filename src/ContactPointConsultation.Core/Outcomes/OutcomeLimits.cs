namespace ContactPointConsultation.Core.Outcomes;

public static class OutcomeLimits
{
    /// <summary>One block of text: several paragraphs, and more than a page of easy read.</summary>
    public const int TextMaxLength = 10_000;

    /// <summary>The Government's consultation principles: publish the response within 12 weeks of closing.</summary>
    public const int WeeksToPublish = 12;

    /// <summary>How many of a question's confirmed themes the "what you said" text starts from.</summary>
    public const int TopThemes = 3;
}
