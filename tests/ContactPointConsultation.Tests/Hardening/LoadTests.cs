using System.Collections.Concurrent;
using System.Net;
using ContactPointConsultation.Core;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// A busy morning: many young people, each on their own device and address, answering at once
/// against the real server over TLS, with the production rate limits.
/// </summary>
public sealed class LoadTests
{
    private const int Respondents = 200;

    [Fact]
    public async Task TwoHundredConcurrentRespondents_CompleteFullJourneys_WithNoErrors_AndExactlyTwoHundredResponses()
    {
        await using var portal = new HttpsKestrelPortal(new Dictionary<string, string?>
        {
            ["Portal:FormPostsPerMinute"] = "600",
        });
        portal.Start();
        var statuses = new ConcurrentBag<(int Respondent, HttpStatusCode Status, string Path)>();
        using var start = new SemaphoreSlim(0);

        var journeys = Enumerable.Range(1, Respondents).Select(async n =>
        {
            var address = new IPAddress([10, 20, (byte)(n / 250), (byte)(n % 250 + 1)]);
            using var respondent = portal.CreateRemoteRespondent(address,
                response => statuses.Add((n, response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath)));
            await start.WaitAsync(TestContext.Current.CancellationToken);
            var reference = await respondent.SendAsync(JourneyFor(n));
            return (Respondent: n, Reference: reference);
        }).ToList();
        start.Release(Respondents);
        var sent = await Task.WhenAll(journeys);

        var failures = statuses.Where(s => (int)s.Status >= 400).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} error responses, first: {string.Join("; ", failures.Take(5))}");
        Assert.True(statuses.Count >= Respondents * 25, $"Only {statuses.Count} requests were made");
        Assert.Equal(Respondents, sent.Select(s => s.Reference).Distinct().Count());

        var stored = await portal.QueryAsync(db => db.Responses.AsNoTracking().Include(r => r.Answers).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Respondents, stored.Count);
        Assert.Equal(0, await portal.QueryAsync(db => db.Drafts.CountAsync(TestContext.Current.CancellationToken)));
        foreach (var (n, reference) in sent)
        {
            var response = Assert.Single(stored, r => r.Reference == reference);
            var expected = JourneyFor(n);
            foreach (var answer in response.Answers)
            {
                Assert.Equal(expected.Answers[answer.QuestionNumber].Comments, answer.Comments);
            }

            Assert.Equal(expected.Answers.Count, response.Answers.Count);
            Assert.Equal(AgeGroup.From14To16, response.AgeGroup);
        }

        Assert.DoesNotContain(portal.Logs.Events, e => e.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || e.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal));
    }

    /// <summary>Every respondent answers differently, so one person's answers landing in another's response would show.</summary>
    private static Journey JourneyFor(int respondent)
    {
        var journey = Journey.Empty().AboutYou("14-to-16", "young-person");
        string?[] choices = ["yes", "no", "not-sure"];
        for (var n = ConsultationLimits.FirstQuestionNumber; n <= ConsultationLimits.LastQuestionNumber; n++)
        {
            var choice = n == ConsultationLimits.LastQuestionNumber ? null : choices[(respondent + n) % 3];
            journey.Answer(n, choice, $"Respondent {respondent} on question {n} 👍🏽");
        }

        return journey;
    }
}
