namespace ContactPointConsultation.Core;

/// <summary>
/// The "Consultation" configuration section. The dates are only the first version's: once the database
/// is seeded, admins change them with the wording. Give them with an offset ("2027-03-31T23:59:59+01:00").
/// </summary>
public sealed class ConsultationOptions
{
    public const string SectionName = "Consultation";

    public DateTime OpensAt { get; set; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public DateTime ClosesAt { get; set; } = new(2027, 3, 31, 22, 59, 59, DateTimeKind.Utc);

    /// <summary>How long responses are kept after the consultation closes.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>Configuration binds "…Z" and "…+01:00" as local time; from here on they are UTC.</summary>
    public void NormaliseToUtc()
    {
        OpensAt = OpensAt.ToUniversalTime();
        ClosesAt = ClosesAt.ToUniversalTime();
    }
}
