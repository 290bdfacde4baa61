using ContactPointConsultation.Core.Common;

namespace ContactPointConsultation.Tests.Analysis;

/// <summary>The sentence model's work runs on a thread the system schedules below the requests (ADR 0029).</summary>
public sealed class BelowRequestsTests
{
    [Fact]
    public async Task Work_RunsOnAThreadOfItsOwn_AtTheLowestPriority_LeavingTheCallerAsItWas()
    {
        var callerBefore = BelowRequests.CurrentNiceness();
        var callerThread = Environment.CurrentManagedThreadId;

        var (niceness, thread) = await BelowRequests.RunAsync(() => (BelowRequests.CurrentNiceness(), Environment.CurrentManagedThreadId));

        Assert.Equal(BelowRequests.Niceness, niceness);
        Assert.NotEqual(callerThread, thread);
        Assert.Equal(callerBefore, BelowRequests.CurrentNiceness());
    }

    [Fact]
    public async Task EachRun_HasANewThread_SoNoPoolThreadIsLeftLowered()
    {
        var first = await BelowRequests.RunAsync(() => Environment.CurrentManagedThreadId);
        var second = await BelowRequests.RunAsync(() => Environment.CurrentManagedThreadId);

        Assert.NotEqual(first, second);
        var poolNiceness = await Task.Run(BelowRequests.CurrentNiceness);
        Assert.NotEqual(BelowRequests.Niceness, poolNiceness);
    }

    [Fact]
    public async Task AnExceptionInTheWork_ReachesTheCaller()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => BelowRequests.RunAsync<int>(() => throw new InvalidOperationException("the model failed")));

        Assert.Equal("the model failed", thrown.Message);
    }

    [Fact]
    public async Task WorkThatIsCancelled_EndsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var running = BelowRequests.RunAsync(() =>
        {
            cancel.Token.ThrowIfCancellationRequested();
            return 1;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(running.IsCanceled);
    }
}
