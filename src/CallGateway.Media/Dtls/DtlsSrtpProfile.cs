using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Dtls;

/// <summary>
/// SRTP protection profiles negotiated with the DTLS <c>use_srtp</c> extension. The numeric values are the IANA
/// "DTLS-SRTP Protection Profiles" identifiers (RFC 5764 §4.1.2, RFC 7714 §14.2) and match
/// <c>CallGateway.Media.Srtp.SrtpProfile</c>, so the SRTP layer can cast the negotiated value.
/// RFC 8827 §6.5 makes SRTP_AES128_CM_HMAC_SHA1_80 mandatory and recommends SRTP_AEAD_AES_128_GCM.
/// </summary>
public enum DtlsSrtpProfile
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80 (0x0001): 16-octet master key, 14-octet master salt.</summary>
    [SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
        Justification = "Mirrors the RFC name's tag length suffix and CallGateway.Media.Srtp.SrtpProfile.")]
    AesCm128HmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM (0x0007): 16-octet master key, 12-octet master salt (RFC 7714 §14.2).</summary>
    AeadAes128Gcm = 0x0007,
}
