namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Marks an action that takes a file upload, the one kind of form sent as multipart. Every other form is
/// refused a multipart body (<see cref="MalformedRequests.UseUtf8FormsOnly"/>); this one checks its file itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsFileUploadAttribute : Attribute
{
    /// <summary>
    /// The largest body the action takes, its file and fields together; more is refused (413) before a byte is
    /// read. Only this action takes more than <see cref="MalformedRequests.MaxRequestBodyBytes"/>, and only once
    /// routing and sign-in have allowed the request.
    /// </summary>
    public long MaxBodyBytes { get; set; } = MalformedRequests.MaxRequestBodyBytes;
}
