using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsCertificateTests
{
    [Fact]
    public void Generate_Default_IsSelfSignedP256WithSha256Fingerprint()
    {
        using DtlsCertificate certificate = DtlsCertificate.Generate();
        using var parsed = X509CertificateLoader.LoadCertificate(certificate.RawData.Span);
        using ECDsa? key = parsed.GetECDsaPublicKey();

        Assert.NotNull(key);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, key.ExportParameters(false).Curve.Oid.Value);
        Assert.Equal("CN=CallGateway", parsed.Subject);
        Assert.Equal(parsed.Subject, parsed.Issuer);
        Assert.Equal("1.2.840.10045.4.3.2", parsed.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        Assert.Equal(DtlsHashFunction.Sha256, certificate.Fingerprint.HashFunction);
        Assert.True(certificate.Fingerprint.Matches(certificate.RawData.Span));
        Assert.Equal(
            Convert.ToHexString(SHA256.HashData(certificate.RawData.Span)),
            Convert.ToHexString(certificate.Fingerprint.Digest));
    }

    [Fact]
    public void Generate_TwoCertificates_HaveRandomPositiveSerialsAndDifferentFingerprints()
    {
        using DtlsCertificate first = DtlsCertificate.Generate();
        using DtlsCertificate second = DtlsCertificate.Generate();
        using var a = X509CertificateLoader.LoadCertificate(first.RawData.Span);
        using var b = X509CertificateLoader.LoadCertificate(second.RawData.Span);

        Assert.Equal(16, a.SerialNumberBytes.Length);
        Assert.True(a.SerialNumberBytes.Span[0] < 0x80); // big-endian, positive
        Assert.False(a.SerialNumberBytes.Span.SequenceEqual(b.SerialNumberBytes.Span));
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Generate_WithClockAndValidity_SetsShortValidityWindow()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using DtlsCertificate certificate = DtlsCertificate.Generate("gw-test", TimeSpan.FromDays(7), new FixedTimeProvider(now));
        using var parsed = X509CertificateLoader.LoadCertificate(certificate.RawData.Span);

        Assert.Equal("CN=gw-test", parsed.Subject);
        Assert.Equal(now.AddDays(7), certificate.NotAfter);
        Assert.Equal(now.AddDays(7).UtcDateTime, parsed.NotAfter.ToUniversalTime());
        Assert.True(certificate.NotBefore < now);
        Assert.Equal(certificate.NotBefore.UtcDateTime, parsed.NotBefore.ToUniversalTime());
    }

    [Fact]
    public void GetFingerprint_OtherHash_MatchesCertificate()
    {
        using DtlsCertificate certificate = DtlsCertificate.Generate();

        DtlsFingerprint sha1 = certificate.GetFingerprint(DtlsHashFunction.Sha1);

        Assert.Equal(20, sha1.Digest.Length);
        Assert.True(sha1.Matches(certificate.RawData.Span));
    }

    [Fact]
    public void Dispose_ThenUse_Throws()
    {
        DtlsCertificate certificate = DtlsCertificate.Generate();
        certificate.Dispose();

        Assert.Throws<ObjectDisposedException>(() => certificate.PrivateKey);
        Assert.Throws<ObjectDisposedException>(() =>
            certificate.CreateChain(new Org.BouncyCastle.Tls.Crypto.Impl.BC.BcTlsCrypto()));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
