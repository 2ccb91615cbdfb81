namespace CallGateway.Media.Srtp;

/// <summary>
/// Transform parameters of each <see cref="SrtpProfile"/> (RFC 5764 §4.1.2 for AES-CM, RFC 7714 §14.2 for GCM).
/// </summary>
public static class SrtpProfileExtensions
{
    /// <summary>True for the profiles <see cref="SrtpContext"/> can run.</summary>
    public static bool IsSupported(this SrtpProfile profile) =>
        profile is SrtpProfile.AesCm128HmacSha1_80 or SrtpProfile.AeadAes128Gcm;

    /// <summary>Master key length in octets (both profiles use AES-128).</summary>
    public static int GetMasterKeyLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 16,
        SrtpProfile.AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Master salt length in octets: 112 bits for AES-CM (RFC 3711 §8.2), 96 bits for GCM (RFC 7714 §14.2).</summary>
    public static int GetMasterSaltLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 14,
        SrtpProfile.AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Authentication tag length in octets appended to every SRTP and SRTCP packet.</summary>
    public static int GetAuthTagLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 10,
        SrtpProfile.AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Octets SRTP adds to an RTP packet (the tag): the spare room ProtectRtp needs after the packet.</summary>
    public static int GetRtpOverhead(this SrtpProfile profile) => profile.GetAuthTagLength();

    /// <summary>Octets SRTCP adds to an RTCP packet: the tag plus the 4-octet E flag and SRTCP index.</summary>
    public static int GetRtcpOverhead(this SrtpProfile profile) => profile.GetAuthTagLength() + 4;

    /// <summary>
    /// Length of the DTLS-SRTP keying material to export for this profile (RFC 5764 §4.2):
    /// two master keys followed by two master salts.
    /// </summary>
    public static int GetKeyingMaterialLength(this SrtpProfile profile) =>
        2 * (profile.GetMasterKeyLength() + profile.GetMasterSaltLength());
}
