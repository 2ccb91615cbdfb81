namespace CallGateway.Media.Dtls;

/// <summary>
/// Key sizes of each <see cref="DtlsSrtpProfile"/>, used to size and split the exported keying material
/// (RFC 5764 §4.1.2 for AES-CM, RFC 7714 §14.2 for AEAD-GCM).
/// </summary>
public static class DtlsSrtpProfileExtensions
{
    /// <summary>True for the profiles this layer can negotiate and export keys for.</summary>
    public static bool IsDefined(this DtlsSrtpProfile profile) =>
        profile is DtlsSrtpProfile.AesCm128HmacSha1_80 or DtlsSrtpProfile.AeadAes128Gcm;

    /// <summary>SRTP master key length in octets.</summary>
    public static int GetMasterKeyLength(this DtlsSrtpProfile profile) => profile switch
    {
        DtlsSrtpProfile.AesCm128HmacSha1_80 => 16,
        DtlsSrtpProfile.AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown DTLS-SRTP protection profile."),
    };

    /// <summary>SRTP master salt length in octets (112 bits for AES-CM, 96 bits for GCM).</summary>
    public static int GetMasterSaltLength(this DtlsSrtpProfile profile) => profile switch
    {
        DtlsSrtpProfile.AesCm128HmacSha1_80 => 14,
        DtlsSrtpProfile.AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown DTLS-SRTP protection profile."),
    };

    /// <summary>
    /// Octets to export with the "EXTRACTOR-dtls_srtp" label (RFC 5764 §4.2): two master keys and two master salts.
    /// </summary>
    public static int GetKeyingMaterialLength(this DtlsSrtpProfile profile) =>
        2 * (profile.GetMasterKeyLength() + profile.GetMasterSaltLength());

    /// <summary>The profile's RFC name, e.g. "SRTP_AEAD_AES_128_GCM".</summary>
    public static string GetRfcName(this DtlsSrtpProfile profile) => profile switch
    {
        DtlsSrtpProfile.AesCm128HmacSha1_80 => "SRTP_AES128_CM_HMAC_SHA1_80",
        DtlsSrtpProfile.AeadAes128Gcm => "SRTP_AEAD_AES_128_GCM",
        _ => "0x" + ((int)profile).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
    };
}
