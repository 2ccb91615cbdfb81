using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace CallGateway.Media.Dtls;

/// <summary>
/// Our DTLS identity: a self-signed ECDSA P-256 certificate made with .NET's
/// <see cref="System.Security.Cryptography.X509Certificates.CertificateRequest"/> and
/// handed to BouncyCastle as DER plus the PKCS#8 private key. WebRTC does not use PKI: the peer authenticates the
/// certificate only through the <see cref="Fingerprint"/> we publish in SDP (RFC 8827 §6.5, RFC 8122 §5).
/// </summary>
/// <remarks>
/// <para>Generation costs about 1 ms. WebRTC allows a long-lived certificate (browsers let applications persist one
/// through W3C <c>RTCCertificate</c>, 30 days by default), so the intended use is one instance per process or per
/// engine, shared by every call and regenerated before <see cref="NotAfter"/>; one per call also works. Instances are
/// immutable and safe to share between concurrent handshakes.</para>
/// <para><see cref="Dispose"/> makes the instance unusable and drops the key objects. BouncyCastle key parameters
/// cannot be zeroed in place, so the key stays in managed memory until collected; the intermediate PKCS#8 buffer is
/// zeroed right after import.</para>
/// </remarks>
public sealed class DtlsCertificate : IDisposable
{
    /// <summary>Subject common name used when none is given.</summary>
    public const string DefaultCommonName = "CallGateway";

    /// <summary>Validity used when none is given: short, as browsers do (30 days).</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(30);

    // Backdating tolerates peers whose clock is behind ours (validity is rarely checked in WebRTC, but cheap to get right).
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromDays(1);

    private readonly byte[] _der;
    private AsymmetricKeyParameter? _privateKey;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        _der = der;
        _privateKey = privateKey;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Fingerprint = DtlsFingerprint.Compute(der, DtlsHashFunction.Sha256);
    }

    /// <summary>The SHA-256 fingerprint to publish as <c>a=fingerprint</c> ("sha-256 AB:CD:...").</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>The DER-encoded certificate.</summary>
    public ReadOnlyMemory<byte> RawData => _der;

    /// <summary>Start of the validity period.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>End of the validity period; generate a new certificate before then.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>
    /// Generates a self-signed ECDSA P-256 / SHA-256 certificate with a random 128-bit serial number.
    /// </summary>
    /// <param name="commonName">Subject and issuer CN (no personal data: it is visible to the peer).</param>
    /// <param name="validity">Validity period; defaults to <see cref="DefaultValidity"/>.</param>
    /// <param name="timeProvider">Clock for the validity period; defaults to <see cref="TimeProvider.System"/>.</param>
    public static DtlsCertificate Generate(
        string commonName = DefaultCommonName, TimeSpan? validity = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        TimeSpan lifetime = validity ?? DefaultValidity;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(validity));

        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        DateTimeOffset notBefore = now - ClockSkewAllowance;
        DateTimeOffset notAfter = now + lifetime;

        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName("CN=" + commonName);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            subject, key, HashAlgorithmName.SHA256);

        // RFC 5280 §4.1.2.2: positive, at most 20 octets; 128 random bits make serials unpredictable.
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);

        using X509Certificate2 certificate = request.Create(
            subject, X509SignatureGenerator.CreateForECDsa(key), notBefore, notAfter, serial);

        byte[] pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            return new DtlsCertificate(certificate.RawData, PrivateKeyFactory.CreateKey(pkcs8), notBefore, notAfter);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>The fingerprint of this certificate with another hash function.</summary>
    public DtlsFingerprint GetFingerprint(DtlsHashFunction hashFunction) =>
        hashFunction == DtlsHashFunction.Sha256 ? Fingerprint : DtlsFingerprint.Compute(_der, hashFunction);

    /// <summary>Drops the private key; the instance can no longer be used for handshakes.</summary>
    public void Dispose() => _privateKey = null;

    /// <summary>The private key for BouncyCastle's signer.</summary>
    internal AsymmetricKeyParameter PrivateKey =>
        _privateKey ?? throw new ObjectDisposedException(nameof(DtlsCertificate));

    /// <summary>The certificate as a one-entry BouncyCastle chain bound to <paramref name="crypto"/>.</summary>
    internal Certificate CreateChain(TlsCrypto crypto)
    {
        ObjectDisposedException.ThrowIf(_privateKey is null, this);
        return new Certificate([crypto.CreateCertificate(_der)]);
    }
}
