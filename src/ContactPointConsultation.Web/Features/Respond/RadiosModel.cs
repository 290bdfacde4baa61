namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>A set of radios with a legend; the last option ("Prefer not to say") follows an "or" divider.</summary>
public sealed record RadiosModel(string Name, string Legend, string? Error, string? Selected, IReadOnlyList<(string Value, string Label)> Options)
{
    public bool LegendIsHeading { get; init; }

    public string Id => Infrastructure.ModelStateExtensions.FieldId(Name);
}
