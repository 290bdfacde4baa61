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
    /// Woken by a send, the screen waits for a lull: this long with no further send. Sends arriving together
    /// are screened together, and while people are sending the screen leaves them the processor. A flag
    /// reaches the queue this much later than the send, at least.
    /// </summary>
    public int ScreenGatherMilliseconds { get; set; } = 250;

    /// <summary>
    /// The longest the screen waits for a lull while sends keep arriving: at a busy time it screens at least
    /// this often, so no flag reaches the queue much later than this after its send.
    /// </summary>
    public int ScreenAtMostSeconds { get; set; } = 30;

    /// <summary>How often the screen looks for responses it was not woken for: those sent to another web node.</summary>
    public int ScreenPollSeconds { get; set; } = 10;
}
