using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CallGateway.Media.Stun;

/// <summary>MESSAGE-INTEGRITY and FINGERPRINT verification (RFC 8489 §14.5, §14.7).</summary>
public sealed partial class StunMessage
{
    /// <summary>True when MESSAGE-INTEGRITY is present.</summary>
    public bool HasMessageIntegrity => _integrityIndex >= 0;

    /// <summary>True when FINGERPRINT is present (it is then the last attribute).</summary>
    public bool HasFingerprint => _fingerprintIndex >= 0;

    /// <summary>
    /// Verifies MESSAGE-INTEGRITY: HMAC-SHA1 with <paramref name="key"/> over the message up to the attribute, with
    /// the header length counting up to the end of MESSAGE-INTEGRITY (so a FINGERPRINT after it is excluded).
    /// The comparison is constant-time. False when the attribute is absent.
    /// </summary>
    /// <param name="key">Short-term: the UTF-8 password; long-term: MD5(username:realm:password)
    /// (see <see cref="StunCredentials"/>).</param>
    public bool VerifyMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (_integrityIndex < 0)
        {
            return false;
        }

        StunAttribute integrity = _attributes[_integrityIndex];
        int attributeStart = integrity.ValueOffset - 4;
        int lengthField = attributeStart - HeaderLength + 4 + StunIntegrity.HmacLength;
        Span<byte> computed = stackalloc byte[StunIntegrity.HmacLength];
        StunIntegrity.ComputeHmac(key, _raw.AsSpan(0, attributeStart), lengthField, computed);
        return CryptographicOperations.FixedTimeEquals(computed, GetValue(integrity));
    }

    /// <summary>
    /// Verifies FINGERPRINT: CRC-32 of the message up to the attribute, XOR 0x5354554E. Because FINGERPRINT is the
    /// last attribute, the header length as received already includes it. False when absent.
    /// </summary>
    public bool VerifyFingerprint()
    {
        if (_fingerprintIndex < 0)
        {
            return false;
        }

        StunAttribute fingerprint = _attributes[_fingerprintIndex];
        uint expected = StunIntegrity.ComputeFingerprint(_raw.AsSpan(0, fingerprint.ValueOffset - 4));
        return BinaryPrimitives.ReadUInt32BigEndian(GetValue(fingerprint)) == expected;
    }
}
