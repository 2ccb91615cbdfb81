namespace CallGateway.Media.Srtp;

/// <summary>
/// Per-SSRC cryptographic state inside one <see cref="SrtpContext"/> (RFC 3711 §3.2.1 "crypto context" per SSRC):
/// the rollover counter and highest sequence (kept together as the highest 48-bit index), the SRTP and SRTCP replay
/// windows and the next outbound SRTCP index. A context is one direction, so only the send or the receive half is used.
/// </summary>
internal sealed class SrtpStream(uint ssrc, uint initialSrtcpIndex)
{
    /// <summary>The highest possible 48-bit SRTP packet index.</summary>
    public const ulong MaxIndex = (1UL << 48) - 1;

    public uint Ssrc { get; } = ssrc;

    /// <summary>Outbound: true once a first RTP packet was protected.</summary>
    public bool SendStarted { get; set; }

    /// <summary>Outbound: highest protected index (ROC || SEQ).</summary>
    public ulong SendHighestIndex { get; set; }

    /// <summary>Outbound: the index the next protected RTCP packet carries.</summary>
    public uint NextSrtcpIndex { get; set; } = initialSrtcpIndex;

    /// <summary>Inbound SRTP replay window; its Highest is the receiver's ROC || s_l.</summary>
    public SrtpReplayWindow RtpWindow;

    /// <summary>Inbound SRTCP replay window over the 31-bit SRTCP index.</summary>
    public SrtpReplayWindow RtcpWindow;

    /// <summary>
    /// Estimates the 48-bit index of sequence number <paramref name="sequence"/> given the highest index seen so far
    /// (RFC 3711 Appendix A): guess ROC - 1, ROC or ROC + 1, whichever puts the packet closest to s_l.
    /// Returns <see cref="SrtpResult.TooOld"/> when the guess is ROC - 1 with ROC = 0 (a packet from before the
    /// stream's first one) and <see cref="SrtpResult.KeyLimitReached"/> when ROC + 1 would exceed 2^32 - 1.
    /// </summary>
    public static SrtpResult EstimateIndex(ulong highestIndex, ushort sequence, out ulong index)
    {
        long roc = (long)(highestIndex >> 16);
        int highestSequence = (ushort)highestIndex;
        long guess;
        if (highestSequence < 0x8000)
        {
            guess = sequence - highestSequence > 0x8000 ? roc - 1 : roc;
        }
        else
        {
            guess = highestSequence - 0x8000 > sequence ? roc + 1 : roc;
        }

        index = 0;
        if (guess < 0)
        {
            return SrtpResult.TooOld;
        }

        if (guess > uint.MaxValue)
        {
            return SrtpResult.KeyLimitReached;
        }

        index = ((ulong)guess << 16) | sequence;
        return SrtpResult.Ok;
    }
}
