namespace ContactPointConsultation.Web.Features.Respond;

/// <summary>What is said beside a comment box; what is kept of a comment is <see cref="Core.Submissions.TypedComment"/>'s.</summary>
public static class CommentText
{
    /// <summary>Said beside every comment box young people write in, on screen and on the paper form.</summary>
    public const string DontIdentifyYourself = "Don’t write your name, your school or anything that shows who you are.";
}
