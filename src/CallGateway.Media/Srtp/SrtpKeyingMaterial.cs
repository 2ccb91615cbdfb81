namespace CallGateway.Media.Srtp;

/// <summary>
/// Turns DTLS-SRTP exported keying material into the two <see cref="SrtpContext"/>s of a session (RFC 5764 §4.2).
/// </summary>
/// <remarks>
/// The DTLS layer exports <see cref="SrtpProfileExtensions.GetKeyingMaterialLength"/> octets with label
/// <see cref="ExporterLabel"/> and no context; they are laid out as
/// <code>
///  | client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt | server_write_SRTP_master_salt |
/// </code>
/// The DTLS client protects what it sends with the client_write pair, the server with the server_write pair.
/// </remarks>
public static class SrtpKeyingMaterial
{
    /// <summary>The TLS exporter label for DTLS-SRTP (RFC 5764 §4.2).</summary>
    public const string ExporterLabel = "EXTRACTOR-dtls_srtp";

    /// <summary>
    /// Creates the outbound (protect) and inbound (unprotect) contexts for our side of the session.
    /// The caller owns and disposes both.
    /// </summary>
    /// <param name="profile">The profile negotiated in the DTLS use_srtp extension.</param>
    /// <param name="keyingMaterial">The exported material, exactly <c>profile.GetKeyingMaterialLength()</c> octets.</param>
    /// <param name="isDtlsClient">True if we were the DTLS client (a=setup:active), false if the server.</param>
    /// <param name="outbound">Context for ProtectRtp/ProtectRtcp of what we send.</param>
    /// <param name="inbound">Context for UnprotectRtp/UnprotectRtcp of what we receive.</param>
    /// <param name="maxStreams">SSRC bound per context.</param>
    public static void CreateContexts(
        SrtpProfile profile,
        ReadOnlySpan<byte> keyingMaterial,
        bool isDtlsClient,
        out SrtpContext outbound,
        out SrtpContext inbound,
        int maxStreams = SrtpContext.DefaultMaxStreams)
    {
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile.");
        }

        if (keyingMaterial.Length != profile.GetKeyingMaterialLength())
        {
            throw new ArgumentException(
                $"{profile} needs {profile.GetKeyingMaterialLength()} octets of keying material.", nameof(keyingMaterial));
        }

        int keyLength = profile.GetMasterKeyLength();
        int saltLength = profile.GetMasterSaltLength();
        ReadOnlySpan<byte> clientKey = keyingMaterial[..keyLength];
        ReadOnlySpan<byte> serverKey = keyingMaterial.Slice(keyLength, keyLength);
        ReadOnlySpan<byte> clientSalt = keyingMaterial.Slice(2 * keyLength, saltLength);
        ReadOnlySpan<byte> serverSalt = keyingMaterial.Slice((2 * keyLength) + saltLength, saltLength);

        SrtpContext client = new(profile, clientKey, clientSalt, maxStreams);
        SrtpContext server;
        try
        {
            server = new SrtpContext(profile, serverKey, serverSalt, maxStreams);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        outbound = isDtlsClient ? client : server;
        inbound = isDtlsClient ? server : client;
    }
}
