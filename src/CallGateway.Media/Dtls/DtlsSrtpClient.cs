using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace CallGateway.Media.Dtls;

/// <summary>
/// BouncyCastle DTLS 1.2 client for WebRTC (RFC 8827 §6.5): offers use_srtp (RFC 5764 §4.1.1), authenticates the
/// server by fingerprint during the handshake, and presents our certificate when asked (WebRTC is mutual).
/// </summary>
internal sealed class DtlsSrtpClient(TlsCrypto crypto, DtlsHandshakePolicy policy) : DefaultTlsClient(crypto)
{
    public DtlsHandshakePolicy Policy => policy;

    // BC 2.7.0 has no DTLS 1.3; offering it makes Connect fail before sending anything.
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => DtlsCipherSuites.ForClient(Crypto);

    // BC's default handshake timeout is 0 = infinite.
    public override int GetHandshakeTimeoutMillis() => policy.HandshakeTimeoutMillis;

    public override int GetHandshakeResendTimeMillis() => policy.ResendMillis;

    // BC negotiates EMS whenever the peer offers it (ShouldUseExtendedMasterSecret is true by default).
    public override bool RequiresExtendedMasterSecret() => policy.RequireExtendedMasterSecret;

    // The certificate is authenticated by fingerprint, not by its own signature (peers sign with what they like).
    public override bool ShouldCheckSigAlgOfPeerCerts() => false;

    // RFC 6347 §4.1.2.7: invalid records are discarded, not fatal; one forged datagram must not end the call.
    // BC 2.7.0's record layer already drops bad-MAC records itself; this keeps DtlsTransport lenient as well.
    public override bool IgnoreCorruptDtlsRecords => true;

    // pion and werift send no renegotiation_info; we never renegotiate, so its absence is harmless.
    public override void NotifySecureRenegotiation(bool secureRenegotiation)
    {
    }

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        IDictionary<int, byte[]> extensions = base.GetClientExtensions() ?? new Dictionary<int, byte[]>();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, policy.CreateSrtpOffer());
        if (policy.ExtraClientHelloExtensions is { } extra)
        {
            foreach (KeyValuePair<int, byte[]> extension in extra)
            {
                extensions[extension.Key] = extension.Value;
            }
        }

        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        policy.AcceptSrtpSelection(serverExtensions);
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        policy.OnHandshakeComplete(m_context);
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause) =>
        policy.OnAlertRaised(alertLevel, alertDescription);

    public override void NotifyAlertReceived(short alertLevel, short alertDescription) =>
        policy.OnAlertReceived(alertLevel, alertDescription);

    private sealed class Authentication(DtlsSrtpClient client) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
            client.Policy.VerifyPeerCertificate(serverCertificate.Certificate);

        // Only ecdsa_sign fits our certificate; without it we send an empty Certificate and let the server decide.
        public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest) =>
            Array.IndexOf(certificateRequest.CertificateTypes, ClientCertificateType.ecdsa_sign) < 0
                ? null
                : client.Policy.CreateSigner(client.m_context, certificateRequest.SupportedSignatureAlgorithms);
    }
}
