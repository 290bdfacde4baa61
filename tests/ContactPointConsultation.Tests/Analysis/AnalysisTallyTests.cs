using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Analysis;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Core.Safeguarding;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Tests.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>
/// The share tagged and the theme tables are summed from tallies kept with every change to what analysts may
/// read and to the tags. Each test holds them to a plain count of the comments, under every filter, after
/// each kind of change: the screen's reading, tags added and removed, a staff flag, a lead's release, a merge,
/// a split and a withdrawal.
/// </summary>
public sealed class AnalysisTallyTests
{
    private const string Actor = "an-analyst";

    /// <summary>The questions whose theme tables are held to the count: the one tagged, and one never tagged.</summary>
    private static readonly int[] TablesChecked = [3, 4];

    private static readonly ResponseFilter[] EveryKindOfFilter =
    [
        ResponseFilter.None,
        new(null, null, AgeGroup.From11To13, null, null),
        new(null, null, null, AnsweringAs.YoungPerson, null),
        new(null, null, AgeGroup.From14To16, AnsweringAs.GroupOfYoungPeople, null),
        new(null, null, null, null, 1),
    ];

    [Fact]
    public async Task ThemeTablesAndShareTagged_AfterEveryKindOfChange_AreWhatCountingTheCommentsGives()
    {
        await using var portal = new PortalFactory();
        var sent = new List<string>();
        foreach (var (answer, comment, age, asWho) in new (string?, string, string?, string?)[]
        {
            ("yes", "Keeps kids safe", "11-to-13", "young-person"),
            ("no", "Too many people can see it", "11-to-13", "group"),
            ("no", "idk", "14-to-16", "group"),
            ("not-sure", "Who checks the checkers", null, "young-person"),
            ("yes", SafeguardingReviewTests.Ordinary, "14-to-16", null),
            (null, "Only a comment", "11-to-13", "young-person"),
            ("no", SafeguardingReviewTests.Disclosure, "11-to-13", "young-person"),
            ("yes", "Safer for everyone", "under-11", "adult-helping"),
        })
        {
            sent.Add(await portal.SendAsync(Journey.Empty().Answer(3, answer, comment).Answer(4, "yes", comment + " on Q4").AboutYou(age, asWho)));
        }

        var privacy = await portal.AddThemeAsync(3, "Privacy");
        var safety = await portal.AddThemeAsync(3, "Safety");
        var access = await portal.AddThemeAsync(3, "Who can see it");
        var other = await portal.FixedThemeAsync(3, ThemeKind.Other);
        await AssertTalliedAsCountedAsync(portal);

        await TagAsync(portal, sent[0], [safety]);
        await TagAsync(portal, sent[1], [privacy, access]);
        await TagAsync(portal, sent[2], [other]);
        await TagAsync(portal, sent[3], [privacy]);
        await TagAsync(portal, sent[4], [safety, other]);
        await TagAsync(portal, sent[7], [safety]);
        await TagAsync(portal, sent[2], [], shown: [other]);
        await TagAsync(portal, sent[7], [safety, privacy], note: "Also privacy");
        await AssertTalliedAsCountedAsync(portal);

        // A staff flag withholds a tagged comment; the lead releases it as written; and the same again, kept back.
        await WithServicesAsync(portal, s => s.GetRequiredService<SafeguardingReview>().FlagAsync(sent[1], 3, "Worried", Actor, null));
        await AssertTalliedAsCountedAsync(portal);
        await DecideAsync(portal, sent[1], SafeguardingRelease.AsWritten);
        await WithServicesAsync(portal, s => s.GetRequiredService<SafeguardingReview>().FlagAsync(sent[4], 3, "Worried too", Actor, null));
        await DecideAsync(portal, sent[4], SafeguardingRelease.Withheld);
        await AssertTalliedAsCountedAsync(portal);

        // A merge where one comment has both themes, then a split of the theme merged into.
        var codebook = (IServiceProvider s) => s.GetRequiredService<Codebook>();
        await WithServicesAsync(portal, async s => (await codebook(s).MergeAsync(access, await StampAsync(portal, access), privacy, Actor, null)).Outcome);
        await AssertTalliedAsCountedAsync(portal);
        await WithServicesAsync(portal, async s => (await codebook(s).SplitAsync(
            privacy, await StampAsync(portal, privacy), new ThemeText("Who reads it", "", "", "", ""), [sent[1], sent[7]], Actor, null)).Outcome);
        await AssertTalliedAsCountedAsync(portal);

        using var analyst = await portal.SignedInStaffAsync();
        await analyst.GetAsync($"/staff/responses/{sent[7]}/withdraw");
        await analyst.SubmitAsync();
        await AssertTalliedAsCountedAsync(portal);

        // Counting everything again from nothing gives the same tallies as keeping them did.
        var kept = await TallyRowsAsync(portal);
        await portal.QueryAsync(async db =>
        {
            await db.ThemeTallies.ExecuteDeleteAsync();
            await db.CommentTallies.ExecuteDeleteAsync();
            return await AnalysisTallies.EnsureAsync(db);
        });
        Assert.Equal(kept, await TallyRowsAsync(portal));
        Assert.Contains(kept, row => row.StartsWith("theme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tallies_CountACommentOnlyOnceTheScreenHasReadIt_AndNeverOneItFlagged()
    {
        // The portal's own screen waits far longer than the test: the test screens when it chooses.
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Safeguarding:ScreenGatherMilliseconds"] = "600000",
            ["Safeguarding:ScreenAtMostSeconds"] = "3600",
            ["Safeguarding:ScreenPollSeconds"] = "86400",
        });
        using var respondent = portal.CreateRespondent();
        await respondent.AnswerAllAsync(Journey.Empty().Answer(3, "no", "Too many people can see it").Answer(4, "no", SafeguardingReviewTests.Disclosure));
        await respondent.SubmitAsync();
        await AssertTalliedAsCountedAsync(portal);
        Assert.Equal(0, await portal.QueryAsync(db => db.CommentTallies.SumAsync(t => t.Comments)));

        await portal.ScreenSentResponsesAsync();

        await AssertTalliedAsCountedAsync(portal);
        Assert.Equal(1, await portal.QueryAsync(db => db.CommentTallies.Where(t => t.QuestionNumber == 3).SumAsync(t => t.Comments)));
        Assert.Equal(0, await portal.QueryAsync(db => db.CommentTallies.Where(t => t.QuestionNumber == 4).SumAsync(t => t.Comments)));
    }

    private static async Task TagAsync(PortalFactory portal, string reference, int[] ticked, int[]? shown = null, string? note = null)
    {
        var (outcome, _) = await WithServicesAsync(portal, s => s.GetRequiredService<Tagging>().SaveAsync(
            new TagChange(3, reference, ticked.ToHashSet(), (shown ?? []).ToHashSet(), note), Actor, null));
        Assert.Equal(TaggingOutcome.Done, outcome);
    }

    private static async Task DecideAsync(PortalFactory portal, string reference, SafeguardingRelease release)
    {
        var (id, stamp) = await portal.QueryAsync(db => db.SafeguardingItems.Where(i => i.Reference == reference && i.QuestionNumber == 3)
            .Select(i => new ValueTuple<long, Guid>(i.Id, i.ConcurrencyStamp)).SingleAsync());
        var outcome = release == SafeguardingRelease.AsWritten ? SafeguardingOutcome.NoConcern : SafeguardingOutcome.ConcernNoAction;
        Assert.Equal(DecisionOutcome.Recorded, await WithServicesAsync(portal, s => s.GetRequiredService<SafeguardingReview>().DecideAsync(
            id, stamp, new DecisionRecord(outcome, null, null, null, null, null, null, release, null), "a-lead", null)));
    }

    private static Task<Guid> StampAsync(PortalFactory portal, int theme) =>
        portal.QueryAsync(db => db.Themes.Where(t => t.Id == theme).Select(t => t.ConcurrencyStamp).SingleAsync());

    private static async Task<T> WithServicesAsync<T>(PortalFactory portal, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static Task<List<string>> TallyRowsAsync(PortalFactory portal) =>
        portal.QueryAsync(async db =>
        {
            var comments = await db.CommentTallies.Where(t => t.Comments != 0 || t.Tagged != 0)
                .Select(t => $"comments Q{t.QuestionNumber} {t.Day} {t.ContentVersionId} {t.AgeGroup} {t.AnsweringAs} {t.Comments} {t.Tagged}").ToListAsync();
            var themes = await db.ThemeTallies.Where(t => t.Count != 0)
                .Select(t => $"theme Q{t.QuestionNumber} {t.ThemeId} {t.Day} {t.ContentVersionId} {t.AgeGroup} {t.AnsweringAs} {t.Choice} {t.Count}").ToListAsync();
            return comments.Concat(themes).Order(StringComparer.Ordinal).ToList();
        });

    /// <summary>What the pages are given, for each question's share and Q3's and Q4's theme tables, under every filter, against the specification.</summary>
    private static async Task AssertTalliedAsCountedAsync(PortalFactory portal)
    {
        var today = UkTime.Today(TimeProvider.System);
        foreach (var filter in EveryKindOfFilter.Append(new(today, today, null, null, null)).Append(new(today.AddDays(-3), today.AddDays(-1), null, null, null)))
        {
            var (progress, themes) = await WithServicesAsync(portal, async s =>
            {
                var tagging = s.GetRequiredService<Tagging>();
                var counts = new List<ThemeCount>();
                foreach (var question in TablesChecked)
                {
                    counts.AddRange(await tagging.ThemeCountsAsync(question, filter));
                }

                return (await tagging.ProgressAsync(filter), counts);
            });
            var (countedProgress, countedThemes) = await CountedAsync(portal, filter);
            Assert.Equal(countedProgress, progress);
            Assert.Equal(countedThemes, themes.OrderBy(t => t.ThemeId).ThenBy(t => t.Choice).ToList());
        }

        // The mark the tagging queue finds untagged comments by: the earliest tag still on each comment, or none.
        var (marks, tags) = await portal.QueryAsync(async db => (
            await db.ResponseAnswers.AsNoTracking().Where(a => a.Comments != null).ToListAsync(),
            await db.CommentTags.AsNoTracking().ToListAsync()));
        Assert.All(marks, a => Assert.Equal(
            tags.Where(t => t.ResponseId == a.ResponseId && t.QuestionNumber == a.QuestionNumber).Select(t => (DateTime?)t.TaggedAt).Min(), a.TaggedAt));
    }

    /// <summary>
    /// The specification: every comment of the responses the filter covers, readable as
    /// <see cref="Withholding.ForAnalysis(string?, bool, SafeguardingItem?)"/> says, counted one by one with its tags.
    /// </summary>
    private static Task<(List<TaggingProgress> Progress, List<ThemeCount> Themes)> CountedAsync(PortalFactory portal, ResponseFilter filter) =>
        portal.QueryAsync(async db =>
        {
            var responses = await filter.Apply(db.Responses.Include(r => r.Answers), db.ContentVersions).AsNoTracking().ToListAsync();
            var items = await db.SafeguardingItems.AsNoTracking().Where(i => i.ResponseId != null).ToListAsync();
            var tags = await db.CommentTags.AsNoTracking().ToListAsync();
            var readable = (from response in responses
                            from answer in response.Answers
                            let item = items.SingleOrDefault(i => i.ResponseId == response.Id && i.QuestionNumber == answer.QuestionNumber)
                            let text = Withholding.ForAnalysis(answer.Comments, response.ScreenedAt is not null, item)
                            where text is not null && text != Withholding.WithheldText
                            select answer).ToList();
            List<int> TagsOf(ResponseAnswer a) => [.. tags.Where(t => t.ResponseId == a.ResponseId && t.QuestionNumber == a.QuestionNumber).Select(t => t.ThemeId)];
            var progress = Codebook.Questions.Select(q => new TaggingProgress(
                q, readable.Count(a => a.QuestionNumber == q), readable.Count(a => a.QuestionNumber == q && TagsOf(a).Count > 0))).ToList();
            var themes = readable.Where(a => a.QuestionNumber is 3 or 4)
                .SelectMany(a => TagsOf(a).Select(theme => (theme, a.Choice)))
                .GroupBy(p => p).Select(g => new ThemeCount(g.Key.theme, g.Key.Choice, g.Count()))
                .OrderBy(t => t.ThemeId).ThenBy(t => t.Choice).ToList();
            return (progress, themes);
        });
}
