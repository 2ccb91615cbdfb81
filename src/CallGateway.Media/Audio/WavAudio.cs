namespace CallGateway.Media.Audio;

/// <summary>A whole 16-bit PCM recording in memory: its format and interleaved samples.</summary>
public sealed class WavAudio
{
    public WavAudio(WavFormat format, short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        format.ThrowIfUnsupported();
        if (samples.Length % format.Channels != 0)
        {
            throw new ArgumentException("The sample count must be a multiple of the channel count.", nameof(samples));
        }

        Format = format;
        Samples = samples;
    }

    public WavFormat Format { get; }

    /// <summary>Interleaved samples (left, right, left, ... for stereo).</summary>
    public ReadOnlyMemory<short> Samples { get; }

    /// <summary>Number of frames (samples per channel).</summary>
    public int FrameCount => Samples.Length / Format.Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / Format.SampleRate);
}
