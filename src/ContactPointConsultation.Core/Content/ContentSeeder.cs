using System.Text.Json;
using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Content;

/// <summary>
/// On first run, makes version 1 of the wording live from the content file transcribed from the
/// consultation document (Content/consultation-cyp.json, embedded in this assembly). The first opening and
/// closing dates come from configuration; after that, admins change them with the wording.
/// </summary>
public sealed class ContentSeeder(ConsultationDbContext db, TimeProvider clock, IOptions<ConsultationOptions> options)
{
    private const string ResourceName = "ContactPointConsultation.Content.consultation-cyp.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ContentVersions.AnyAsync(cancellationToken))
        {
            return false;
        }

        var seed = LoadSeed();
        var now = clock.GetUtcNow().UtcDateTime;
        db.ContentVersions.Add(new ContentVersion
        {
            Number = 1,
            State = ContentVersionState.Live,
            ConsultationName = seed.ConsultationName,
            Introduction = seed.Introduction,
            OpensAt = options.Value.OpensAt.ToUniversalTime(),
            ClosesAt = options.Value.ClosesAt.ToUniversalTime(),
            AboutYouIntroduction = seed.AboutYou.Introduction,
            AgeGroupQuestion = seed.AboutYou.AgeGroupQuestion,
            AnsweringAsQuestion = seed.AboutYou.AnsweringAsQuestion,
            Glossary = SuggestedGlossary,
            // The options and their first labels are the code's (AnswerOptions); admins reword them from here.
            OptionLabels =
            [
                .. Labels(AboutYouFields.AgeGroup, AnswerOptions.AgeGroups),
                .. Labels(AboutYouFields.AnsweringAs, AnswerOptions.AnsweringAs),
            ],
            CreatedAt = now,
            CreatedBy = "seed",
            UpdatedAt = now,
            UpdatedBy = "seed",
            PublishedAt = now,
            PublishedBy = "seed",
            Questions = seed.Questions.Select(q => new QuestionWording
            {
                Number = q.Number,
                SectionTitle = q.SectionTitle,
                Question = q.Question,
                HelpText = q.HelpText,
                CommentPrompt = q.CommentPrompt,
                HasChoice = q.HasChoice,
            }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two instances started together and the other one seeded first: its version 1 stands.
            db.ChangeTracker.Clear();
            if (!await db.ContentVersions.AnyAsync(cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    private static IEnumerable<OptionLabel> Labels<T>(string field, OptionList<T> options)
        where T : struct, Enum =>
        options.Options.Select(o => new OptionLabel { Field = field, Value = o.Value, Label = o.Label });

    /// <summary>The portal's own explanations of the hard words, as a glossary's text: the first version's, and a start for a version without one.</summary>
    public static string SuggestedGlossary { get; } =
        string.Join('\n', LoadSeed().Glossary.Select(e => $"{e.Word}{Glossary.Separator} {e.Explanation}"));

    internal static SeedContent LoadSeed()
    {
        using var stream = typeof(ContentSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<SeedContent>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The content file is empty.");
    }

    internal sealed record SeedContent(
        string ConsultationName, string Introduction, SeedAboutYou AboutYou, IReadOnlyList<SeedQuestion> Questions, IReadOnlyList<SeedGlossaryEntry> Glossary);

    /// <summary>Not from the consultation document: the portal's own explanations of its hard words.</summary>
    internal sealed record SeedGlossaryEntry(string Word, string Explanation);

    /// <summary>Not from the consultation document: the portal's own optional questions. Their options are <see cref="AnswerOptions"/>.</summary>
    internal sealed record SeedAboutYou(string Introduction, string AgeGroupQuestion, string AnsweringAsQuestion);

    internal sealed record SeedQuestion(
        int Number, string SectionTitle, string Question, string HelpText, string CommentPrompt, bool HasChoice);
}
