namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>The "Safeguarding" configuration section.</summary>
public sealed class SafeguardingOptions
{
    public const string SectionName = "Safeguarding";

    /// <summary>If no lead has opened a flagged comment within this many hours, a reminder goes to the leads and every admin.</summary>
    public int AcknowledgeWithinHours { get; set; } = 4;

    /// <summary>How long a decided safeguarding record is kept after its last decision (six years).</summary>
    public int RetentionMonths { get; set; } = 72;

    /// <summary>
    /// How long the screen waits after a send wakes it, so that sends arriving together are screened
    /// together; a flag reaches the queue this much later than the send, at least.
    /// </summary>
    public int ScreenGatherMilliseconds { get; set; } = 250;

    /// <summary>How often the screen looks for responses it was not woken for: those sent to another web node.</summary>
    public int ScreenPollSeconds { get; set; } = 10;
}
