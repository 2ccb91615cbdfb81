using CallGateway.Media;
using CallGateway.Media.Audio;

namespace CallGateway.Sandbox.Devices;

/// <summary>
/// What a simulated phone heard: keeps the last seconds of received audio and answers "how loud, which
/// frequency" so people and tests can check that audio crossed the call.
/// </summary>
public sealed class HeardAudio : IAudioSink
{
    private const int KeptFrames = 250; // 5 s of 20 ms frames
    private readonly Lock _gate = new();
    private readonly Queue<short[]> _recent = new();
    private long _frames;
    private long _audibleFrames;
    private long _framesSent;

    public int SampleRate { get; set; } = 48000;

    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        if (direction == AudioDirection.Sent)
        {
            Interlocked.Increment(ref _framesSent);
            return;
        }

        var copy = frame.ToArray();
        var audible = AudioAnalysis.Rms(copy) > 0.001;
        lock (_gate)
        {
            _frames++;
            if (audible)
            {
                _audibleFrames++;
            }

            _recent.Enqueue(copy);
            if (_recent.Count > KeptFrames)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>Level and pitch of the last <paramref name="window"/> of received audio.</summary>
    public HeardAudioSummary Summarize(TimeSpan? window = null)
    {
        short[] samples;
        long frames;
        long audible;
        lock (_gate)
        {
            var take = (int)Math.Clamp((window ?? TimeSpan.FromSeconds(1)).TotalMilliseconds / 20, 1, KeptFrames);
            samples = _recent.Skip(Math.Max(0, _recent.Count - take)).SelectMany(f => f).ToArray();
            frames = _frames;
            audible = _audibleFrames;
        }

        var rms = samples.Length == 0 ? 0 : AudioAnalysis.Rms(samples);
        var dominant = samples.Length < 256 || rms < 0.001 ? (double?)null : AudioAnalysis.DominantFrequency(samples, SampleRate);
        return new HeardAudioSummary(frames, audible, Interlocked.Read(ref _framesSent), rms, samples.Length == 0 ? null : AudioAnalysis.ToDecibels(rms), dominant);
    }
}

/// <summary>Frames received, how many carried sound, frames sent, and the recent level and dominant frequency.</summary>
public sealed record HeardAudioSummary(long FramesHeard, long AudibleFrames, long FramesSent, double Rms, double? RmsDbfs, double? DominantHz);
