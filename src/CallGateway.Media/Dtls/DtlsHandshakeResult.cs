namespace CallGateway.Media.Dtls;

/// <summary>
/// What a successful DTLS-SRTP handshake produced: the SRTP keys for our role and the negotiated parameters
/// (diagnostics only; nothing here is secret except <see cref="SrtpKeys"/>).
/// </summary>
public sealed class DtlsHandshakeResult
{
    internal DtlsHandshakeResult(
        DtlsRole role, DtlsSrtpKeys srtpKeys, int cipherSuite, string protocolVersion, bool extendedMasterSecret,
        DtlsFingerprint remoteCertificateFingerprint, TimeSpan elapsed)
    {
        Role = role;
        SrtpKeys = srtpKeys;
        CipherSuite = cipherSuite;
        ProtocolVersion = protocolVersion;
        ExtendedMasterSecret = extendedMasterSecret;
        RemoteCertificateFingerprint = remoteCertificateFingerprint;
        Elapsed = elapsed;
    }

    /// <summary>Our role in the handshake.</summary>
    public DtlsRole Role { get; }

    /// <summary>Negotiated SRTP profile and the master keys and salts for our role. The receiver owns (disposes) it.</summary>
    public DtlsSrtpKeys SrtpKeys { get; }

    /// <summary>The negotiated profile (same as <c>SrtpKeys.Profile</c>).</summary>
    public DtlsSrtpProfile SrtpProfile => SrtpKeys.Profile;

    /// <summary>IANA TLS cipher suite number, e.g. 0xC02B.</summary>
    public int CipherSuite { get; }

    /// <summary>IANA name of the cipher suite, e.g. "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256".</summary>
    public string CipherSuiteName => DtlsCipherSuites.GetName(CipherSuite);

    /// <summary>The negotiated protocol version, "DTLS 1.2".</summary>
    public string ProtocolVersion { get; }

    /// <summary>True when the extended master secret (RFC 7627) was negotiated.</summary>
    public bool ExtendedMasterSecret { get; }

    /// <summary>SHA-256 fingerprint of the certificate the peer presented (it matched the expected one).</summary>
    public DtlsFingerprint RemoteCertificateFingerprint { get; }

    /// <summary>Handshake duration measured around BouncyCastle's Connect/Accept.</summary>
    public TimeSpan Elapsed { get; }
}
