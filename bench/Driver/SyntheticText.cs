using System.Text;

namespace Driver;

/// <summary>
/// Comments like young people's: many empty, most short, a few long, some in Welsh, some with emoji.
/// Seeded, so every run writes the same text.
/// </summary>
public static class SyntheticText
{
    private static readonly string[] Sentences =
    [
        "I think it is a good idea if it keeps children safe.",
        "I don't want people I don't know looking at my details.",
        "Who decides which workers can see the list?",
        "Mae'n bwysig bod plant yn cael dweud eu barn.",
        "Dylai rhieni wybod pwy sy'n edrych ar y wybodaeth.",
        "It should tell you when someone has looked at your record 👀",
        "Not sure, it depends on who is allowed to use it 🤔",
        "My friend moved schools a lot and this might have helped her.",
        "What happens if the information is wrong? How do you fix it?",
        "Children should be asked before anything is shared. 👍🏽",
        "I am worried about hackers getting in.",
        "It's fine for doctors and teachers but not for everyone.",
    ];

    private static readonly string[] Choices = ["Yes", "No", "NotSure"];
    private static readonly string[] FormChoices = ["yes", "no", "not-sure"];
    private static readonly string[] AgeGroups = ["Under11", "From11To13", "From14To16", "From17To18", "Over18", "PreferNotToSay"];
    private static readonly string[] FormAgeGroups = ["under-11", "11-to-13", "14-to-16", "17-to-18", "over-18", "prefer-not-to-say"];

    /// <summary>40% empty, 40% up to 200 characters, 15% up to 1,000, 5% up to the 5,000 limit.</summary>
    public static string? Comment(Random random)
    {
        var roll = random.NextDouble();
        var length = roll switch
        {
            < 0.40 => 0,
            < 0.80 => random.Next(20, 200),
            < 0.95 => random.Next(200, 1000),
            _ => random.Next(1000, 5000),
        };
        if (length == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
        }

        // Never split an emoji's surrogate pair when trimming to length.
        var end = Math.Min(length, text.Length);
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text.ToString(0, end).Trim();
    }

    public static string StoredChoice(Random random) => Choices[random.Next(Choices.Length)];

    public static string FormChoice(Random random) => FormChoices[random.Next(FormChoices.Length)];

    public static string? StoredAgeGroup(Random random) => random.Next(8) == 0 ? null : AgeGroups[random.Next(AgeGroups.Length)];

    public static string FormAgeGroup(Random random) => FormAgeGroups[random.Next(FormAgeGroups.Length)];
}
