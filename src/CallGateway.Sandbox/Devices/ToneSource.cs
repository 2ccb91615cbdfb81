using CallGateway.Media;
using CallGateway.Media.Audio;

namespace CallGateway.Sandbox.Devices;

/// <summary>A phone that "talks" with a steady tone.</summary>
public sealed class ToneSource(int sampleRate, double frequencyHz, double amplitude) : IAudioSource
{
    private readonly ToneGenerator _tone = new(sampleRate, frequencyHz, amplitude);
    private readonly Lock _gate = new();

    public bool ReadFrame(Span<short> frame)
    {
        lock (_gate)
        {
            _tone.Fill(frame);
        }

        return true;
    }
}
