namespace CallGateway.Media.Codecs;

/// <summary>Opus decoding with in-band FEC and PLC for lost frames.</summary>
public sealed class OpusAudioDecoder(int sampleRate) : IAudioDecoder
{
    private readonly OpusDecoder _decoder = new(sampleRate);

    public bool Decode(ReadOnlySpan<byte> payload, Span<short> frame)
    {
        if (_decoder.TryDecode(payload, frame, out var samples) && samples == frame.Length)
        {
            return true;
        }

        Conceal(frame);
        return false;
    }

    public void DecodeFromNext(ReadOnlySpan<byte> nextPayload, Span<short> frame) => _decoder.DecodeFec(nextPayload, frame, frame.Length);

    public void Conceal(Span<short> frame) => _decoder.Conceal(frame, frame.Length);

    public void Dispose() => _decoder.Dispose();
}
