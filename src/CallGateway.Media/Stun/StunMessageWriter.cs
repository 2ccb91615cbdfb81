using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace CallGateway.Media.Stun;

/// <summary>
/// Writes one STUN message (RFC 8489 §5, §14) into a caller-provided buffer without allocating.
/// </summary>
/// <remarks>
/// Usage: construct with the buffer and header fields, add attributes in wire order, then optionally
/// <see cref="AddMessageIntegrity"/> and <see cref="AddFingerprint"/> (in that order, last), then
/// <see cref="TryComplete"/>. Running out of room is sticky: further adds do nothing and <see cref="TryComplete"/>
/// returns false, so the hot path needs no per-call checks. Adding anything after FINGERPRINT, or anything but
/// FINGERPRINT after MESSAGE-INTEGRITY, is a programming error and throws. The header length is kept current after
/// every attribute. <paramref name="padding"/> fills the bytes after a value up to the 32-bit boundary; RFC 8489
/// allows any value and RFC 5769's vectors use 0x20.
/// </remarks>
/// <param name="buffer">Destination; 548 bytes (the IPv4 minimum MTU payload) is ample for ICE checks.</param>
/// <param name="messageClass">Request, indication or response class.</param>
/// <param name="method">The method (Binding).</param>
/// <param name="transactionId">The transaction ID; a response echoes the request's.</param>
/// <param name="padding">The padding byte.</param>
public ref struct StunMessageWriter(
    Span<byte> buffer, StunMessageClass messageClass, StunMethod method, StunTransactionId transactionId, byte padding = 0)
{
    private readonly Span<byte> _buffer = buffer;
    private readonly byte _padding = padding;
    private int _length = InitHeader(buffer, messageClass, method, transactionId);
    private bool _hasIntegrity;
    private bool _hasFingerprint;

    /// <summary>Bytes written so far (header included), or -1 after an overflow.</summary>
    public readonly int Length => _length;

    /// <summary>True once an attribute did not fit (or the buffer was smaller than a header).</summary>
    public readonly bool Overflowed => _length < 0;

    /// <summary>Adds an attribute with raw value bytes (e.g. REALM, NONCE or any unknown type).</summary>
    public void AddAttribute(StunAttributeType type, ReadOnlySpan<byte> value)
    {
        Span<byte> slot = Reserve(type, value.Length);
        value.CopyTo(slot);
    }

    /// <summary>USERNAME (RFC 8489 §14.3), UTF-8, at most 513 bytes.</summary>
    public void AddUsername(string username) => AddText(StunAttributeType.Username, username, 513);

    /// <summary>SOFTWARE (RFC 8489 §14.14), UTF-8, at most 763 bytes.</summary>
    public void AddSoftware(string software) => AddText(StunAttributeType.Software, software, 763);

    /// <summary>PRIORITY (RFC 8445 §16.1).</summary>
    public void AddPriority(uint priority)
    {
        Span<byte> slot = Reserve(StunAttributeType.Priority, 4);
        if (slot.Length == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(slot, priority);
        }
    }

    /// <summary>USE-CANDIDATE (RFC 8445 §16.1), which has no value.</summary>
    public void AddUseCandidate() => Reserve(StunAttributeType.UseCandidate, 0);

    /// <summary>ICE-CONTROLLING with the agent's tie-breaker (RFC 8445 §16.1).</summary>
    public void AddIceControlling(ulong tieBreaker) => AddUInt64(StunAttributeType.IceControlling, tieBreaker);

    /// <summary>ICE-CONTROLLED with the agent's tie-breaker (RFC 8445 §16.1).</summary>
    public void AddIceControlled(ulong tieBreaker) => AddUInt64(StunAttributeType.IceControlled, tieBreaker);

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 §14.2).</summary>
    public void AddXorMappedAddress(IPEndPoint endPoint) => AddAddress(StunAttributeType.XorMappedAddress, endPoint, xor: true);

    /// <summary>MAPPED-ADDRESS (RFC 8489 §14.1).</summary>
    public void AddMappedAddress(IPEndPoint endPoint) => AddAddress(StunAttributeType.MappedAddress, endPoint, xor: false);

    /// <summary>ERROR-CODE (RFC 8489 §14.8); <paramref name="code"/> must be 300-699.</summary>
    public void AddErrorCode(int code, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 699);
        ArgumentNullException.ThrowIfNull(reason);
        int reasonLength = Encoding.UTF8.GetByteCount(reason);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reasonLength, 763, nameof(reason));
        Span<byte> slot = Reserve(StunAttributeType.ErrorCode, 4 + reasonLength);
        if (slot.Length == 4 + reasonLength)
        {
            slot[0] = 0;
            slot[1] = 0;
            slot[2] = (byte)(code / 100);
            slot[3] = (byte)(code % 100);
            Encoding.UTF8.GetBytes(reason, slot[4..]);
        }
    }

    /// <summary>UNKNOWN-ATTRIBUTES (RFC 8489 §14.9).</summary>
    public void AddUnknownAttributes(ReadOnlySpan<StunAttributeType> types)
    {
        Span<byte> slot = Reserve(StunAttributeType.UnknownAttributes, 2 * types.Length);
        for (int i = 0; i < types.Length && slot.Length == 2 * types.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(slot[(2 * i)..], (ushort)types[i]);
        }
    }

    /// <summary>
    /// MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 with <paramref name="key"/> over the message so far, with the
    /// header length already counting this attribute.
    /// </summary>
    public void AddMessageIntegrity(ReadOnlySpan<byte> key)
    {
        EnsureOpen();
        if (Overflowed || _buffer.Length - _length < 4 + StunIntegrity.HmacLength)
        {
            _length = -1;
            return;
        }

        int start = _length;
        SetLengthField(start + 4 + StunIntegrity.HmacLength);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[start..], (ushort)StunAttributeType.MessageIntegrity);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(start + 2)..], StunIntegrity.HmacLength);
        StunIntegrity.ComputeHmacInPlace(key, _buffer[..start], _buffer.Slice(start + 4, StunIntegrity.HmacLength));
        _length = start + 4 + StunIntegrity.HmacLength;
        _hasIntegrity = true;
    }

    /// <summary>FINGERPRINT (RFC 8489 §14.7); must be the last attribute.</summary>
    public void AddFingerprint()
    {
        if (_hasFingerprint)
        {
            throw new InvalidOperationException("FINGERPRINT is already the last attribute.");
        }

        if (Overflowed || _buffer.Length - _length < 8)
        {
            _length = -1;
            _hasFingerprint = true;
            return;
        }

        int start = _length;
        SetLengthField(start + 8);
        uint crc = StunIntegrity.ComputeFingerprint(_buffer[..start]);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[start..], (ushort)StunAttributeType.Fingerprint);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(start + 2)..], 4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[(start + 4)..], crc);
        _length = start + 8;
        _hasFingerprint = true;
    }

    /// <summary>Finishes the message: false when it did not fit.</summary>
    public readonly bool TryComplete(out int written)
    {
        written = Math.Max(_length, 0);
        return _length >= 0;
    }

    private static int InitHeader(Span<byte> buffer, StunMessageClass messageClass, StunMethod method, StunTransactionId id)
    {
        if (buffer.Length < StunMessage.HeaderLength)
        {
            return -1;
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer, StunMessageType.Encode(messageClass, method));
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunMessage.MagicCookie);
        id.WriteTo(buffer[8..]);
        return StunMessage.HeaderLength;
    }

    private void AddUInt64(StunAttributeType type, ulong value)
    {
        Span<byte> slot = Reserve(type, 8);
        if (slot.Length == 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(slot, value);
        }
    }

    private void AddText(StunAttributeType type, string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        int byteCount = Encoding.UTF8.GetByteCount(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(byteCount, maxBytes, nameof(text));
        Span<byte> slot = Reserve(type, byteCount);
        if (slot.Length == byteCount)
        {
            Encoding.UTF8.GetBytes(text, slot);
        }
    }

    private void AddAddress(StunAttributeType type, IPEndPoint endPoint, bool xor)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        Span<byte> slot = Reserve(type, StunAddressCodec.ValueLength(endPoint));
        if (!slot.IsEmpty)
        {
            StunAddressCodec.Write(slot, endPoint, xor, _buffer.Slice(4, 16));
        }
    }

    /// <summary>Writes the attribute header and padding; returns the value slot (empty on overflow).</summary>
    private Span<byte> Reserve(StunAttributeType type, int valueLength)
    {
        EnsureOpen();
        if (_hasIntegrity)
        {
            throw new InvalidOperationException("Only FINGERPRINT may follow MESSAGE-INTEGRITY.");
        }

        int padded = (valueLength + 3) & ~3;
        if (Overflowed || _buffer.Length - _length < 4 + padded || _length + 4 + padded - StunMessage.HeaderLength > ushort.MaxValue)
        {
            _length = -1;
            return [];
        }

        int start = _length;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[start..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(start + 2)..], (ushort)valueLength);
        _buffer.Slice(start + 4 + valueLength, padded - valueLength).Fill(_padding);
        _length = start + 4 + padded;
        SetLengthField(_length);
        return _buffer.Slice(start + 4, valueLength);
    }

    private readonly void SetLengthField(int totalLength) =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)(totalLength - StunMessage.HeaderLength));

    private readonly void EnsureOpen()
    {
        if (_hasFingerprint)
        {
            throw new InvalidOperationException("FINGERPRINT must be the last attribute.");
        }
    }
}
