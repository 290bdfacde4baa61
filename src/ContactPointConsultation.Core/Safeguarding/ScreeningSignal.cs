using System.Threading.Channels;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Wakes the screen when a response has been sent on this web node. Many sends between two rounds are
/// one wake-up: the signal holds at most one, and a send only drops a token in, without waiting or
/// throwing, so it costs a send next to nothing.
/// </summary>
public sealed class ScreeningSignal
{
    private readonly Channel<bool> _sent = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>A response has been committed: screen it soon.</summary>
    public void ResponseSent() => _sent.Writer.TryWrite(true);

    /// <summary>Waits for a send, or for <paramref name="timeout"/> to pass, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _sent.Reader.WaitToReadAsync(wait.Token);
            _sent.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: time for a round anyway.
        }
    }

    /// <summary>Whether a response has been sent since the last wait or take, taking it if so; never waits.</summary>
    public bool TryTake() => _sent.Reader.TryRead(out _);
}
