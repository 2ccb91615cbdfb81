namespace CallGateway.Media.Codecs;

/// <summary>Decodes RTP payloads into 20 ms PCM frames at the session's surface rate; never throws on bad input.</summary>
public interface IAudioDecoder : IDisposable
{
    /// <summary>Decodes one payload; false (and <paramref name="frame"/> concealed) when the payload is unusable.</summary>
    bool Decode(ReadOnlySpan<byte> payload, Span<short> frame);

    /// <summary>Rebuilds a lost frame from the next packet (Opus in-band FEC); falls back to concealment.</summary>
    void DecodeFromNext(ReadOnlySpan<byte> nextPayload, Span<short> frame);

    /// <summary>Packet loss concealment for one frame.</summary>
    void Conceal(Span<short> frame);
}
