using System.Security.Cryptography;

namespace CallGateway.Media.Srtp;

/// <summary>
/// The stateless cryptographic transform of one SRTP profile, keyed with the session keys of one direction.
/// Replay windows, rollover counters and SRTCP indices live in <see cref="SrtpContext"/>; this type only encrypts,
/// decrypts and authenticates given the packet index. Not thread-safe (it reuses native cipher contexts and scratch).
/// </summary>
internal abstract class SrtpCipher : IDisposable
{
    /// <summary>The E flag in the SRTCP trailer word (RFC 3711 §3.4).</summary>
    public const uint SrtcpEncryptedFlag = 0x8000_0000;

    /// <summary>The largest SRTCP index (31 bits).</summary>
    public const uint MaxSrtcpIndex = 0x7FFF_FFFF;

    public abstract int TagLength { get; }

    /// <summary>
    /// Derives the six session keys of <paramref name="profile"/> from the master key and salt (RFC 3711 §4.3,
    /// RFC 7714 §11) and builds the transform. Derived key material is zeroed once the primitives hold it.
    /// </summary>
    public static SrtpCipher Create(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile.");
        }

        if (masterKey.Length != profile.GetMasterKeyLength() || masterSalt.Length != profile.GetMasterSaltLength())
        {
            throw new ArgumentException(
                $"{profile} needs a {profile.GetMasterKeyLength()}-octet master key and a {profile.GetMasterSaltLength()}-octet master salt.");
        }

        using var prf = new AesCounterMode(masterKey);
        int saltLength = profile.GetMasterSaltLength();
        Span<byte> keys = stackalloc byte[2 * (16 + SrtpAesCmCipher.AuthKeyLength + 14)];
        try
        {
            Span<byte> rtpKey = keys[..16];
            Span<byte> rtcpKey = keys.Slice(16, 16);
            Span<byte> rtpSalt = keys.Slice(32, saltLength);
            Span<byte> rtcpSalt = keys.Slice(46, saltLength);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtpEncryption, rtpKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtcpEncryption, rtcpKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtpSalt, rtpSalt);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtcpSalt, rtcpSalt);
            if (profile == SrtpProfile.AeadAes128Gcm)
            {
                // AEAD profiles need no separate authentication keys (RFC 7714 §11).
                return new SrtpAesGcmCipher(rtpKey, rtpSalt, rtcpKey, rtcpSalt);
            }

            Span<byte> rtpAuth = keys.Slice(60, SrtpAesCmCipher.AuthKeyLength);
            Span<byte> rtcpAuth = keys.Slice(80, SrtpAesCmCipher.AuthKeyLength);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtpAuthentication, rtpAuth);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.LabelRtcpAuthentication, rtcpAuth);
            return new SrtpAesCmCipher(rtpKey, rtpAuth, rtpSalt, rtcpKey, rtcpAuth, rtcpSalt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keys);
        }
    }

    /// <summary>Octets ProtectRtcp appends: tag plus the E||SRTCP-index word.</summary>
    public int SrtcpTrailerLength => TagLength + 4;

    /// <summary>
    /// Encrypts the payload of <paramref name="packet"/> (header + payload) in place and writes the tag.
    /// </summary>
    public abstract void EncryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, Span<byte> tag);

    /// <summary>
    /// Verifies <paramref name="tag"/> over <paramref name="packet"/> (header + encrypted payload) and, only if it
    /// verifies, decrypts the payload in place. Returns false on a tag mismatch.
    /// </summary>
    public abstract bool DecryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ReadOnlySpan<byte> tag);

    /// <summary>
    /// Encrypts the RTCP packet in <paramref name="buffer"/>[..length] (E = 1) and appends the trailer.
    /// The caller has checked the room. Returns the protected length.
    /// </summary>
    public abstract int EncryptRtcp(Span<byte> buffer, int length, uint ssrc, uint index);

    /// <summary>Reads the E||index word of an SRTCP packet; the caller has checked the minimum length.</summary>
    public abstract uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet);

    /// <summary>
    /// Authenticates the SRTCP packet and, when the E flag is set, decrypts it in place.
    /// Returns false on a tag mismatch; on success the plain RTCP is <paramref name="packet"/>[..(length - trailer)].
    /// </summary>
    public abstract bool DecryptRtcp(Span<byte> packet, uint ssrc, uint indexWord);

    public abstract void Dispose();
}
