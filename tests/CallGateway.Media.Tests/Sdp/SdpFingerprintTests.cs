using System.Security.Cryptography;
using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class SdpFingerprintTests
{
    [Theory]
    [InlineData("sha-256 46:14:2B:31:B1:9D:AF:15:81:E2:EF:45:B1:2B:96:3D:64:0E:63:F1:CC:9A:BD:88:D6:32:8F:E9:2A:13:3A:38", "sha-256", 32)]
    [InlineData("SHA-1 00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33", "SHA-1", 20)]
    [InlineData("x-new-hash AB", "x-new-hash", 1)]
    public void TryParse_Valid_SplitsHashAndValue(string text, string hash, int length)
    {
        Assert.True(SdpFingerprint.TryParse(text, out var fingerprint));

        Assert.Equal(hash, fingerprint.HashFunction);
        Assert.Equal(length, fingerprint.GetDigestBytes().Length);
        Assert.Equal(text, fingerprint.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-25635:47:24")] // Meta's copy with the space lost
    [InlineData("sha-256 AB:CD")] // wrong length for sha-256
    [InlineData("sha-256 AB:CD:")]
    [InlineData("sha-256 ABC:D")]
    [InlineData("sha-256 GG")]
    [InlineData("sha-256 AB CD")]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(SdpFingerprint.TryParse(text, out _));
    }

    [Fact]
    public void FromDigest_Sha256OfCertificate_RoundTripsAndMatches()
    {
        var digest = SHA256.HashData("certificate"u8);

        var fingerprint = SdpFingerprint.FromDigest("sha-256", digest);

        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint.Value);
        Assert.True(SdpFingerprint.TryParse(fingerprint.ToString(), out var parsed));
        Assert.Equal(digest, parsed.GetDigestBytes());
        Assert.True(parsed.Matches("SHA-256", digest));
        Assert.False(parsed.Matches("sha-1", digest));
        digest[0] ^= 1;
        Assert.False(parsed.Matches("sha-256", digest));
    }
}
