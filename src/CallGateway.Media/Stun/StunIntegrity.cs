using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace CallGateway.Media.Stun;

/// <summary>
/// The two STUN message checks: MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 §14.5) and FINGERPRINT
/// (CRC-32 XOR 0x5354554E, RFC 8489 §14.7).
/// </summary>
internal static class StunIntegrity
{
    /// <summary>XOR applied to the CRC so that FINGERPRINT differs from other protocols' CRCs (RFC 8489 §14.7).</summary>
    public const uint FingerprintXor = 0x5354554E;

    public const int HmacLength = 20;

    private const int StackLimit = 512;

    /// <summary>
    /// HMAC-SHA1 over <paramref name="prefix"/> (the message up to, not including, the MESSAGE-INTEGRITY attribute)
    /// with the header's length field replaced by <paramref name="lengthField"/>, which must count up to the end of
    /// MESSAGE-INTEGRITY. The message is copied so the caller's bytes are never modified.
    /// </summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 8489 §14.5 defines MESSAGE-INTEGRITY as HMAC-SHA1; ICE (RFC 8445) requires it.")]
    public static void ComputeHmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> prefix, int lengthField, Span<byte> destination)
    {
        byte[]? rented = null;
        Span<byte> copy = prefix.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(prefix.Length));
        copy = copy[..prefix.Length];
        prefix.CopyTo(copy);
        BinaryPrimitives.WriteUInt16BigEndian(copy[2..], (ushort)lengthField);
        HMACSHA1.HashData(key, copy, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>HMAC-SHA1 of a buffer whose length field is already final (used by the writer in place).</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 8489 §14.5 defines MESSAGE-INTEGRITY as HMAC-SHA1; ICE (RFC 8445) requires it.")]
    public static void ComputeHmacInPlace(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination) =>
        HMACSHA1.HashData(key, message, destination);

    /// <summary>CRC-32 (IEEE) of <paramref name="prefix"/>, XORed with 0x5354554E.</summary>
    public static uint ComputeFingerprint(ReadOnlySpan<byte> prefix) => Crc32.HashToUInt32(prefix) ^ FingerprintXor;
}
