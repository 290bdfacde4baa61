using System.Diagnostics;

namespace ContactPointConsultation.Core.Common;

/// <summary>
/// When this web node last began a request, so that work which can wait gives way to the people being served
/// (ADR 0030). A request only notes the time: no lock, no allocation. Background work waits for a lull, a spell
/// with no new request, but never longer than a bound it gives, so at a busy time it still goes on a step at a
/// time. Nothing here lowers a thread's priority: the work simply does not start while people are asking.
/// </summary>
public sealed class RequestLull
{
    // Environment.TickCount64 (milliseconds since the machine started) of the latest request. Before the first
    // it is 0, the machine's start: as long ago as the machine has been up, so any spell asked for has passed.
    private long _lastRequest;

    /// <summary>Notes that a request has begun. Called for every request, so it costs a read of the clock and, at most once a tick, a write.</summary>
    public void RequestStarted()
    {
        var now = Environment.TickCount64;

        // Written only when the tick has moved: at thousands of requests a second the cores would otherwise
        // pass the field's cache line between them on every one. A writer held up between its read and its
        // write can set an older time than another's: that only shortens a wait, by as long as it was held up.
        if (Volatile.Read(ref _lastRequest) != now)
        {
            Volatile.Write(ref _lastRequest, now);
        }
    }

    /// <summary>How long since the latest request began.</summary>
    public TimeSpan SinceLastRequest => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastRequest));

    /// <summary>
    /// Returns once no request has begun for <paramref name="quiet"/>, or once <paramref name="atMost"/> has
    /// passed, whichever is first. Returns at once when the node is already quiet, so idle work is not slowed.
    /// </summary>
    public async Task WaitAsync(TimeSpan quiet, TimeSpan atMost, CancellationToken cancellationToken = default)
    {
        // Real time, not the app's clock: this paces work against requests, and a test's clock may stand still.
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var since = SinceLastRequest;
            var left = atMost - waiting.Elapsed;
            if (since >= quiet || left <= TimeSpan.Zero)
            {
                return;
            }

            // Sleeps until the spell would end if no request came meanwhile, then looks again: one wake-up a
            // spell while requests keep coming, whatever their number.
            await Task.Delay(quiet - since < left ? quiet - since : left, cancellationToken);
        }
    }
}
