namespace CallGateway.Media.Codecs;

/// <summary>
/// Opus for a session: libopus runs at the surface rate (48 or 16 kHz) while the RTP clock stays 48 kHz
/// (RFC 7587 §4.1), so a 20 ms frame always advances the timestamp by 960.
/// </summary>
public sealed class OpusAudioEncoder : IAudioEncoder
{
    private readonly OpusEncoder _encoder;

    public OpusAudioEncoder(int sampleRate, int bitrate, int complexity, bool inbandFec, int expectedLossPercent)
    {
        _encoder = new OpusEncoder(sampleRate)
        {
            Bitrate = bitrate,
            Complexity = complexity,
            InbandFec = inbandFec,
            PacketLossPercent = expectedLossPercent,
            SignalVoice = true,
        };
    }

    public int RtpClockRate => 48000;

    public int TimestampIncrement => 960;

    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload) => _encoder.Encode(frame, payload);

    public void Dispose() => _encoder.Dispose();
}
