using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContactPointConsultation.Core.Content;

/// <summary>
/// Reads consultation wording through a cache. A live or archived version never changes, so a snapshot
/// is cached for good once read; only "which version is live" can change, and publishing clears it.
/// </summary>
public sealed class ContentCatalogue(IDbContextFactory<ConsultationDbContext> dbFactory, IMemoryCache cache)
{
    /// <summary>
    /// How long a node keeps the live version's id before asking again. A publish on this node is seen at once
    /// (<see cref="LiveVersionChanged"/>); one on another web node within this time, so that node soon writes
    /// the new closing date into drafts and shows the pages open or closed by it. It costs one indexed lookup
    /// per node per interval.
    /// </summary>
    public static readonly TimeSpan LiveVersionKeptFor = TimeSpan.FromSeconds(5);

    // Publishing moves on to a new key rather than removing the old one: a lookup that read the old
    // live version just before the publish committed then fills a key nobody reads any more.
    private long _liveGeneration;

    public async Task<ConsultationContent> GetLiveAsync(CancellationToken cancellationToken = default)
    {
        var key = $"content:live-version-id:{Interlocked.Read(ref _liveGeneration)}";
        var liveId = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = LiveVersionKeptFor;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.ContentVersions
                .Where(v => v.State == ContentVersionState.Live)
                .Select(v => (int?)v.Id)
                .SingleOrDefaultAsync(cancellationToken);
        });

        return liveId is { } id
            ? await GetVersionAsync(id, cancellationToken)
            : throw new InvalidOperationException("No consultation wording is live. Run the app once to seed it.");
    }

    public async Task<ConsultationContent> GetVersionAsync(int versionId, CancellationToken cancellationToken = default)
    {
        var content = await cache.GetOrCreateAsync(VersionKey(versionId), async entry =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var version = await db.ContentVersions.AsNoTracking()
                .Include(v => v.Questions)
                .Include(v => v.OptionLabels)
                .AsSplitQuery()
                .SingleAsync(v => v.Id == versionId, cancellationToken);

            // A draft changes as admins edit it (and saving forgets it here), so only settled versions stay for good.
            if (version.State == ContentVersionState.Draft)
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            }

            return ToContent(version);
        });
        return content!;
    }

    /// <summary>A version that is or has been live, by id; null for a draft or an id that does not exist.</summary>
    public async Task<ConsultationContent?> FindPublishedAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.ContentVersions.AnyAsync(v => v.Id == versionId && v.State != ContentVersionState.Draft, cancellationToken))
            {
                return null;
            }
        }

        return await GetVersionAsync(versionId, cancellationToken);
    }

    public void LiveVersionChanged() => Interlocked.Increment(ref _liveGeneration);

    public void DraftChanged(int versionId) => cache.Remove(VersionKey(versionId));

    private static string VersionKey(int versionId) => $"content:version:{versionId}";

    public static ConsultationContent ToContent(ContentVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        // Worked out once per version, which never changes once settled: which hard words each page uses.
        var glossary = Glossary.Parse(version.Glossary);
        var questions = version.Questions
            .OrderBy(q => q.Number)
            .Select((q, index) => new QuestionContent(
                q.Number, index + 1, q.SectionTitle, q.Question, q.HelpText, q.CommentPrompt, q.HasChoice)
            {
                // Q12's question is never shown, so its words are not explained.
                Words = Glossary.UsedIn(glossary, q.SectionTitle, q.HasChoice ? q.Question : "", q.HelpText, q.CommentPrompt),
            })
            .ToList();
        var aboutYou = new AboutYouContent(
            version.AboutYouIntroduction,
            version.AgeGroupQuestion,
            Labels(version, AboutYouFields.AgeGroup),
            version.AnsweringAsQuestion,
            Labels(version, AboutYouFields.AnsweringAs));
        return new ConsultationContent(
            version.Id, version.Number, version.State, version.ConsultationName, version.Introduction,
            version.OpensAt, version.ClosesAt, aboutYou, questions)
        {
            IntroductionWords = Glossary.UsedIn(glossary, version.ConsultationName, version.Introduction),
        };
    }

    private static Dictionary<string, string> Labels(ContentVersion version, string field) =>
        version.OptionLabels.Where(o => o.Field == field).ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal);
}
