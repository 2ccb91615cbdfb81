namespace CallGateway.Media.Audio;

/// <summary>
/// Generates a sine tone into 16-bit PCM frames, phase-continuous across calls so that consecutive 20 ms frames join
/// without clicks.
/// </summary>
/// <remarks>Not thread-safe: one generator per stream. Allocation-free.</remarks>
public sealed class ToneGenerator
{
    private readonly double _phaseStep;
    private double _phase;

    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="frequencyHz">Tone frequency, below the Nyquist frequency.</param>
    /// <param name="amplitude">Peak amplitude as a fraction of full scale (0..1); 1.0 peaks at 32767.</param>
    public ToneGenerator(int sampleRate, double frequencyHz, double amplitude)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!(frequencyHz >= 0 && frequencyHz < sampleRate / 2.0))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz, "The frequency must be in [0, sampleRate / 2).");
        }

        if (!(amplitude is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(amplitude), amplitude, "The amplitude is a fraction of full scale in [0, 1].");
        }

        SampleRate = sampleRate;
        FrequencyHz = frequencyHz;
        Amplitude = amplitude;
        _phaseStep = 2 * Math.PI * frequencyHz / sampleRate;
    }

    public int SampleRate { get; }

    public double FrequencyHz { get; }

    public double Amplitude { get; }

    /// <summary>Overwrites <paramref name="frame"/> with the next samples of the tone (mono).</summary>
    public void Fill(Span<short> frame)
    {
        var scale = Amplitude * short.MaxValue;
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)Math.Round(scale * Math.Sin(_phase));
            _phase += _phaseStep;
        }

        // Wrap once per frame: keeps the phase small so precision does not degrade over hours of audio.
        _phase %= 2 * Math.PI;
    }

    /// <summary>Convenience: a new array with <paramref name="sampleCount"/> samples of the tone.</summary>
    public short[] Generate(int sampleCount)
    {
        var samples = new short[sampleCount];
        Fill(samples);
        return samples;
    }
}
