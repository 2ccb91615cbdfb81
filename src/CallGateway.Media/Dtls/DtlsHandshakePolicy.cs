using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CallGateway.Media.Dtls;

/// <summary>
/// The WebRTC rules shared by <see cref="DtlsSrtpClient"/> and <see cref="DtlsSrtpServer"/> (they derive from
/// different BouncyCastle bases, so the logic lives here): fingerprint authentication (RFC 8122 §5, RFC 8827 §6.5),
/// use_srtp negotiation (RFC 5764 §4.1), key export (RFC 5764 §4.2), and a record of why things failed or ended.
/// One instance per handshake. Written by BouncyCastle's thread; the session reads it after that thread finished
/// or from inside BouncyCastle callbacks, so plain fields suffice except where marked volatile.
/// </summary>
internal sealed class DtlsHandshakePolicy
{
    private readonly DtlsFingerprint[] _acceptedRemote;
    private readonly IReadOnlyList<DtlsSrtpProfile> _profiles;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private volatile bool _closeNotifyReceived;
    private volatile int _receivedFatalAlert = -1;
    private volatile int _raisedFatalAlert = -1;

    public DtlsHandshakePolicy(
        DtlsRole role, DtlsCertificate local, IReadOnlyList<DtlsFingerprint> acceptedRemote, DtlsOptions options)
    {
        Role = role;
        Local = local;
        _acceptedRemote = [.. acceptedRemote];
        _profiles = options.GetEffectiveSrtpProfiles();
        HandshakeTimeoutMillis = (int)options.HandshakeTimeout.TotalMilliseconds;
        ResendMillis = (int)options.RetransmitTimeout.TotalMilliseconds;
        RequireExtendedMasterSecret = options.RequireExtendedMasterSecret;
        ExtraClientHelloExtensions = options.ExtraClientHelloExtensions;
    }

    public DtlsRole Role { get; }

    public DtlsCertificate Local { get; }

    public int HandshakeTimeoutMillis { get; }

    public int ResendMillis { get; }

    public bool RequireExtendedMasterSecret { get; }

    public IReadOnlyDictionary<int, byte[]>? ExtraClientHelloExtensions { get; }

    /// <summary>Our own classification of a failure we detected (first one wins).</summary>
    public DtlsFailureReason? LocalFailure { get; private set; }

    public string? LocalFailureDetail { get; private set; }

    public bool CloseNotifyReceived => _closeNotifyReceived;

    public byte? ReceivedFatalAlert => _receivedFatalAlert < 0 ? null : (byte)_receivedFatalAlert;

    public byte? RaisedFatalAlert => _raisedFatalAlert < 0 ? null : (byte)_raisedFatalAlert;

    /// <summary>Set once the handshake completed and keys were exported.</summary>
    public DtlsHandshakeResult? Result { get; private set; }

    /// <summary>Runs after every alert (BouncyCastle thread); the session uses it to notice closure.</summary>
    public Action? AlertObserved { get; set; }

    /// <summary>
    /// Checks the peer's end-entity certificate against the expected fingerprints during the handshake, so a wrong
    /// peer is stopped before any key is derived. Throws bad_certificate (RFC 5246 §7.2.2) on mismatch.
    /// </summary>
    public void VerifyPeerCertificate(Certificate? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw Fail(DtlsFailureReason.NoPeerCertificate, AlertDescription.bad_certificate, "peer sent no certificate");
        }

        byte[] der = chain.GetCertificateAt(0).GetEncoded();
        foreach (DtlsFingerprint expected in _acceptedRemote)
        {
            if (expected.Matches(der))
            {
                return;
            }
        }

