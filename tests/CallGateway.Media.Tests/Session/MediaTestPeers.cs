using System.Collections.Concurrent;
using CallGateway.Media.Audio;
using CallGateway.Media.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallGateway.Media.Tests.Session;

/// <summary>Two media engines on 127.0.0.1: a full-ICE "gateway" and an ICE-lite "phone" (like Meta's edge).</summary>
internal sealed class MediaTestPeers : IDisposable
{
    public MediaTestPeers(bool gatewayLite = false, bool phoneLite = true, int sampleRate = 48000)
    {
        Gateway = new MediaEngine(Options(gatewayLite, sampleRate), TimeProvider.System, NullLoggerFactory.Instance);
        Phone = new MediaEngine(Options(phoneLite, sampleRate), TimeProvider.System, NullLoggerFactory.Instance);
    }

    public MediaEngine Gateway { get; }
    public MediaEngine Phone { get; }

    public static MediaOptions Options(bool lite, int sampleRate = 48000) => new()
    {
        BindAddress = "127.0.0.1",
        AllowLoopbackCandidates = true,
        IceLite = lite,
        SampleRate = sampleRate,
        IceCheckingTimeoutSeconds = 5,
    };

    public void Dispose()
    {
        Gateway.Dispose();
        Phone.Dispose();
    }
}

/// <summary>Records a session's state changes, DTMF and received audio.</summary>
internal sealed class SessionProbe : IMediaSessionObserver, IAudioSink
{
    private readonly TaskCompletionSource<string?> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<short> _heard = [];

    public ConcurrentQueue<(MediaSessionState State, string? Reason)> States { get; } = new();
    public ConcurrentQueue<char> Digits { get; } = new();
    public int FramesReceived { get; private set; }
    public int FramesSent { get; private set; }

    public Task<string?> Connected => _connected.Task;

    public void OnStateChanged(IMediaSession session, MediaSessionState state, string? reason)
    {
        States.Enqueue((state, reason));
        if (state == MediaSessionState.Connected)
        {
            _connected.TrySetResult(reason);
        }
        else if (state == MediaSessionState.Failed)
        {
            _connected.TrySetException(new InvalidOperationException("media failed: " + reason));
        }
    }

    public void OnDtmf(IMediaSession session, char digit, TimeSpan duration) => Digits.Enqueue(digit);

    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (direction == AudioDirection.Sent)
            {
                FramesSent++;
                return;
            }

            FramesReceived++;
            _heard.AddRange(frame);
        }
    }

    /// <summary>The last <paramref name="seconds"/> of received audio.</summary>
    public short[] LastHeard(double seconds, int sampleRate)
    {
        lock (_gate)
        {
            var count = Math.Min(_heard.Count, (int)(seconds * sampleRate));
            return _heard.GetRange(_heard.Count - count, count).ToArray();
        }
    }

    public static async Task WaitForAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(20);
        }
    }

    public static ToneSource Tone(int sampleRate, double hz, double amplitude = 0.25) => new(sampleRate, hz, amplitude);
}
