using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace CallGateway.Media.Stun;

/// <summary>Typed attribute accessors (RFC 8489 §14, RFC 8445 §16.1). Each returns the first occurrence.</summary>
public sealed partial class StunMessage
{
    private const int MaxUsernameBytes = 513; // RFC 8489 §14.3
    private const int MaxReasonBytes = 763;   // RFC 8489 §14.8

    /// <summary>True when USE-CANDIDATE (RFC 8445 §7.1.2) is present.</summary>
    public bool HasUseCandidate => Contains(StunAttributeType.UseCandidate);

    /// <summary>True when the message carries an attribute of <paramref name="type"/>.</summary>
    public bool Contains(StunAttributeType type) => IndexOf(type) >= 0;

    /// <summary>The value of the first attribute of <paramref name="type"/>.</summary>
    public bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value)
    {
        int index = IndexOf(type);
        value = index >= 0 ? GetValue(_attributes[index]) : default;
        return index >= 0;
    }

    /// <summary>USERNAME as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public bool TryGetUsername([NotNullWhen(true)] out string? username) =>
        TryGetText(StunAttributeType.Username, MaxUsernameBytes, out username);

    /// <summary>Byte-wise comparison of USERNAME with an expected UTF-8 value, without allocating.</summary>
    public bool UsernameEquals(ReadOnlySpan<byte> expectedUtf8) =>
        TryGetAttribute(StunAttributeType.Username, out ReadOnlySpan<byte> value) && value.SequenceEqual(expectedUtf8);

    /// <summary>SOFTWARE as text.</summary>
    public bool TryGetSoftware([NotNullWhen(true)] out string? software) =>
        TryGetText(StunAttributeType.Software, MaxReasonBytes, out software);

    /// <summary>PRIORITY (RFC 8445 §16.1), a 32-bit unsigned value.</summary>
    public bool TryGetPriority(out uint priority)
    {
        priority = 0;
        if (!TryGetAttribute(StunAttributeType.Priority, out ReadOnlySpan<byte> value) || value.Length != 4)
        {
            return false;
        }

        priority = BinaryPrimitives.ReadUInt32BigEndian(value);
        return true;
    }

    /// <summary>ICE-CONTROLLING tie-breaker (RFC 8445 §16.1).</summary>
    public bool TryGetIceControlling(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlling, out tieBreaker);

    /// <summary>ICE-CONTROLLED tie-breaker (RFC 8445 §16.1).</summary>
    public bool TryGetIceControlled(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlled, out tieBreaker);

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 §14.2), IPv4 or IPv6.</summary>
    public bool TryGetXorMappedAddress([NotNullWhen(true)] out IPEndPoint? endPoint) =>
        TryGetAddress(StunAttributeType.XorMappedAddress, xor: true, out endPoint);

    /// <summary>MAPPED-ADDRESS (RFC 8489 §14.1), IPv4 or IPv6.</summary>
    public bool TryGetMappedAddress([NotNullWhen(true)] out IPEndPoint? endPoint) =>
        TryGetAddress(StunAttributeType.MappedAddress, xor: false, out endPoint);

    /// <summary>ERROR-CODE (RFC 8489 §14.8); class must be 3-6 and number 0-99.</summary>
    public bool TryGetErrorCode(out StunErrorCode error)
    {
        error = default;
        if (!TryGetAttribute(StunAttributeType.ErrorCode, out ReadOnlySpan<byte> value) || value.Length < 4)
        {
            return false;
        }

        int errorClass = value[2] & 0x07;
        int number = value[3];
        if (errorClass < 3 || errorClass > 6 || number > 99 || value.Length - 4 > MaxReasonBytes)
        {
            return false;
        }

        error = new StunErrorCode((errorClass * 100) + number, Encoding.UTF8.GetString(value[4..]));
        return true;
    }

    /// <summary>UNKNOWN-ATTRIBUTES (RFC 8489 §14.9): the list of 16-bit attribute types.</summary>
    public bool TryGetUnknownAttributes([NotNullWhen(true)] out StunAttributeType[]? types)
    {
        types = null;
        if (!TryGetAttribute(StunAttributeType.UnknownAttributes, out ReadOnlySpan<byte> value) || (value.Length & 1) != 0)
        {
            return false;
        }

        types = new StunAttributeType[value.Length / 2];
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = (StunAttributeType)BinaryPrimitives.ReadUInt16BigEndian(value[(2 * i)..]);
        }

        return true;
    }

    /// <summary>
    /// Comprehension-required attribute types (0x0000-0x7FFF) that are not in <paramref name="understood"/>;
    /// a server answers such a request with 420 listing them (RFC 8489 §6.3.1). Returns the number written.
    /// </summary>
    public int CollectUnknownComprehensionRequired(ReadOnlySpan<StunAttributeType> understood, Span<StunAttributeType> destination)
    {
        int written = 0;
        foreach (StunAttribute attribute in _attributes)
        {
            if (attribute.IsComprehensionRequired && !understood.Contains(attribute.Type)
                && !destination[..written].Contains(attribute.Type) && written < destination.Length)
            {
                destination[written++] = attribute.Type;
            }
        }

        return written;
    }

    private int IndexOf(StunAttributeType type)
    {
        for (int i = 0; i < _attributes.Length; i++)
        {
            if (_attributes[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }

    private bool TryGetText(StunAttributeType type, int maxBytes, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (!TryGetAttribute(type, out ReadOnlySpan<byte> value) || value.Length > maxBytes)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(value);
        return true;
    }

    private bool TryGetUInt64(StunAttributeType type, out ulong result)
    {
        result = 0;
        if (!TryGetAttribute(type, out ReadOnlySpan<byte> value) || value.Length != 8)
        {
            return false;
        }

        result = BinaryPrimitives.ReadUInt64BigEndian(value);
        return true;
    }

    private bool TryGetAddress(StunAttributeType type, bool xor, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        return TryGetAttribute(type, out ReadOnlySpan<byte> value)
            && StunAddressCodec.TryRead(value, xor, _raw.AsSpan(4, 16), out endPoint)
            && endPoint is not null;
    }
}
