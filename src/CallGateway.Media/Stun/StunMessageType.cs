namespace CallGateway.Media.Stun;

/// <summary>
/// Packs and unpacks the 14-bit STUN message type, RFC 8489 §5: the class bits C1 C0 are interleaved with the 12
/// method bits M11..M0.
/// </summary>
/// <remarks>
/// <code>
///   0                 1
///   2  3  4 5 6 7 8 9 0 1 2 3 4 5
///  +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
///  |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
///  |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
///  +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </remarks>
internal static class StunMessageType
{
    public static ushort Encode(StunMessageClass messageClass, StunMethod method)
    {
        int m = (ushort)method & 0x0FFF;
        int c = (int)messageClass & 0x3;
        return (ushort)((m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((c & 1) << 4) | ((c & 2) << 7));
    }

    public static void Decode(ushort type, out StunMessageClass messageClass, out StunMethod method)
    {
        messageClass = (StunMessageClass)(((type >> 4) & 1) | ((type >> 7) & 2));
        method = (StunMethod)((type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80));
    }
}
