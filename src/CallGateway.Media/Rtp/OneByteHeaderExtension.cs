namespace CallGateway.Media.Rtp;

/// <summary>
/// RFC 8285 §4.2 one-byte-header extension elements inside an RTP header extension whose profile field is 0xBEDE.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |       0xBE    |    0xDE       |           length=3            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  ID   | L=0   |     data      |  ID   |  L=1  |   data...
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///       ...data   |    0 (pad)    |    0 (pad)    |  ID   | L=3   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                          data                                 |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Each element is one octet (ID 1..14, L = data length - 1) plus 1..16 data octets; zero octets are padding;
/// ID 15 ends processing (RFC 8285 §4.2). The two-byte form (profile 0x100X) is not implemented.
/// </remarks>
public static class OneByteHeaderExtension
{
    /// <summary>The "defined by profile" value announcing one-byte elements.</summary>
    public const ushort Profile = 0xBEDE;

    public const int MinId = 1;
    public const int MaxId = 14;
    public const int MaxDataLength = 16;

    /// <summary>
    /// Finds element <paramref name="id"/> in an extension body. False if absent or the body is malformed before it.
    /// Never throws.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> extensionData, int id, out ReadOnlySpan<byte> value)
    {
        value = default;
        int offset = 0;
        while (offset < extensionData.Length)
        {
            byte first = extensionData[offset];
            if (first == 0)
            {
                offset++;
                continue;
            }

            int elementId = first >> 4;
            if (elementId == 15)
            {
                return false;
            }

            int length = (first & 0x0F) + 1;
            if (extensionData.Length - offset - 1 < length)
            {
                return false;
            }

            if (elementId == id)
            {
                value = extensionData.Slice(offset + 1, length);
                return true;
            }

            offset += 1 + length;
        }

        return false;
    }

    /// <summary>
    /// Writes one element at the start of <paramref name="destination"/>. False if the id or data length is out of
    /// range or it does not fit. The caller pads the body to a multiple of 4 (see <see cref="PadToWord"/>).
    /// </summary>
    public static bool TryWriteElement(Span<byte> destination, int id, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (id is < MinId or > MaxId || data.IsEmpty || data.Length > MaxDataLength || destination.Length < 1 + data.Length)
        {
            return false;
        }

        destination[0] = (byte)((id << 4) | (data.Length - 1));
        data.CopyTo(destination[1..]);
        written = 1 + data.Length;
        return true;
    }

    /// <summary>
    /// Zero-pads an extension body of <paramref name="length"/> octets in <paramref name="body"/> up to the next
    /// 32-bit boundary and returns the padded length, or -1 if <paramref name="body"/> is too short.
    /// </summary>
    public static int PadToWord(Span<byte> body, int length)
    {
        int padded = (length + 3) & ~3;
        if (length < 0 || padded > body.Length)
        {
            return -1;
        }

        body[length..padded].Clear();
        return padded;
    }
}
