namespace CallGateway.Media.Session;

/// <summary>Takes a plaintext RTP packet, protects it with SRTP and sends it.</summary>
internal interface IRtpPacketSink
{
    /// <param name="buffer">The packet in its first <paramref name="length"/> bytes, with room for the SRTP tag after it.</param>
    void SendRtp(Span<byte> buffer, int length);
}
