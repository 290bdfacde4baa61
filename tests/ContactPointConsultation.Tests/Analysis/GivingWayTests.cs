using System.Diagnostics;
using System.Globalization;
using ContactPointConsultation.Core.Common;
using ContactPointConsultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>
/// The suggestions job gives way to people: before each call of its model it waits for a lull in the node's
/// requests, but never longer than its bound, so it always gets through (ADR 0030).
/// </summary>
public sealed class GivingWayTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Lull_NoRequestForTheQuietSpell_GoesOnWithoutWaiting()
    {
        var lull = new RequestLull();

        // Never having waited, the task is complete as it is returned: idle work is not slowed at all.
        Assert.True(lull.WaitAsync(TimeSpan.FromMilliseconds(1), Minute, TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Lull_RequestJustStarted_WaitsOutTheQuietSpell()
    {
        var lull = new RequestLull();
        lull.RequestStarted();
        var waiting = Stopwatch.StartNew();

        await lull.WaitAsync(TimeSpan.FromMilliseconds(400), Minute, TestContext.Current.CancellationToken);

        // Less a tick of the coarse clock the requests are noted on.
        Assert.InRange(waiting.Elapsed, TimeSpan.FromMilliseconds(350), Minute);
    }

    [Fact]
    public async Task Lull_RequestsKeepComing_GoesOnOnceItsBoundHasPassed()
    {
        var lull = new RequestLull();
        lull.RequestStarted();
        using var stop = new CancellationTokenSource();
        var requests = KeepRequestingAsync(
            () =>
            {
                lull.RequestStarted();
                return Task.CompletedTask;
            },
            stop.Token);
        var waiting = Stopwatch.StartNew();

        // A spell far longer than any gap between the requests, so only the bound can end the wait.
        await lull.WaitAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.InRange(waiting.Elapsed, TimeSpan.FromSeconds(1.5), Minute);
        Assert.False(requests.IsCompleted);
        await stop.CancelAsync();
        await requests;
    }

    [Fact]
    public async Task SuggestionsJob_WhileRequestsKeepComing_WaitsForALull_ThenSuggests()
    {
        // A spell far longer than any gap between someone else's requests, and a bound the test never reaches.
        await using var portal = PortalGivingWay(quiet: TimeSpan.FromSeconds(5), atMost: TimeSpan.FromMinutes(10));
        // The model is loaded by a first round, so that what the test times below is the giving way, not the loading.
        await portal.SendAsync(Journey.Empty().Answer(5, "no", "a first comment, so that the model is loaded"));
        Assert.Equal(1, await portal.RunSuggestionsAsync());
        await portal.SendAsync(Journey.Empty().Answer(5, "yes", "a second comment, sent while someone else is busy"));
        await using var someoneElse = new SomeoneElseBusy(portal);

        var job = portal.RunSuggestionsAsync();
        await Task.WhenAny(job, Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken));

        Assert.False(job.IsCompleted);
        Assert.Equal(1, await portal.QueryAsync(db => db.SuggestedComments.CountAsync()));
        await someoneElse.StopAsync();
        Assert.Equal(1, await job);
        Assert.Equal(2, await portal.QueryAsync(db => db.SuggestedComments.CountAsync()));
    }

    [Fact]
    public async Task SuggestionsJob_RequestsNeverStop_StillGetsThroughAtItsBound()
    {
        await using var portal = PortalGivingWay(quiet: Minute, atMost: TimeSpan.FromSeconds(1));
        await portal.SendAsync(Journey.Empty().Answer(5, "no", "sent on the busiest day of the consultation"));
        await using var someoneElse = new SomeoneElseBusy(portal);

        Assert.Equal(1, await portal.RunSuggestionsAsync());

        Assert.False(someoneElse.Requests.IsCompleted);
    }

    private static PortalFactory PortalGivingWay(TimeSpan quiet, TimeSpan atMost) => new(new Dictionary<string, string?>
    {
        ["Analysis:SuggestQuietMilliseconds"] = quiet.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["Analysis:SuggestAtMostSeconds"] = atMost.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>Someone else's requests, one every 50 ms until stopped, on a thread of their own.</summary>
    private static Task KeepRequestingAsync(Func<Task> request, CancellationToken stop) => Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                await request();
                await Task.Delay(50, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }, CancellationToken.None);

    /// <summary>Someone else using the portal: a health check every 50 ms, until stopped or disposed.</summary>
    private sealed class SomeoneElseBusy : IAsyncDisposable
    {
        private readonly HttpClient _client;
        private readonly CancellationTokenSource _stop = new();

        public SomeoneElseBusy(PortalFactory portal)
        {
            _client = portal.CreateClient();
            Requests = KeepRequestingAsync(LiveCheckAsync, _stop.Token);
        }

        public Task Requests { get; }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Requests;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _client.Dispose();
            _stop.Dispose();
        }

        private async Task LiveCheckAsync()
        {
            using var response = await _client.GetAsync(new Uri("/health/live", UriKind.Relative), _stop.Token);
            response.EnsureSuccessStatusCode();
        }
    }
}
