namespace ContactPointConsultation.Core;

/// <summary>The consultation's dates, from the "Consultation" configuration section.</summary>
public sealed class ConsultationOptions
{
    public const string SectionName = "Consultation";

    public DateTime OpensAt { get; set; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public DateTime ClosesAt { get; set; } = new(2027, 3, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>How long responses are kept after the consultation closes.</summary>
    public int RetentionMonths { get; set; } = 12;

    public bool IsOpenAt(DateTimeOffset now) => now.UtcDateTime >= OpensAt.ToUniversalTime() && now.UtcDateTime < ClosesAt.ToUniversalTime();
}
