namespace CallGateway.Media.Srtp;

/// <summary>SRTCP (RFC 3711 §3.4, RFC 7714 §9) half of <see cref="SrtpContext"/>.</summary>
public sealed partial class SrtpContext
{
    /// <summary>
    /// Encrypts (E = 1) and authenticates the RTCP compound packet in <paramref name="buffer"/>[..<paramref name="length"/>]
    /// in place and appends the E||SRTCP-index word and the tag, so <paramref name="buffer"/> needs
    /// <see cref="RtcpOverhead"/> spare octets. The index is kept per sender SSRC (octets 4..7 of the first packet).
    /// </summary>
    public SrtpResult ProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length || !SrtpPacket.IsRtcpHeader(buffer[..length]))
        {
            return SrtpResult.Malformed;
        }

        if (buffer.Length - length < _cipher.SrtcpTrailerLength)
        {
            return SrtpResult.BufferTooSmall;
        }

        uint ssrc = SrtpPacket.ReadRtcpSsrc(buffer);
        SrtpResult result = GetOrAddStream(ssrc, out SrtpStream? stream);
        if (result != SrtpResult.Ok)
        {
            return result;
        }

        uint index = stream!.NextSrtcpIndex;
        if (index > SrtpCipher.MaxSrtcpIndex)
        {
            // 2^31 SRTCP packets under one key: RFC 3711 §9.2 requires re-keying.
            return SrtpResult.KeyLimitReached;
        }

        protectedLength = _cipher.EncryptRtcp(buffer, length, ssrc, index);
        stream.NextSrtcpIndex = index + 1;
        return SrtpResult.Ok;
    }

    /// <summary>
    /// Checks replay, authenticates and (if the E flag is set) decrypts the SRTCP packet in
    /// <paramref name="buffer"/>[..<paramref name="length"/>] in place. On <see cref="SrtpResult.Ok"/> the RTCP compound
    /// packet is <paramref name="buffer"/>[..<paramref name="plainLength"/>].
    /// </summary>
    public SrtpResult UnprotectRtcp(Span<byte> buffer, int length, out int plainLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        plainLength = 0;
        int trailerLength = _cipher.SrtcpTrailerLength;
        if ((uint)length > (uint)buffer.Length || length < SrtpPacket.RtcpHeaderLength + trailerLength)
        {
            return SrtpResult.Malformed;
        }

        Span<byte> packet = buffer[..length];
        if (!SrtpPacket.IsRtcpHeader(packet))
        {
            return SrtpResult.Malformed;
        }

        uint ssrc = SrtpPacket.ReadRtcpSsrc(packet);
        uint indexWord = _cipher.ReadSrtcpIndexWord(packet);
        uint index = indexWord & SrtpCipher.MaxSrtcpIndex;
        SrtpStream? stream = FindStream(ssrc);
        if (stream is not null && stream.RtcpWindow.Started)
        {
            SrtpResult result = stream.RtcpWindow.Check(index);
            if (result != SrtpResult.Ok)
            {
                return result;
            }
        }
        else if (stream is null && _streamCount == _streams.Length)
        {
            return SrtpResult.TooManyStreams;
        }

        if (!_cipher.DecryptRtcp(packet, ssrc, indexWord))
        {
            return SrtpResult.AuthenticationFailed;
        }

        stream ??= AddStream(ssrc);
        stream.RtcpWindow.Accept(index);
        plainLength = length - trailerLength;
        return SrtpResult.Ok;
    }
}
