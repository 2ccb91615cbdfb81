using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Stun;

/// <summary>
/// A parsed STUN message, RFC 8489 (obsoletes RFC 5389), with the ICE attributes of RFC 8445 §16.
/// The raw bytes are kept so MESSAGE-INTEGRITY and FINGERPRINT can be verified after parsing.
/// </summary>
/// <remarks>
/// Header, RFC 8489 §5:
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |0 0|     STUN Message Type     |         Message Length        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Magic Cookie                          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                                                               |
/// |                     Transaction ID (96 bits)                  |
/// |                                                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Message Length counts the attribute bytes after the 20-byte header, padding included, and is a multiple of 4.
/// Parsing is strict about structure (a UDP datagram is exactly one message) and lenient about content: unknown
/// attributes are kept, padding bytes may hold any value (RFC 5769 pads with 0x20), and attributes that follow
/// MESSAGE-INTEGRITY other than FINGERPRINT are skipped, as RFC 8489 §14.5 requires receivers to ignore them.
/// FINGERPRINT must be the last attribute (RFC 8489 §14.7). Instances are immutable and thread-safe.
/// </remarks>
public sealed partial class StunMessage
{
    /// <summary>Length of the fixed header.</summary>
    public const int HeaderLength = 20;

    /// <summary>The magic cookie, RFC 8489 §5.</summary>
    public const uint MagicCookie = 0x2112A442;

    private const int IntegrityLength = 20;
    private const int FingerprintLength = 4;

    private readonly byte[] _raw;
    private readonly StunAttribute[] _attributes;
    private readonly int _integrityIndex;
    private readonly int _fingerprintIndex;

    private StunMessage(byte[] raw, StunAttribute[] attributes, int integrityIndex, int fingerprintIndex)
    {
        _raw = raw;
        _attributes = attributes;
        _integrityIndex = integrityIndex;
        _fingerprintIndex = fingerprintIndex;
        StunMessageType.Decode(BinaryPrimitives.ReadUInt16BigEndian(raw), out StunMessageClass messageClass, out StunMethod method);
        Class = messageClass;
        Method = method;
        TransactionId = StunTransactionId.Read(raw.AsSpan(8));
    }

    /// <summary>Request, indication, success or error response.</summary>
    public StunMessageClass Class { get; }

    /// <summary>The method (Binding for ICE).</summary>
    public StunMethod Method { get; }

    /// <summary>The 96-bit transaction ID.</summary>
    public StunTransactionId TransactionId { get; }

    /// <summary>The whole message as received.</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <summary>The attributes in wire order (without those ignored after MESSAGE-INTEGRITY).</summary>
    public ReadOnlySpan<StunAttribute> Attributes => _attributes;

    /// <summary>
    /// Cheap pre-check used before a full parse: at least a header, the two top bits zero (RFC 8489 §5, which is
    /// what makes RFC 7983 route first bytes 0-3 to STUN) and the magic cookie.
    /// </summary>
    public static bool LooksLikeStun(ReadOnlySpan<byte> packet) =>
        packet.Length >= HeaderLength
        && (packet[0] & 0xC0) == 0
        && BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) == MagicCookie;

    /// <summary>
    /// Parses and structurally validates one STUN message (header, length, attribute framing). Never throws.
    /// </summary>
    /// <param name="packet">Exactly one datagram.</param>
    /// <param name="message">The message, or null when invalid.</param>
    /// <returns>False for anything that is not a well-formed STUN message.</returns>
    public static bool TryParse(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out StunMessage? message)
    {
        message = null;
        if (!LooksLikeStun(packet))
        {
            return false;
        }

        int declared = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if ((declared & 3) != 0 || HeaderLength + declared != packet.Length)
        {
            return false;
        }

        if (!TryWalkAttributes(packet, [], out int count, out _, out _))
        {
            return false;
        }

        var attributes = new StunAttribute[count];
        TryWalkAttributes(packet, attributes, out _, out int integrityIndex, out int fingerprintIndex);
        message = new StunMessage(packet.ToArray(), attributes, integrityIndex, fingerprintIndex);
        return true;
    }

    /// <summary>The value bytes of an attribute of this message.</summary>
    public ReadOnlySpan<byte> GetValue(StunAttribute attribute) =>
        _raw.AsSpan(attribute.ValueOffset, attribute.Length);

    /// <summary>
    /// Walks the TLV attributes once. With an empty <paramref name="sink"/> it only validates and counts the kept
    /// attributes; with a sink of that size it also records them.
    /// </summary>
    private static bool TryWalkAttributes(
        ReadOnlySpan<byte> packet, Span<StunAttribute> sink, out int kept, out int integrityIndex, out int fingerprintIndex)
    {
        kept = 0;
        integrityIndex = -1;
        fingerprintIndex = -1;
        int offset = HeaderLength;
        while (offset < packet.Length)
        {
            if (fingerprintIndex >= 0 || packet.Length - offset < 4)
            {
                return false; // FINGERPRINT must be last; a truncated attribute header is malformed.
            }

            var type = (StunAttributeType)BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            int padded = (length + 3) & ~3;
            if (packet.Length - offset - 4 < padded)
            {
                return false;
            }

            if (!TryClassify(type, length, ref integrityIndex, ref fingerprintIndex, kept, out bool keep))
            {
                return false;
            }

            if (keep)
            {
                if (!sink.IsEmpty)
                {
                    sink[kept] = new StunAttribute(type, offset + 4, length);
                }

                kept++;
            }

            offset += 4 + padded;
        }

        return true;
    }

    /// <summary>
    /// Applies the placement rules: FINGERPRINT is 4 bytes and last; MESSAGE-INTEGRITY is 20 bytes; anything else
    /// after MESSAGE-INTEGRITY is skipped (RFC 8489 §14.5, §14.7).
    /// </summary>
    private static bool TryClassify(
        StunAttributeType type, int length, ref int integrityIndex, ref int fingerprintIndex, int position, out bool keep)
    {
        keep = true;
        if (type == StunAttributeType.Fingerprint)
        {
            fingerprintIndex = position;
            return length == FingerprintLength;
        }

        if (integrityIndex >= 0)
        {
            keep = false;
            return true;
        }

        if (type == StunAttributeType.MessageIntegrity)
        {
            integrityIndex = position;
            return length == IntegrityLength;
        }

        return true;
    }
}
