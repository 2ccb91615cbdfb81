using CallGateway.Media;
using CallGateway.Media.Audio;

namespace CallGateway.EndToEnd.Tests.Support;

/// <summary>Plays a tone into the gateway side of a live call and records what the gateway hears.</summary>
internal sealed class GatewayAudioProbe : IAudioSink
{
    private readonly Lock _gate = new();
    private readonly List<short> _heard = [];

    public int SampleRate { get; private set; }

    public static async Task<GatewayAudioProbe> AttachAsync(SandboxGateway gateway, string callId, double toneHz)
    {
        var actor = await gateway.Calls.FindAsync(callId, default) ?? throw new InvalidOperationException("no live call " + callId);
        var media = actor.Media ?? throw new InvalidOperationException("call has no media session");
        var probe = new GatewayAudioProbe { SampleRate = media.SampleRate };
        media.AddSink(probe);
        media.SetSource(new ToneSource(media.SampleRate, toneHz, 0.25));
        return probe;
    }

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
    }

    public int SamplesHeard
    {
        get
        {
            lock (_gate)
            {
                return _heard.Count;
            }
        }
    }

    public short[] Last(TimeSpan window)
    {
        lock (_gate)
        {
            var count = Math.Min(_heard.Count, (int)(window.TotalSeconds * SampleRate));
            return _heard.GetRange(_heard.Count - count, count).ToArray();
        }
    }
}
