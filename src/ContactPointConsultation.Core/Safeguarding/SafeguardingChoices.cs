using ContactPointConsultation.Core.Content;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>The decision form's options: the one list of each, with the value posted, the label shown and what is stored.</summary>
public static class SafeguardingChoices
{
    public static readonly OptionList<SafeguardingOutcome> Outcomes = new(
        ("no-concern", "No safeguarding concern", SafeguardingOutcome.NoConcern),
        ("concern-shared", "A concern, and I shared information", SafeguardingOutcome.ConcernShared),
        ("concern-no-action", "A concern, but the child cannot be identified and no action is possible", SafeguardingOutcome.ConcernNoAction));

    public static readonly OptionList<SafeguardingRelease> Releases = new(
        ("as-written", "The comment as it was written", SafeguardingRelease.AsWritten),
        ("redacted", "A redacted copy", SafeguardingRelease.Redacted),
        ("withheld", "Nothing: keep it withheld", SafeguardingRelease.Withheld));

    /// <summary>What the queue and the response page say of a flag's source.</summary>
    public static string SourceLabel(FlagSource source) => source == FlagSource.Screen ? "The screen" : "A member of staff";
}
