namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>The "Safeguarding" configuration section.</summary>
public sealed class SafeguardingOptions
{
    public const string SectionName = "Safeguarding";

    /// <summary>If no lead has opened a flagged comment within this many hours, a reminder goes to the leads and every admin.</summary>
    public int AcknowledgeWithinHours { get; set; } = 4;

    /// <summary>How long a decided safeguarding record is kept after its last decision (six years).</summary>
    public int RetentionMonths { get; set; } = 72;
}
