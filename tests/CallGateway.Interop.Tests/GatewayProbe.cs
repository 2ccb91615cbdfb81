using System.Collections.Concurrent;
using System.Diagnostics;
using CallGateway.Media;

namespace CallGateway.Interop.Tests;

/// <summary>The gateway session's observer and sink: state changes (timed), DTMF digits and the decoded audio.</summary>
internal sealed class GatewayProbe(Stopwatch clock) : IMediaSessionObserver, IAudioSink
{
    private readonly TaskCompletionSource<TimeSpan> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<short> _heard = [];
    private int _framesReceived;

    public ConcurrentQueue<string> States { get; } = new();

    public ConcurrentQueue<char> Digits { get; } = new();

    public string DigitText => new([.. Digits]);

    /// <summary>Completes with the time the session became Connected; faults if it fails first.</summary>
    public Task<TimeSpan> Connected => _connected.Task;

    public int FramesReceived => Volatile.Read(ref _framesReceived);

    public void OnStateChanged(IMediaSession session, MediaSessionState state, string? reason)
    {
        States.Enqueue($"{clock.ElapsedMilliseconds} ms {state} ({reason})");
        if (state == MediaSessionState.Connected)
        {
            _connected.TrySetResult(clock.Elapsed);
        }
        else if (state is MediaSessionState.Failed or MediaSessionState.Closed)
        {
            _connected.TrySetException(new InvalidOperationException($"The gateway session went {state}: {reason}"));
        }
    }

    public void OnDtmf(IMediaSession session, char digit, TimeSpan duration) => Digits.Enqueue(digit);

    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        lock (_gate)
        {
            _heard.AddRange(frame);
        }

        Interlocked.Increment(ref _framesReceived);
    }

    /// <summary>The last <paramref name="samples"/> decoded samples (fewer if not that many arrived yet).</summary>
    public short[] LastHeard(int samples)
    {
        lock (_gate)
        {
            var count = Math.Min(samples, _heard.Count);
            return _heard.GetRange(_heard.Count - count, count).ToArray();
        }
    }
}
