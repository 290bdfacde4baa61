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
    // Environment.TickCount64 (milliseconds, monotonic) of the latest request; 0 before the first.
    private long _lastRequest;

    /// <summary>Notes that a request has begun. Called for every request, so it costs a read of the clock and, at most once a tick, a write.</summary>
    public void RequestStarted()
    {
        var now = Environment.TickCount64;

        // Written only when the tick has moved: at thousands of requests a second the cores would otherwise
        // pass the field's cache line between them on every one. Two racing writers differ by a tick at most.
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
