using System.Collections.Concurrent;
using System.Net;
using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Data;
using ContactPointConsultation.Core.Results;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Hardening;

/// <summary>
/// Two web nodes on one PostgreSQL database, as behind a load balancer, with a client that sends each request to
/// the other node; everything that happens during a consultation's busy hour happens at once, and afterwards the
/// database must hold exactly what was sent.
/// </summary>
public sealed class TwoNodePostgreSqlTests
{
    private const int Respondents = 300;
    private const int Withdrawn = 5;
    private const int Savers = 20;
    private const int Guesses = 40;
    private const int GuessLimit = 10;
    private static readonly int[] Questions = [.. Enumerable.Range(2, 11)];

    /// <remarks>About a minute on two cores; the timeout turns a hang into a failure that says so.</remarks>
    [Fact(Timeout = 300_000)]
    public async Task TwoNodes_EverythingAtOnce_LoseNothing_DoubleNothing_AndHoldTheLimits()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = TestDatabase.PostgreSql();
        try
        {
            var settings = new Dictionary<string, string?>(TwoNodeTests.ClosesEndOfMarch)
            {
                ["Hosting:KnownProxies:0"] = "127.0.0.1",
                ["Portal:ResumeAttemptsPerWindow"] = GuessLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Portal:ResumeWindowMinutes"] = "15",
            };
            await using var nodeA = new ProxiedNode(settings, database);
            await using var nodeB = new ProxiedNode(settings, database);

            // Both start together on the empty database, and both migrate it.
            await Task.WhenAll(Task.Run(nodeA.StartServer, ct), Task.Run(nodeB.StartServer, ct));

            var address = 0;
            Respondent Across(CookieContainer? cookies = null) => Client(nodeA, nodeB, new IPAddress([10, 0, (byte)(++address / 250), (byte)(address % 250 + 1)]), cookies);

            // The staff roles are made with the first account (by the tests' helper, not the portal), before the rush.
            var account = await nodeA.CreateStaffAsync();

            // Everything at once.
            var references = new ConcurrentDictionary<int, (string First, string Second)>();
            var firstFiveSent = new TaskCompletionSource();
            var gate = new SemaphoreSlim(12);
            async Task RespondAsync(int i)
            {
                await gate.WaitAsync(ct);
                try
                {
                    using var respondent = Across();
                    await respondent.AnswerAllAsync(JourneyOf(i));
                    Assert.Equal("/check-answers", respondent.Path);

                    // Send, pressed twice at once: one press reaches each node.
                    var form = respondent.HiddenFields();
                    using var pressA = nodeA.CreateRespondent(respondent.Cookies);
                    using var pressB = nodeB.CreateRespondent(respondent.Cookies);
                    await Task.WhenAll(pressA.PostAsync("/check-answers", form), pressB.PostAsync("/check-answers", form));
                    references[i] = (pressA.Text(".govuk-panel__body strong"), pressB.Text(".govuk-panel__body strong"));
                    if (Enumerable.Range(0, Withdrawn).All(references.ContainsKey))
                    {
                        firstFiveSent.TrySetResult();
                    }
                }
                catch (Exception e)
                {
                    // The withdrawals wait for the first five: they must not wait for ever for one that failed.
                    firstFiveSent.TrySetException(e);
                    throw;
                }
                finally
                {
                    gate.Release();
                }
            }

            async Task WithdrawOnNodeBAsync()
            {
                await firstFiveSent.Task;
                using var analyst = await nodeB.SignedInStaffAsync();
                foreach (var i in Enumerable.Range(0, Withdrawn))
                {
                    await analyst.GetAsync($"/staff/responses/{references[i].First}/withdraw");
                    await analyst.SubmitAsync();
                    Assert.Equal($"Response {references[i].First} has been deleted", analyst.Text(".govuk-notification-banner__heading"));
                }
            }

            var saved = new ConcurrentBag<string>();
            async Task SaveAndResumeAcrossAsync(int s)
            {
                using var saver = Across();
                await saver.GetAsync("/questions/4");
                await saver.SubmitAsync(new Dictionary<string, string?> { ["Answer"] = "no", ["Comments"] = $"saved-{s}" }, ("intent", "save-and-return"));
                var code = saver.Text(".app-resume-code");
                using var later = Across();
                await later.GetAsync("/resume");
                await later.SubmitAsync(new Dictionary<string, string?> { ["Code"] = code });
                Assert.Equal("/check-answers", later.Path);
                Assert.Contains($"saved-{s}", later.Text("#answers + dl"), StringComparison.Ordinal);
                saved.Add($"saved-{s}");
            }

            var guessStatuses = new ConcurrentBag<HttpStatusCode>();
            async Task GuessResumeCodesAsync()
            {
                using var guesser = Client(nodeA, nodeB, new IPAddress([198, 51, 100, 7]), null);
                await guesser.GetAsync("/resume");
                var form = guesser.HiddenFields();
                await Task.WhenAll(Enumerable.Range(0, Guesses).Select(async g =>
                {
                    using var response = await guesser.SendFormAsync("/resume", [.. form, new("Code", $"ABCDE-{g:D5}")]);
                    guessStatuses.Add(response.StatusCode);
                }));
            }

            async Task SignInAcrossAsync()
            {
                using var browser = Across();
                await browser.SignInAsync(account, account.CodeAt(nodeA.Clock!.GetUtcNow()));
                Assert.Equal("/staff", browser.Path);
            }

            await Task.WhenAll(
                Task.WhenAll(Enumerable.Range(0, Respondents).Select(RespondAsync)),
                TwoNodeTests.ExtendToEndOfAprilAsync(nodeA),
                WithdrawOnNodeBAsync(),
                Task.WhenAll(Enumerable.Range(0, Savers).Select(SaveAndResumeAcrossAsync)),
                GuessResumeCodesAsync(),
                SignInAcrossAsync());

            // Then both clocks pass the old closing date, and both sweep at once.
            nodeA.Clock!.SetUtcNow(TwoNodeTests.AfterTheOldClose);
            nodeB.Clock!.SetUtcNow(TwoNodeTests.AfterTheOldClose);
            var sweeps = await Task.WhenAll(TwoNodeTests.Retention(nodeA).RunOnceAsync(ct), TwoNodeTests.Retention(nodeB).RunOnceAsync(ct));
            await nodeA.ScreenSentResponsesAsync();
            await nodeB.ScreenSentResponsesAsync();

            // Both presses of each pair landed on the same reference.
            Assert.Equal(Respondents, references.Count);
            Assert.All(references.Values, pair => Assert.Equal(pair.First, pair.Second));

            // Responses = 295 = distinct submission keys = distinct references, each with exactly its own markers.
            var stored = await nodeB.QueryAsync(db => db.Responses.AsNoTracking().Include(r => r.Answers).ToListAsync(ct));
            Assert.Equal(Respondents - Withdrawn, stored.Count);
            Assert.Equal(stored.Count, stored.Select(r => r.SubmissionKey).Distinct().Count());
            Assert.Equal(stored.Count, stored.Select(r => r.Reference).Distinct().Count());
            var byReference = stored.ToDictionary(r => r.Reference);
            foreach (var (i, pair) in references.Where(r => r.Key >= Withdrawn))
            {
                var comments = byReference[pair.First].Answers.OrderBy(a => a.QuestionNumber).Select(a => a.Comments);
                Assert.Equal(Questions.Select(q => Marker(i, q)), comments);
            }

            Assert.All(references.Where(r => r.Key < Withdrawn), r => Assert.False(byReference.ContainsKey(r.Value.First)));

            // Every unsent draft survives the sweep: the closing date was moved on.
            Assert.Equal(1, sweeps.Count(s => s is not null));
            Assert.Equal(0, sweeps.Single(s => s is not null)!.DraftsDeleted);
            Assert.Equal(Savers, saved.Count);
            var draftComments = await nodeA.QueryAsync(db => db.DraftAnswers.Select(a => a.Comments).ToListAsync(ct));
            Assert.Equal(saved.Order(StringComparer.Ordinal), draftComments.Order(StringComparer.Ordinal));

            // The audit rows add up: five withdrawals, one publication, no sweep that deleted anything.
            var actions = await nodeA.QueryAsync(db => db.AuditEvents.GroupBy(e => e.Action).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct));
            Assert.Equal(Withdrawn, actions[AuditActions.ResponseWithdrawn]);
            Assert.Equal(1, actions[AuditActions.WordingPublished]);
            Assert.False(actions.ContainsKey(AuditActions.RetentionSweep));

