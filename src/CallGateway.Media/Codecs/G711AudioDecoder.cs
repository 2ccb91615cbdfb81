namespace CallGateway.Media.Codecs;

/// <summary>Decodes PCMU/PCMA and resamples to the surface rate; loss is concealed by repeating a faded frame.</summary>
public sealed class G711AudioDecoder(int surfaceRate, bool aLaw) : IAudioDecoder
{
    private readonly Resampler? _up = surfaceRate == 8000 ? null : new Resampler(8000, surfaceRate);
    private readonly short[] _narrow = new short[160];
    private readonly short[] _last = new short[surfaceRate / 50];

    public bool Decode(ReadOnlySpan<byte> payload, Span<short> frame)
    {
        if (payload.Length != 160)
        {
            Conceal(frame);
            return false;
        }

        if (aLaw)
        {
            G711.DecodeALaw(payload, _narrow);
        }
        else
        {
            G711.DecodeMuLaw(payload, _narrow);
        }

        if (_up is null)
        {
            _narrow.CopyTo(frame);
        }
        else
        {
            _up.Process(_narrow, frame);
        }

        frame.CopyTo(_last);
        return true;
    }

    public void DecodeFromNext(ReadOnlySpan<byte> nextPayload, Span<short> frame) => Conceal(frame);

    public void Conceal(Span<short> frame)
    {
        // G.711 has no PLC of its own: replay the last frame at half level, fading towards silence.
        for (var i = 0; i < frame.Length && i < _last.Length; i++)
        {
            _last[i] = (short)(_last[i] / 2);
            frame[i] = _last[i];
        }
    }

    public void Dispose()
    {
    }
}
