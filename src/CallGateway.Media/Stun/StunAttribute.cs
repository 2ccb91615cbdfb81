namespace CallGateway.Media.Stun;

/// <summary>
/// Location of one attribute inside a parsed <see cref="StunMessage"/> (RFC 8489 §14). The value bytes are read with
/// <see cref="StunMessage.GetValue(StunAttribute)"/>; the padding that follows the value is not part of it.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |         Type                  |            Length             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Value (variable)                ....  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// Length excludes the padding to the next 32-bit boundary.
/// </remarks>
/// <param name="Type">Attribute type (unknown types keep their numeric value).</param>
/// <param name="ValueOffset">Offset of the value from the start of the message.</param>
/// <param name="Length">Value length in bytes, without padding.</param>
public readonly record struct StunAttribute(StunAttributeType Type, int ValueOffset, int Length)
{
    /// <summary>
    /// True for types 0x0000-0x7FFF, which a receiver must understand or reject with 420 (RFC 8489 §14).
    /// </summary>
    public bool IsComprehensionRequired => (ushort)Type < 0x8000;
}
