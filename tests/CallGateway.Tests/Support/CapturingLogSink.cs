using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CallGateway.Tests.Support;

/// <summary>Collects every log event the gateway writes through Serilog (picked up via ReadFrom.Services).</summary>
public sealed class CapturingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    /// <summary>Every event rendered with all its properties, for secret scans.</summary>
    public IEnumerable<string> Rendered() =>
        Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception);
}
