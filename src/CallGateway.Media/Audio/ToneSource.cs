namespace CallGateway.Media.Audio;

/// <summary>Plays a steady sine tone into a call (line tests, the sandbox's simulated phones).</summary>
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
