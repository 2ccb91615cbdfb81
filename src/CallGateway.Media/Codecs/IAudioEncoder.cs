namespace CallGateway.Media.Codecs;

/// <summary>Encodes one 20 ms PCM frame at the session's surface rate into one RTP payload.</summary>
public interface IAudioEncoder : IDisposable
{
    /// <summary>RTP clock rate of the payload format (48000 for Opus, 8000 for G.711).</summary>
    int RtpClockRate { get; }

    /// <summary>RTP timestamp units per 20 ms frame.</summary>
    int TimestampIncrement { get; }

    /// <returns>Payload length; 0 means nothing worth sending (DTX).</returns>
    int Encode(ReadOnlySpan<short> frame, Span<byte> payload);
}
