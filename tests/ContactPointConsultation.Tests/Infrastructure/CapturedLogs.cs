using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>A real Serilog sink that keeps each event as the JSON the production formatter writes.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private static readonly CompactJsonFormatter Formatter = new();
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyCollection<string> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        _events.Enqueue(writer.ToString());
    }
}
