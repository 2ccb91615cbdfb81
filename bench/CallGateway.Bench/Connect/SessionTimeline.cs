using System.Collections.Concurrent;
using System.Diagnostics;
using CallGateway.Media;
using Microsoft.Extensions.Logging;

namespace CallGateway.Bench.Connect;

/// <summary>
/// Timestamps (Stopwatch ticks) of one session's milestones: the observer's Connected/Failed state, and from the
/// media log the moment ICE selected a pair (event 4002) and the DTLS handshake duration (event 4003).
/// </summary>
internal sealed class SessionTimeline : IMediaSessionObserver
{
    private readonly TaskCompletionSource<long> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<long> Connected => _connected.Task;

    public long PairSelectedAt { get; set; }

    public double DtlsMs { get; set; } = double.NaN;

    public void OnStateChanged(IMediaSession session, MediaSessionState state, string? reason)
    {
        if (state == MediaSessionState.Connected)
        {
            _connected.TrySetResult(Stopwatch.GetTimestamp());
        }
        else if (state is MediaSessionState.Failed or MediaSessionState.Closed)
        {
            _connected.TrySetException(new InvalidOperationException($"session {state}: {reason}"));
        }
    }

    public void OnDtmf(IMediaSession session, char digit, TimeSpan duration)
    {
    }
}

/// <summary>
/// A logger factory that only listens for the media session's "ICE selected" and "DTLS up" events and writes them
/// into the <see cref="SessionTimeline"/> registered for the call id. Everything else is discarded.
/// </summary>
internal sealed class TimelineLoggerFactory : ILoggerFactory
{
    private const int PairSelectedEvent = 4002;
    private const int DtlsUpEvent = 4003;

    public ConcurrentDictionary<string, SessionTimeline> Timelines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new TimelineLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class TimelineLogger(TimelineLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id is not (PairSelectedEvent or DtlsUpEvent) || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var callId = fields.FirstOrDefault(f => f.Key == "CallId").Value as string;
            if (callId is null || !owner.Timelines.TryGetValue(callId, out var timeline))
            {
                return;
            }

            if (eventId.Id == PairSelectedEvent)
            {
                timeline.PairSelectedAt = now;
            }
            else if (fields.FirstOrDefault(f => f.Key == "ElapsedMs").Value is double elapsed)
            {
                timeline.DtlsMs = elapsed;
            }
        }
    }
}
