namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// What a member of staff types into the paper entry page: how it arrived, then a <see cref="Journey"/>'s
/// ticks and comments, as the page's field names. A real, past date and the first version unless changed.
/// </summary>
public sealed record PaperForm(Journey Answers)
{
    public string? Channel { get; init; } = "paper";
    public (string? Day, string? Month, string? Year) Received { get; init; } = ("14", "10", "2026");
    public string? Batch { get; init; } = "St Mary’s Primary, Year 6";
    public string? Version { get; init; } = "1";

    public Dictionary<string, string?> Fields()
    {
        var fields = new Dictionary<string, string?>
        {
            ["Channel"] = Channel,
            ["ReceivedDay"] = Received.Day,
            ["ReceivedMonth"] = Received.Month,
            ["ReceivedYear"] = Received.Year,
            ["Batch"] = Batch,
            ["Version"] = Version,
            ["AgeGroup"] = Answers.AgeGroup,
            ["AnsweringAs"] = Answers.AnsweringAs,
        };
        foreach (var (number, (answer, comments)) in Answers.Answers)
        {
            fields[$"Choice[{number}]"] = answer;
            fields[$"Comments[{number}]"] = comments;
        }

        return fields;
    }

    /// <summary>Opens the entry page and saves this on it, with "Save and enter another" if asked.</summary>
    public async Task SaveAsync(Respondent staff, bool another = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await staff.GetAsync("/staff/paper");
        await staff.SubmitAsync(Fields(), another ? ("intent", "another") : null);
    }
}
