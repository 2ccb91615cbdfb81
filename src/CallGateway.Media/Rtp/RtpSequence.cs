namespace CallGateway.Media.Rtp;

/// <summary>
/// Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 §5.1): comparisons are
/// modulo 2^16, taking the shorter way round (serial-number arithmetic in the sense of RFC 1982).
/// </summary>
public static class RtpSequence
{
    /// <summary>
    /// Signed distance <paramref name="a"/> - <paramref name="b"/> in the range -32768..32767: positive when
    /// <paramref name="a"/> comes after <paramref name="b"/>.
    /// </summary>
    public static int Difference(ushort a, ushort b) => (short)(ushort)(a - b);

    /// <summary>True if <paramref name="a"/> comes after <paramref name="b"/> (by less than half the space).</summary>
    public static bool IsNewer(ushort a, ushort b) => Difference(a, b) > 0;

    /// <summary>The later of two sequence numbers.</summary>
    public static ushort Latest(ushort a, ushort b) => IsNewer(a, b) ? a : b;
}
