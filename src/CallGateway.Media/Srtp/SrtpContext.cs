namespace CallGateway.Media.Srtp;

/// <summary>
/// One direction of one DTLS-SRTP session: either everything we send or everything we receive, keyed from one master
/// key and salt (RFC 3711 §3.2, RFC 5764 §4.2; see <see cref="SrtpKeyingMaterial"/> for splitting the exported
/// material). Implements SRTP and SRTCP for <see cref="SrtpProfile.AesCm128HmacSha1_80"/> (RFC 3711) and
/// <see cref="SrtpProfile.AeadAes128Gcm"/> (RFC 7714).
/// </summary>
/// <remarks>
/// <para>
/// <b>Threading.</b> A context is stateful (rollover counters, replay windows, SRTCP index, reused cipher contexts)
/// and NOT thread-safe. Each instance must be used by one thread at a time: typically the outbound context is owned by
/// the send loop and the inbound one by the receive loop. Sharing one instance across threads without a lock corrupts
/// state silently (SIPSorcery issues #1739/#1740). Dispose only after the owning loop has stopped.
/// </para>
/// <para>
/// <b>State.</b> Per SSRC (lazily created, at most <c>maxStreams</c>): the highest 48-bit index (ROC || SEQ,
/// RFC 3711 Appendix A), a 128-entry SRTP replay window, a 128-entry SRTCP replay window and the next outbound SRTCP
/// index (starting at 0, RFC 3711 §3.4). Inbound state is created and advanced only after a packet authenticated, so
/// forged packets neither consume stream slots nor move windows.
/// </para>
/// <para>
/// <b>Hot path.</b> The four protect/unprotect methods work in place, allocate nothing and report every packet-level
/// failure through <see cref="SrtpResult"/>; they throw only <see cref="ObjectDisposedException"/> after
/// <see cref="Dispose"/>. RTP CSRCs and header extensions stay in the clear (RFC 3711 §3.1; encrypted header
/// extensions, RFC 6904, are not negotiated).
/// </para>
/// </remarks>
public sealed partial class SrtpContext : IDisposable
{
    /// <summary>Default bound on tracked SSRCs per context (an audio call uses one or two).</summary>
    public const int DefaultMaxStreams = 32;

    private readonly SrtpCipher _cipher;
    private readonly SrtpStream?[] _streams;
    private int _streamCount;
    private int _lastStream;
    private bool _disposed;

    /// <summary>Creates a context and derives its session keys.</summary>
    /// <param name="profile">The negotiated protection profile.</param>
    /// <param name="masterKey">The master key for this direction (16 octets).</param>
    /// <param name="masterSalt">The master salt for this direction (14 octets for AES-CM, 12 for GCM).</param>
    /// <param name="maxStreams">How many SSRCs the context tracks at most.</param>
    /// <exception cref="ArgumentException">Key or salt of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported profile or a non-positive stream bound.</exception>
    public SrtpContext(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, int maxStreams = DefaultMaxStreams)
        : this(profile, SrtpCipher.Create(profile, masterKey, masterSalt), maxStreams)
    {
    }

