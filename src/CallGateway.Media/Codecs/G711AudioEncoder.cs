namespace CallGateway.Media.Codecs;

/// <summary>PCMU/PCMA (G.711, 8 kHz): the surface audio is resampled to 8 kHz and companded.</summary>
public sealed class G711AudioEncoder(int surfaceRate, bool aLaw) : IAudioEncoder
{
    private readonly Resampler? _down = surfaceRate == 8000 ? null : new Resampler(surfaceRate, 8000);
    private readonly short[] _narrow = new short[160];

    public int RtpClockRate => 8000;

    public int TimestampIncrement => 160;

    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload)
    {
        var narrow = _narrow.AsSpan();
        var count = _down is null ? Copy(frame, narrow) : _down.Process(frame, narrow);
        narrow = narrow[..count];
        if (aLaw)
        {
            G711.EncodeALaw(narrow, payload[..count]);
        }
        else
        {
            G711.EncodeMuLaw(narrow, payload[..count]);
        }

        return count;
    }

    public void Dispose()
    {
    }

    private static int Copy(ReadOnlySpan<short> source, Span<short> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
