namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>
/// "?change=true" marks a page reached from a Change link on check your answers. It is read as text:
/// anything else in the query string simply means "not a change", never a binding error.
/// </summary>
public static class ChangeLink
{
    public static bool IsChange(string? query) => string.Equals(query, "true", StringComparison.OrdinalIgnoreCase);
}
