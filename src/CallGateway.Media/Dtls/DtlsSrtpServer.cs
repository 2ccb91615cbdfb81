using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace CallGateway.Media.Dtls;

/// <summary>
/// BouncyCastle DTLS 1.2 server for WebRTC (RFC 8827 §6.5): requests and fingerprint-checks the client certificate,
/// selects the SRTP profile by our preference (RFC 5764 §4.1.1). A DTLS 1.3-capable ClientHello (supported_versions,
/// key_share) is answered with DTLS 1.2, which browsers accept.
/// </summary>
internal sealed class DtlsSrtpServer(TlsCrypto crypto, DtlsHandshakePolicy policy) : DefaultTlsServer(crypto)
{
    private UseSrtpData? _srtpAnswer;

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => DtlsCipherSuites.ForServer(Crypto);

    public override int GetHandshakeTimeoutMillis() => policy.HandshakeTimeoutMillis;

    public override int GetHandshakeResendTimeMillis() => policy.ResendMillis;

    public override bool RequiresExtendedMasterSecret() => policy.RequireExtendedMasterSecret;

    public override bool ShouldCheckSigAlgOfPeerCerts() => false;

    // Invalid records are discarded, not fatal (RFC 6347 §4.1.2.7); see DtlsSrtpClient.
    public override bool IgnoreCorruptDtlsRecords => true;

    public override void NotifySecureRenegotiation(bool secureRenegotiation)
    {
    }

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        policy.CreateSigner(m_context, m_context.SecurityParameters.ClientSigAlgs);

    // WebRTC authenticates both ends. Chrome needs ecdsa_sign here (it presents an ECDSA certificate); rsa_sign keeps
    // peers with RSA certificates working.
    public override CertificateRequest GetCertificateRequest() => new(
        [ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign],
        TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context),
        null);

    public override void NotifyClientCertificate(Certificate clientCertificate) =>
        policy.VerifyPeerCertificate(clientCertificate);

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        _srtpAnswer = policy.SelectSrtpProfile(clientExtensions);
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        IDictionary<int, byte[]> extensions = base.GetServerExtensions() ?? new Dictionary<int, byte[]>();
        if (_srtpAnswer is not null)
        {
            TlsSrtpUtilities.AddUseSrtpExtension(extensions, _srtpAnswer);
        }

        return extensions;
    }

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        policy.OnHandshakeComplete(m_context);
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause) =>
        policy.OnAlertRaised(alertLevel, alertDescription);

    public override void NotifyAlertReceived(short alertLevel, short alertDescription) =>
        policy.OnAlertReceived(alertLevel, alertDescription);
}
