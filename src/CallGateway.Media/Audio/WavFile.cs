namespace CallGateway.Media.Audio;

/// <summary>Whole-file helpers over <see cref="WavReader"/> and <see cref="WavWriter"/>.</summary>
public static class WavFile
{
    /// <summary>Default cap on the audio read into memory: 64 MiB, about 11 minutes of 48 kHz mono.</summary>
    public const long DefaultMaxDataBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a whole 16-bit PCM WAV. Throws <see cref="InvalidDataException"/> for malformed or unsupported content or
    /// audio larger than <paramref name="maxDataBytes"/>.
    /// </summary>
    public static WavAudio Read(Stream stream, long maxDataBytes = DefaultMaxDataBytes)
    {
        using var reader = new WavReader(stream, leaveOpen: true);
        if (reader.DataLength > maxDataBytes)
        {
            throw new InvalidDataException($"The WAV audio ({reader.DataLength} bytes) exceeds the limit of {maxDataBytes} bytes.");
        }

        var samples = new short[reader.DataLength / 2];
        var read = 0;
        while (read < samples.Length)
        {
            var n = reader.ReadSamples(samples.AsSpan(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new WavAudio(reader.Format, samples);
    }

    /// <summary>Reads a whole 16-bit PCM WAV file from <paramref name="path"/>.</summary>
    public static WavAudio Read(string path, long maxDataBytes = DefaultMaxDataBytes)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, maxDataBytes);
    }

    /// <summary>
    /// Like <see cref="Read(Stream, long)"/> but reports malformed content as false with a reason instead of throwing,
    /// for untrusted uploads. Stream I/O errors still throw.
    /// </summary>
    public static bool TryRead(Stream stream, out WavAudio? audio, out string? error, long maxDataBytes = DefaultMaxDataBytes)
    {
        try
        {
            audio = Read(stream, maxDataBytes);
            error = null;
            return true;
        }
        catch (InvalidDataException ex)
        {
            audio = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Writes <paramref name="samples"/> (interleaved) as a complete WAV file to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, WavFormat format, ReadOnlySpan<short> samples)
    {
        using var writer = new WavWriter(stream, format, leaveOpen: true);
        writer.Write(samples);
    }

    /// <summary>Writes <paramref name="samples"/> (interleaved) as a WAV file at <paramref name="path"/>.</summary>
    public static void Write(string path, WavFormat format, ReadOnlySpan<short> samples)
    {
        using var writer = WavWriter.Create(path, format);
        writer.Write(samples);
    }
}