            // The resume-code limit held across the two nodes: 10 guesses in the window, not 10 on each.
            Assert.Equal(Guesses, guessStatuses.Count);
            Assert.Equal(GuessLimit, guessStatuses.Count(s => s != HttpStatusCode.TooManyRequests));

            // Node B's dashboard numbers equal a fresh count of the rows.
            var dashboard = await nodeB.QueryAsync(db => new ResultsQuery(db).GetAsync(ResponseFilter.None, Questions, ct));
            Assert.Equal((Respondents - Withdrawn, Respondents - Withdrawn), (dashboard.Responses, await nodeB.QueryAsync(db => db.ResultTallies.Where(t => t.QuestionNumber == ResultTally.ResponsesRow).SumAsync(t => t.Count, ct))));
            foreach (var counts in dashboard.Questions)
            {
                var fresh = stored.SelectMany(r => r.Answers).Where(a => a.QuestionNumber == counts.QuestionNumber).ToList();
                Assert.Equal(
                    (fresh.Count(a => a.Choice == Choice.Yes), fresh.Count(a => a.Choice == Choice.No), fresh.Count(a => a.Choice == Choice.NotSure)),
                    (counts.Yes, counts.No, counts.NotSure));
            }

            // Neither node answered anything with a 5xx.
            Assert.DoesNotContain(nodeA.Logs.Events.Concat(nodeB.Logs.Events), e => e.Contains("\"StatusCode\":5", StringComparison.Ordinal));
        }
        finally
        {
            database.Delete();
        }
    }

    private static string Marker(int respondent, int question) => $"marker-{respondent}-{question}";

    private static Journey JourneyOf(int i)
    {
        var journey = Journey.Empty();
        foreach (var q in Questions)
        {
            journey = journey.Answer(q, q == 12 ? null : ((i + q) % 3) switch { 0 => "yes", 1 => "no", _ => "not-sure" }, Marker(i, q));
        }

        return journey.AboutYou("11-to-13", "young-person");
    }

    /// <summary>A browser whose requests go to the two nodes in turn, through the proxy that says it is at <paramref name="address"/>.</summary>
    private static Respondent Client(ProxiedNode a, ProxiedNode b, IPAddress address, CookieContainer? cookies)
    {
        cookies ??= new CookieContainer();
        var alternating = new AlternatingHandler(a.Server.CreateHandler(), b.Server.CreateHandler(), address);
        var handler = new RedirectHandler { InnerHandler = new CookieContainerHandler(cookies) { InnerHandler = alternating } };
        return new Respondent(new HttpClient(handler) { BaseAddress = a.ClientOptions.BaseAddress }, cookies);
    }

    private sealed class AlternatingHandler(HttpMessageHandler a, HttpMessageHandler b, IPAddress address) : DelegatingHandler
    {
        private readonly HttpMessageInvoker _a = new(a);
        private readonly HttpMessageInvoker _b = new(b);
        private int _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-For", address.ToString());
            return (Interlocked.Increment(ref _sent) % 2 == 0 ? _a : _b).SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _a.Dispose();
                _b.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A node behind the load balancer: every request reaches it from the balancer on loopback.</summary>
    private sealed class ProxiedNode(IReadOnlyDictionary<string, string?> settings, TestDatabase database)
        : PortalFactory(settings, now: TwoNodeTests.MidMarch, database: database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromLoopback>());
        }

        private sealed class FromLoopback : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
