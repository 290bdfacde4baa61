namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>The lengths of what staff type into safeguarding records: one home for the columns, the validators and the messages.</summary>
public static class SafeguardingLimits
{
    public const int ReasonMaxLength = 1000;
    public const int ScreenReasonMaxLength = 4000;
    public const int OrganisationMaxLength = 200;
    public const int RoleMaxLength = 200;
    public const int SharedTextMaxLength = 2000;
    public const int NotesMaxLength = 2000;
    public const int CategoriesMaxLength = 400;
}
