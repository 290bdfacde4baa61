using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Content;

/// <summary>A fixed list of radio options: the value posted by the form, the label shown, and what is stored.</summary>
public sealed class OptionList<T>(params (string Value, string Label, T Item)[] options)
    where T : struct, Enum
{
    public IReadOnlyList<(string Value, string Label, T Item)> Options { get; } = options;

    /// <summary>The options as radios show them.</summary>
    public IReadOnlyList<(string Value, string Label)> Radios { get; } = [.. options.Select(o => (o.Value, o.Label))];

    public bool IsKnown(string? value) => Options.Any(o => o.Value == value);

    public T? Parse(string? value)
    {
        foreach (var option in Options)
        {
            if (option.Value == value)
            {
                return option.Item;
            }
        }

        return null;
    }

    /// <summary>
    /// The option a spreadsheet's cell names, by its label as the downloads write it (or its value), whatever
    /// its case and the spaces around it; null if it names none.
    /// </summary>
    public T? FromCell(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var trimmed = cell.Trim();
        foreach (var option in Options)
        {
            if (string.Equals(option.Label, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(option.Value, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return option.Item;
            }
        }

        return null;
    }

    public string? ValueOf(T? item) => item is null ? null : Options.First(o => o.Item.Equals(item.Value)).Value;

    public string? LabelOf(T? item) => item is null ? null : Options.First(o => o.Item.Equals(item.Value)).Label;

    /// <summary>The radios with the labels one content version gives them, where it gives one.</summary>
    public IReadOnlyList<(string Value, string Label)> RadiosWith(IReadOnlyDictionary<string, string> labels) =>
        [.. Options.Select(o => (o.Value, labels.GetValueOrDefault(o.Value, o.Label)))];

    /// <summary>The label a respondent saw for their answer, in the version they answered.</summary>
    public string? LabelOf(T? item, IReadOnlyDictionary<string, string> labels) =>
        ValueOf(item) is { } value ? labels.GetValueOrDefault(value, LabelOf(item)!) : null;
}

/// <summary>
/// The fixed answer options, the one list of them: the value each form posts, the label staff read
/// (results, responses, downloads) and the enum stored. Respondents see each content version's own
/// "About you" labels (<see cref="OptionLabel"/>), which start as these when the wording is first seeded
/// and can then be reworded by admins; the values never change, because they are what is stored.
/// </summary>
public static class AnswerOptions
{
    /// <summary>Yes, No, then Not sure after an "or" divider: always this order, never pre-selected.</summary>
    public static readonly OptionList<Choice> Choices = new(
        ("yes", "Yes", Choice.Yes),
        ("no", "No", Choice.No),
        ("not-sure", "Not sure", Choice.NotSure));

    public static readonly OptionList<AgeGroup> AgeGroups = new(
        ("under-11", "Under 11", AgeGroup.Under11),
        ("11-to-13", "11 to 13", AgeGroup.From11To13),
        ("14-to-16", "14 to 16", AgeGroup.From14To16),
        ("17-to-18", "17 or 18", AgeGroup.From17To18),
        ("over-18", "Over 18", AgeGroup.Over18),
        ("prefer-not-to-say", "Prefer not to say", AgeGroup.PreferNotToSay));

    public static readonly OptionList<AnsweringAs> AnsweringAs = new(
        ("young-person", "A young person, answering for myself", Data.AnsweringAs.YoungPerson),
        ("group", "A group of young people, for example a class or youth council", Data.AnsweringAs.GroupOfYoungPeople),
        ("adult-helping", "An adult helping a young person to answer", Data.AnsweringAs.AdultHelping),
        ("prefer-not-to-say", "Prefer not to say", Data.AnsweringAs.PreferNotToSay));

    /// <summary>How a response reached us: online, or typed in by staff from one of the others.</summary>
    public static readonly OptionList<ResponseChannel> Channels = new(
        ("online", "Online", ResponseChannel.Online),
        ("paper", "Paper", ResponseChannel.Paper),
        ("email", "Email", ResponseChannel.Email),
        ("letter", "Letter", ResponseChannel.Letter),
        ("event", "Event", ResponseChannel.Event));

    /// <summary>The channels a response is entered from: every one but online.</summary>
    public static readonly OptionList<ResponseChannel> EnteredChannels = new([.. Channels.Options.Where(o => o.Item != ResponseChannel.Online)]);
}