        throw Fail(DtlsFailureReason.FingerprintMismatch, AlertDescription.bad_certificate,
            "peer certificate does not match the a=fingerprint from SDP");
    }

    /// <summary>Our use_srtp offer (client): all profiles in preference order, empty MKI (RFC 8827 §6.5).</summary>
    public UseSrtpData CreateSrtpOffer()
    {
        int[] ids = new int[_profiles.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = (int)_profiles[i];
        }

        return new UseSrtpData(ids, TlsUtilities.EmptyBytes);
    }

    /// <summary>
    /// Server side of RFC 5764 §4.1.1: pick the first of OUR preferred profiles the client offered and answer with
    /// exactly that one and an empty MKI. Fails with handshake_failure when use_srtp is missing or nothing matches.
    /// </summary>
    public UseSrtpData SelectSrtpProfile(IDictionary<int, byte[]>? clientExtensions)
    {
        UseSrtpData? offer = clientExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions);
        if (offer is null)
        {
            throw Fail(DtlsFailureReason.NoCommonSrtpProfile, AlertDescription.handshake_failure,
                "client did not offer use_srtp");
        }

        foreach (DtlsSrtpProfile profile in _profiles)
        {
            if (Array.IndexOf(offer.ProtectionProfiles, (int)profile) >= 0)
            {
                SelectedProfile = profile;
                return new UseSrtpData([(int)profile], TlsUtilities.EmptyBytes);
            }
        }

        throw Fail(DtlsFailureReason.NoCommonSrtpProfile, AlertDescription.handshake_failure,
            "no SRTP protection profile in common");
    }

    /// <summary>
    /// Client side of RFC 5764 §4.1.1: the server must select exactly one profile we offered, with an empty MKI.
    /// </summary>
    public void AcceptSrtpSelection(IDictionary<int, byte[]>? serverExtensions)
    {
        UseSrtpData? answer = serverExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        if (answer is null)
        {
            throw Fail(DtlsFailureReason.NoCommonSrtpProfile, AlertDescription.handshake_failure,
                "server did not select an SRTP profile");
        }

        int[] selected = answer.ProtectionProfiles;
        if (selected.Length != 1 || !IsOffered(selected[0]) || answer.Mki.Length != 0)
        {
            throw Fail(DtlsFailureReason.NoCommonSrtpProfile, AlertDescription.illegal_parameter,
                "server's use_srtp must select one offered profile with an empty MKI");
        }

        SelectedProfile = (DtlsSrtpProfile)selected[0];
    }

    public DtlsSrtpProfile? SelectedProfile { get; private set; }

    /// <summary>Our ECDSA signer, using the hash the peer prefers among those it listed (sha256 when offered).</summary>
    public TlsCredentialedSigner CreateSigner(TlsContext context, IList<SignatureAndHashAlgorithm>? peerAlgorithms)
    {
        var crypto = (BcTlsCrypto)context.Crypto;
        SignatureAndHashAlgorithm algorithm =
            TlsUtilities.ChooseSignatureAndHashAlgorithm(context, peerAlgorithms, SignatureAlgorithm.ecdsa);
        return new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context), crypto, Local.PrivateKey, Local.CreateChain(crypto), algorithm);
    }

    /// <summary>Exports the SRTP keying material (RFC 5764 §4.2) and records the negotiated parameters.</summary>
    public void OnHandshakeComplete(TlsContext context)
    {
        DtlsSrtpProfile profile = SelectedProfile
            ?? throw Fail(DtlsFailureReason.NoCommonSrtpProfile, AlertDescription.internal_error, "no SRTP profile");
        SecurityParameters parameters = context.SecurityParameters;
        byte[] material = context.ExportKeyingMaterial(
            ExporterLabel.dtls_srtp, null, profile.GetKeyingMaterialLength());
        try
        {
            DtlsSrtpKeys keys = DtlsSrtpKeys.FromKeyingMaterial(profile, Role, material);
            byte[] peerDer = parameters.PeerCertificate.GetCertificateAt(0).GetEncoded();
            Result = new DtlsHandshakeResult(
                Role, keys, parameters.CipherSuite, parameters.NegotiatedVersion.Name,
                parameters.IsExtendedMasterSecret, DtlsFingerprint.Compute(peerDer, DtlsHashFunction.Sha256),
                Stopwatch.GetElapsedTime(_startTimestamp));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public void OnAlertReceived(short level, short description)
    {
        if (level == AlertLevel.fatal)
        {
            _receivedFatalAlert = description;
        }
        else if (description == AlertDescription.close_notify)
        {
            _closeNotifyReceived = true;
        }

        AlertObserved?.Invoke();
    }

    public void OnAlertRaised(short level, short description)
    {
        if (level == AlertLevel.fatal)
        {
            _raisedFatalAlert = description;
        }

        AlertObserved?.Invoke();
    }

    private bool IsOffered(int profileId)
    {
        foreach (DtlsSrtpProfile profile in _profiles)
        {
            if ((int)profile == profileId)
            {
                return true;
            }
        }

        return false;
    }

    private TlsFatalAlert Fail(DtlsFailureReason reason, short alert, string detail)
    {
        if (LocalFailure is null)
        {
            LocalFailure = reason;
            LocalFailureDetail = detail;
        }

        return new TlsFatalAlert(alert, detail);
    }
}
