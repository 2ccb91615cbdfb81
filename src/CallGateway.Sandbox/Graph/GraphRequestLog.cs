using System.Collections.Concurrent;

namespace CallGateway.Sandbox.Graph;

/// <summary>The Graph requests the sandbox received, for people and tests to inspect.</summary>
public sealed class GraphRequestLog
{
    private const int Capacity = 2000;
    private readonly ConcurrentQueue<GraphRequestRecord> _entries = new();
    private long _sequence;

    public IReadOnlyList<GraphRequestRecord> Entries => _entries.ToArray();

    public void Add(string method, string path, string? action, string? callId, int status, int? errorCode)
    {
        _entries.Enqueue(new GraphRequestRecord(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, method, path, action, callId, status, errorCode));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }
}

/// <summary>One Graph request: what was asked and what the sandbox answered (no bodies: they carry SDP).</summary>
public sealed record GraphRequestRecord(long Sequence, DateTimeOffset At, string Method, string Path, string? Action, string? CallId, int Status, int? ErrorCode);
