using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace CallGateway.Media.Stun;

/// <summary>
/// MAPPED-ADDRESS (RFC 8489 §14.1) and XOR-MAPPED-ADDRESS (§14.2) values.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |0 0 0 0 0 0 0 0|    Family     |         (X-)Port              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                 (X-)Address (32 bits or 128 bits)             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Family 0x01 is IPv4, 0x02 IPv6. The XOR form XORs the port with the top 16 bits of the magic cookie and the
/// address with the magic cookie (IPv4) or the cookie followed by the transaction ID (IPv6); those 16 bytes are
/// exactly bytes 4-19 of the message header, so callers pass that slice as <c>cookieAndId</c>.
/// IPv4-mapped IPv6 endpoints (from dual-mode sockets) are written as IPv4, which is what the peer put on the wire.
/// </remarks>
internal static class StunAddressCodec
{
    private const byte FamilyIPv4 = 0x01;
    private const byte FamilyIPv6 = 0x02;

    public static int ValueLength(IPEndPoint endPoint) =>
        Normalize(endPoint.Address).AddressFamily == AddressFamily.InterNetwork ? 8 : 20;

    public static bool TryRead(ReadOnlySpan<byte> value, bool xor, ReadOnlySpan<byte> cookieAndId, out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (value.Length < 4)
        {
            return false;
        }

        int addressLength = value[1] switch
        {
            FamilyIPv4 => 4,
            FamilyIPv6 => 16,
            _ => -1,
        };
        if (addressLength < 0 || value.Length != 4 + addressLength)
        {
            return false;
        }

        int port = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
        Span<byte> address = stackalloc byte[addressLength];
        value.Slice(4, addressLength).CopyTo(address);
        if (xor)
        {
            port ^= (int)(StunMessage.MagicCookie >> 16);
            for (int i = 0; i < addressLength; i++)
            {
                address[i] ^= cookieAndId[i];
            }
        }

        endPoint = new IPEndPoint(new IPAddress(address), port);
        return true;
    }

    public static int Write(Span<byte> destination, IPEndPoint endPoint, bool xor, ReadOnlySpan<byte> cookieAndId)
    {
        IPAddress address = Normalize(endPoint.Address);
        bool v4 = address.AddressFamily == AddressFamily.InterNetwork;
        int addressLength = v4 ? 4 : 16;
        destination[0] = 0;
        destination[1] = v4 ? FamilyIPv4 : FamilyIPv6;
        int port = endPoint.Port;
        if (xor)
        {
            port ^= (int)(StunMessage.MagicCookie >> 16);
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)port);
        Span<byte> addressBytes = destination.Slice(4, addressLength);
        address.TryWriteBytes(addressBytes, out _);
        if (xor)
        {
            for (int i = 0; i < addressLength; i++)
            {
                addressBytes[i] ^= cookieAndId[i];
            }
        }

        return 4 + addressLength;
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
