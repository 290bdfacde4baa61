namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// Marks an action that takes a file upload, the one kind of form sent as multipart. Every other form is
/// refused a multipart body (<see cref="MalformedRequests.UseUtf8FormsOnly"/>); this one checks its file itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsFileUploadAttribute : Attribute;
