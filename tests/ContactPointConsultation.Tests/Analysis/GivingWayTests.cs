using System.Diagnostics;
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
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            // A spell far longer than any gap between the requests below, and a bound the test never reaches.
            ["Analysis:SuggestQuietMilliseconds"] = "5000",
            ["Analysis:SuggestAtMostSeconds"] = "600",
        });
        // The model is loaded by a first round, so that what the test times below is the giving way, not the loading.
        await portal.SendAsync(Journey.Empty().Answer(5, "no", "a first comment, so that the model is loaded"));
        Assert.Equal(1, await portal.RunSuggestionsAsync());
        await portal.SendAsync(Journey.Empty().Answer(5, "yes", "a second comment, sent while someone else is busy"));
        using var client = portal.CreateClient();
        using var stop = new CancellationTokenSource();
        var requests = KeepRequestingAsync(() => LiveCheckAsync(client, stop.Token), stop.Token);

        var job = portal.RunSuggestionsAsync();
        await Task.WhenAny(job, Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken));

        Assert.False(job.IsCompleted);
        Assert.Equal(1, await portal.QueryAsync(db => db.SuggestedComments.CountAsync()));
        await stop.CancelAsync();
        await requests;
        Assert.Equal(1, await job);
        Assert.Equal(2, await portal.QueryAsync(db => db.SuggestedComments.CountAsync()));
    }

    [Fact]
    public async Task SuggestionsJob_RequestsNeverStop_StillGetsThroughAtItsBound()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Analysis:SuggestQuietMilliseconds"] = "60000",
            ["Analysis:SuggestAtMostSeconds"] = "1",
        });
        await portal.SendAsync(Journey.Empty().Answer(5, "no", "sent on the busiest day of the consultation"));
        using var client = portal.CreateClient();
        using var stop = new CancellationTokenSource();
        var requests = KeepRequestingAsync(() => LiveCheckAsync(client, stop.Token), stop.Token);

        Assert.Equal(1, await portal.RunSuggestionsAsync());

        Assert.False(requests.IsCompleted);
        await stop.CancelAsync();
        await requests;
    }

    private static async Task LiveCheckAsync(HttpClient client, CancellationToken stop)
    {
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), stop);
        response.EnsureSuccessStatusCode();
    }

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
}
