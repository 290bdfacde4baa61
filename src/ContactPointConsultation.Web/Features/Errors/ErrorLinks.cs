namespace ContactPointConsultation.Web.Features.Errors;

/// <summary>The error pages' addresses, each written once, for the request pipeline that re-executes them.</summary>
public static class ErrorLinks
{
    /// <summary>The page for an unhandled exception.</summary>
    public const string ServerError = "/error/500";

    /// <summary>The page for any error status code; {0} is the code.</summary>
    public const string StatusCodeFormat = "/error/{0}";
}
