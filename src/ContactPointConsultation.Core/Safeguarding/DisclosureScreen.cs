namespace ContactPointConsultation.Core.Safeguarding;

public sealed record ScreenMatch(string Rule, string Category, string Phrase);

public sealed record ScreenResult(IReadOnlyList<ScreenMatch> Matches)
{
    public static readonly ScreenResult Clear = new([]);

    public bool Flagged => Matches.Count > 0;
}

public static class DisclosureScreen
{
    public const string Version = "0";

    public static ScreenResult Screen(string? comment) =>
        comment is not null && comment.Contains("hits me", StringComparison.OrdinalIgnoreCase)
            ? new ScreenResult([new ScreenMatch("interim", "physical-abuse", "hits me")])
            : ScreenResult.Clear;
}
