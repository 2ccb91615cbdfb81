namespace CallGateway.Media.Tests.Dtls;

/// <summary>
/// Reads the DTLS 1.2 record and handshake headers of a datagram's first record (RFC 6347 §4.1 and §4.2.2):
/// <code>
///   record:    type(1) version(2) epoch(2) sequence_number(6) length(2) | fragment
///   handshake: msg_type(1) length(3) message_seq(2) fragment_offset(3) fragment_length(3) | body
/// </code>
/// </summary>
internal static class DtlsRecords
{
    public const byte ChangeCipherSpec = 20;
    public const byte Alert = 21;
    public const byte Handshake = 22;
    public const byte ClientHello = 1;
    public const byte ServerHello = 2;

    public static byte ContentType(ReadOnlySpan<byte> datagram) => datagram[0];

    public static int Epoch(ReadOnlySpan<byte> datagram) => (datagram[3] << 8) | datagram[4];

    /// <summary>True for an epoch-0 handshake record; gives its message type and fragment offset.</summary>
    public static bool IsPlainHandshake(ReadOnlySpan<byte> datagram, out byte messageType, out int fragmentOffset)
    {
        messageType = 0;
        fragmentOffset = 0;
        if (datagram.Length < 25 || datagram[0] != Handshake || Epoch(datagram) != 0)
        {
            return false;
        }

        messageType = datagram[13];
        fragmentOffset = (datagram[19] << 16) | (datagram[20] << 8) | datagram[21];
        return true;
    }

    public static bool IsClientHello(ReadOnlySpan<byte> datagram) =>
        IsPlainHandshake(datagram, out byte type, out _) && type == ClientHello;
}
