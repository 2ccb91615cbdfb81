using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Srtp;

/// <summary>
/// SRTP protection profiles this stack implements. The numeric values are the IANA "DTLS-SRTP Protection Profiles"
/// identifiers carried in the DTLS <c>use_srtp</c> extension (RFC 5764 §4.1.2, RFC 7714 §14.2), so a negotiated
/// profile id can be cast directly.
/// </summary>
public enum SrtpProfile
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2): AES-128 counter mode, HMAC-SHA1 tag truncated to 80 bits.</summary>
    [SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
        Justification = "Mirrors the IANA name SRTP_AES128_CM_HMAC_SHA1_80; 'Sha180' would misread as a hash size.")]
    AesCm128HmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM (RFC 7714 §14.2): AES-128-GCM with a 16-octet tag and a 12-octet salt.</summary>
    AeadAes128Gcm = 0x0007,
}
