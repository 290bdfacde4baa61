using ContactPointConsultation.Tests.Infrastructure;

namespace ContactPointConsultation.Tests.Respond;

public sealed class LoggingTests
{
    [Fact]
    public async Task Journey_WritesRequestLogs_ButNeverTheCommentText()
    {
        await using var portal = new PortalFactory();
        using var respondent = portal.CreateRespondent();
        const string secret = "My friend Sam at Hillside School told me";
        var journey = Journey.Empty().Answer(2, "yes", secret).Answer(12, null, secret + " again");

        await respondent.SendAsync(journey);
        await respondent.GetAsync("/questions/3");
        await respondent.SubmitAsync(new Dictionary<string, string?> { ["Comments"] = secret + new string('!', 5000) });

        Assert.Contains(portal.Logs.Events, e => e.Contains("\"RequestPath\"", StringComparison.Ordinal) && e.Contains("/check-answers", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Logs.Events, e => e.Contains("Hillside", StringComparison.Ordinal));
    }
}
