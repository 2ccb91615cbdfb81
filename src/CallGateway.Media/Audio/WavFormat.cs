namespace CallGateway.Media.Audio;

/// <summary>The format of a 16-bit PCM WAV file: sample rate and channel count (interleaved samples).</summary>
/// <param name="SampleRate">Frames per second (1 to 384000).</param>
/// <param name="Channels">1 (mono) or 2 (stereo).</param>
public readonly record struct WavFormat(int SampleRate, int Channels)
{
    public const int BitsPerSample = 16;

    /// <summary>Bytes per frame (one sample of every channel).</summary>
    public int BlockAlign => Channels * (BitsPerSample / 8);

    /// <summary>Bytes per second.</summary>
    public int ByteRate => SampleRate * BlockAlign;

    /// <summary>True when the format can be read and written here.</summary>
    public bool IsSupported => SampleRate is > 0 and <= 384_000 && Channels is 1 or 2;

    internal void ThrowIfUnsupported()
    {
        if (!IsSupported)
        {
            throw new ArgumentOutOfRangeException(nameof(WavFormat), this, "Supported: 1-384000 Hz, mono or stereo.");
        }
    }
}