    /// <summary>Creates a context over an already-keyed transform (tests feed RFC 7714 session keys this way).</summary>
    internal SrtpContext(SrtpProfile profile, SrtpCipher cipher, int maxStreams)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxStreams);
        Profile = profile;
        _cipher = cipher;
        _streams = new SrtpStream?[maxStreams];
    }

    /// <summary>The protection profile.</summary>
    public SrtpProfile Profile { get; }

    /// <summary>Spare octets ProtectRtp needs after the RTP packet (the tag).</summary>
    public int RtpOverhead => _cipher.TagLength;

    /// <summary>Spare octets ProtectRtcp needs after the RTCP packet (E||index word plus tag).</summary>
    public int RtcpOverhead => _cipher.SrtcpTrailerLength;

    /// <summary>Number of SSRCs currently tracked.</summary>
    public int StreamCount => _streamCount;

    /// <summary>
    /// First SRTCP index of each new outbound SSRC. RFC 3711 §3.4 starts at 0 (the default); libsrtp's reference
    /// vectors start at 1, so tests set this to reproduce them.
    /// </summary>
    internal uint InitialSrtcpIndex { get; init; }

    /// <summary>
    /// Encrypts and authenticates the RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>] in place
    /// and appends the tag, so <paramref name="buffer"/> needs <see cref="RtpOverhead"/> spare octets.
    /// </summary>
    /// <remarks>
    /// The ROC of each outbound SSRC follows its sequence numbers (wrap 0xFFFF to 0 increments it). Sequence numbers
    /// must advance like a real sender's: one more than 2^15 behind the SSRC's first packet yields
    /// <see cref="SrtpResult.TooOld"/>. Re-protecting an already sent sequence number reuses its keystream, so only
    /// retransmit identical packets.
    /// </remarks>
    public SrtpResult ProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length
            || !SrtpPacket.TryGetRtpHeaderLength(buffer[..length], out int headerLength))
        {
            return SrtpResult.Malformed;
        }

        int tagLength = _cipher.TagLength;
        if (buffer.Length - length < tagLength)
        {
            return SrtpResult.BufferTooSmall;
        }

        Span<byte> packet = buffer[..length];
        uint ssrc = SrtpPacket.ReadRtpSsrc(packet);
        ushort sequence = SrtpPacket.ReadSequence(packet);
        SrtpResult result = GetOrAddStream(ssrc, out SrtpStream? stream);
        if (result != SrtpResult.Ok)
        {
            return result;
        }

        // The sender tracks its ROC like a receiver would: a sequence number just below the highest keeps the
        // current ROC (a retransmission), one that wrapped past 0xFFFF increments it (RFC 3711 §3.3.1).
        ulong index = sequence;
        if (stream!.SendStarted)
        {
            result = SrtpStream.EstimateIndex(stream.SendHighestIndex, sequence, out index);
            if (result != SrtpResult.Ok)
            {
                return result;
            }
        }

        _cipher.EncryptRtp(packet, headerLength, ssrc, (uint)(index >> 16), buffer.Slice(length, tagLength));
        if (!stream.SendStarted || index > stream.SendHighestIndex)
        {
            stream.SendStarted = true;
            stream.SendHighestIndex = index;
        }

        protectedLength = length + tagLength;
        return SrtpResult.Ok;
    }

    /// <summary>
    /// Checks replay, authenticates and decrypts the SRTP packet in <paramref name="buffer"/>[..<paramref name="length"/>]
    /// in place. On <see cref="SrtpResult.Ok"/> the RTP packet is <paramref name="buffer"/>[..<paramref name="plainLength"/>].
    /// </summary>
    public SrtpResult UnprotectRtp(Span<byte> buffer, int length, out int plainLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        plainLength = 0;
        int tagLength = _cipher.TagLength;
        if ((uint)length > (uint)buffer.Length || length < SrtpPacket.RtpFixedHeaderLength + tagLength)
        {
            return SrtpResult.Malformed;
        }

        Span<byte> packet = buffer[..(length - tagLength)];
        if (!SrtpPacket.TryGetRtpHeaderLength(packet, out int headerLength))
        {
            return SrtpResult.Malformed;
        }

        uint ssrc = SrtpPacket.ReadRtpSsrc(packet);
        ushort sequence = SrtpPacket.ReadSequence(packet);
        SrtpStream? stream = FindStream(ssrc);
        ulong index = sequence;
        if (stream is not null && stream.RtpWindow.Started)
        {
            SrtpResult result = SrtpStream.EstimateIndex(stream.RtpWindow.Highest, sequence, out index);
            if (result == SrtpResult.Ok)
            {
                result = stream.RtpWindow.Check(index);
            }

            if (result != SrtpResult.Ok)
            {
                return result;
            }
        }
        else if (stream is null && _streamCount == _streams.Length)
        {
            return SrtpResult.TooManyStreams;
        }

        // A new stream starts with ROC = 0 and s_l = SEQ (RFC 3711 §3.3.1).
        if (!_cipher.DecryptRtp(packet, headerLength, ssrc, (uint)(index >> 16), buffer.Slice(packet.Length, tagLength)))
        {
            return SrtpResult.AuthenticationFailed;
        }

        stream ??= AddStream(ssrc);
        stream.RtpWindow.Accept(index);
        plainLength = packet.Length;
        return SrtpResult.Ok;
    }

    /// <summary>
    /// The current rollover counter of <paramref name="ssrc"/>: of the highest protected index in an outbound
    /// context, of the highest authenticated index in an inbound one. False if the SSRC has no RTP state.
    /// </summary>
    public bool TryGetRolloverCounter(uint ssrc, out uint rolloverCounter)
    {
        SrtpStream? stream = FindStream(ssrc);
        rolloverCounter = 0;
        if (stream is null)
        {
            return false;
        }

        if (stream.SendStarted)
        {
            rolloverCounter = (uint)(stream.SendHighestIndex >> 16);
            return true;
        }

        rolloverCounter = (uint)(stream.RtpWindow.Highest >> 16);
        return stream.RtpWindow.Started;
    }

    /// <summary>Forgets all state of <paramref name="ssrc"/> (e.g. after its RTCP BYE), freeing its slot.</summary>
    public bool RemoveStream(uint ssrc)
    {
        for (int i = 0; i < _streamCount; i++)
        {
            if (_streams[i]!.Ssrc == ssrc)
            {
                _streamCount--;
                _streams[i] = _streams[_streamCount];
                _streams[_streamCount] = null;
                _lastStream = 0;
                return true;
            }
        }

        return false;
    }

    /// <summary>Disposes the native cipher contexts and zeroes the session keys this context holds.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cipher.Dispose();
        Array.Clear(_streams);
        _streamCount = 0;
    }

    private SrtpStream? FindStream(uint ssrc)
    {
        // The last used stream first: almost every packet of a call belongs to the same SSRC.
        if (_lastStream < _streamCount && _streams[_lastStream]!.Ssrc == ssrc)
        {
            return _streams[_lastStream];
        }

        for (int i = 0; i < _streamCount; i++)
        {
            if (_streams[i]!.Ssrc == ssrc)
            {
                _lastStream = i;
                return _streams[i];
            }
        }

        return null;
    }

    private SrtpResult GetOrAddStream(uint ssrc, out SrtpStream? stream)
    {
        stream = FindStream(ssrc);
        if (stream is not null)
        {
            return SrtpResult.Ok;
        }

        if (_streamCount == _streams.Length)
        {
            return SrtpResult.TooManyStreams;
        }

        stream = AddStream(ssrc);
        return SrtpResult.Ok;
    }

    private SrtpStream AddStream(uint ssrc)
    {
        var stream = new SrtpStream(ssrc, InitialSrtcpIndex);
        _lastStream = _streamCount;
        _streams[_streamCount++] = stream;
        return stream;
    }
}
