using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsFingerprintTests
{
    private static readonly byte[] VectorCertificate =
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Dtls", "fingerprint-vector.der"));

    // TestData/Dtls/fingerprint-vector.der is a P-256 certificate made with OpenSSL 3.0.19; the expected values were
    // computed independently with `openssl x509 -inform DER -noout -fingerprint -<hash>` (RFC 8122 §5: hash of the DER).
    [Theory]
    [InlineData(DtlsHashFunction.Sha1, "sha-1 42:03:F6:5A:B8:8B:B7:6C:50:82:8E:14:95:A8:3E:FA:D4:48:78:25")]
    [InlineData(DtlsHashFunction.Sha224, "sha-224 17:62:00:06:D8:AE:80:CF:21:74:BA:A1:10:8A:2F:9E:7E:D8:8E:14:BF:B2:E5:B8:82:7F:D6:1F")]
    [InlineData(DtlsHashFunction.Sha256, "sha-256 63:34:38:F0:59:EA:43:74:85:A1:CC:BD:D6:E9:83:E7:E2:E1:EC:51:F6:B1:F1:17:C1:86:E2:26:0A:E7:FA:15")]
    [InlineData(DtlsHashFunction.Sha384, "sha-384 93:5F:3C:AD:55:3B:8F:98:52:0E:46:58:F8:62:F7:36:EB:9F:30:96:5D:CE:3E:D5:F6:70:5D:0B:02:98:18:2B:51:3D:93:DF:15:9D:4D:7E:1C:70:C7:E4:CB:42:BB:4E")]
    [InlineData(DtlsHashFunction.Sha512, "sha-512 86:E7:C4:F6:10:E4:37:A8:DE:65:AB:9B:12:E7:07:56:E6:F9:59:14:60:C7:62:C3:A5:9D:43:95:7B:73:26:D5:E0:85:32:80:C6:6A:02:EA:D6:0B:F7:A5:A9:9D:E0:5D:78:90:2B:EB:E3:50:89:68:33:AD:79:DC:AE:64:CC:F8")]
    public void Compute_OpenSslVector_MatchesSdpForm(DtlsHashFunction hash, string expected)
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Compute(VectorCertificate, hash);

        Assert.Equal(expected, fingerprint.ToString());
        Assert.Equal(hash, fingerprint.HashFunction);
        Assert.True(DtlsFingerprint.Parse(expected).Matches(VectorCertificate));
    }

    // RFC 4572 §5 / RFC 8122 §5 example attribute value, and an intact Meta Calling API sample.
    [Theory]
    [InlineData("SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", DtlsHashFunction.Sha1,
        "sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB")]
    [InlineData("sha-256 43:08:34:16:67:E3:D9:A2:F5:AA:6A:AE:03:97:C8:D5:B8:F2:4B:40:79:C8:1A:44:53:69:4B:9C:89:88:D7:22",
        DtlsHashFunction.Sha256,
        "sha-256 43:08:34:16:67:E3:D9:A2:F5:AA:6A:AE:03:97:C8:D5:B8:F2:4B:40:79:C8:1A:44:53:69:4B:9C:89:88:D7:22")]
    [InlineData("  Sha-256\t43:08:34:16:67:e3:d9:a2:f5:aa:6a:ae:03:97:c8:d5:b8:f2:4b:40:79:c8:1a:44:53:69:4b:9c:89:88:d7:22 ",
        DtlsHashFunction.Sha256,
        "sha-256 43:08:34:16:67:E3:D9:A2:F5:AA:6A:AE:03:97:C8:D5:B8:F2:4B:40:79:C8:1A:44:53:69:4B:9C:89:88:D7:22")]
    public void TryParse_ValidValue_ParsesAndFormatsCanonically(string value, DtlsHashFunction hash, string canonical)
    {
        Assert.True(DtlsFingerprint.TryParse(value, out DtlsFingerprint? fingerprint));

        Assert.Equal(hash, fingerprint.HashFunction);
        Assert.Equal(DtlsFingerprint.GetDigestLength(hash), fingerprint.Digest.Length);
        Assert.Equal(canonical, fingerprint.ToString());
        Assert.Equal(fingerprint, DtlsFingerprint.Parse(canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-256 ")]
    [InlineData("md5 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B")] // not in our set (RFC 8122 deprecates md5/md2)
    [InlineData("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C")] // 19 octets
    [InlineData("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:01")] // 21 octets
    [InlineData("sha-1 4AA:D:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB")] // misplaced colon, right length
    [InlineData("sha-1 4A-AD-B9-B1-3F-82-18-3B-54-02-12-DF-3E-5D-49-6B-19-E5-7C-AB")] // wrong separator
    [InlineData("sha-1 4G:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB")] // not hex
    [InlineData("sha-2561B:B6:6B:40:A5:0B:8C:75:0D:8C:CB:90:2F:99:74:1E:26:45:AE:AF:45:C1:51:60:8F:73:C9:2D:10:6D:8A:88")] // copy-damaged Meta sample
    [InlineData("sha-3 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB")]
    public void TryParse_InvalidValue_ReturnsFalse(string value)
    {
        Assert.False(DtlsFingerprint.TryParse(value, out DtlsFingerprint? fingerprint));
        Assert.Null(fingerprint);
        Assert.Throws<FormatException>(() => DtlsFingerprint.Parse(value));
    }

    [Fact]
    public void Matches_OtherCertificate_ReturnsFalse()
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Compute(VectorCertificate, DtlsHashFunction.Sha256);
        byte[] tampered = (byte[])VectorCertificate.Clone();
        tampered[^1] ^= 0x01;

        Assert.True(fingerprint.Matches(VectorCertificate));
        Assert.False(fingerprint.Matches(tampered));
    }

    [Theory]
    [InlineData(DtlsHashFunction.Sha1, DtlsHashFunction.Sha256, false)]
    [InlineData(DtlsHashFunction.Sha224, DtlsHashFunction.Sha256, false)]
    [InlineData(DtlsHashFunction.Sha256, DtlsHashFunction.Sha256, true)]
    [InlineData(DtlsHashFunction.Sha512, DtlsHashFunction.Sha256, true)]
    [InlineData(DtlsHashFunction.Sha1, DtlsHashFunction.Sha1, true)]
    public void MeetsMinimum_ComparesStrength(DtlsHashFunction hash, DtlsHashFunction minimum, bool expected)
    {
        Assert.Equal(expected, DtlsFingerprint.Compute(VectorCertificate, hash).MeetsMinimum(minimum));
    }

    [Fact]
    public void FromDigest_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => DtlsFingerprint.FromDigest(DtlsHashFunction.Sha256, new byte[20]));
        Assert.Equal(
            DtlsFingerprint.Compute(VectorCertificate, DtlsHashFunction.Sha1),
            DtlsFingerprint.FromDigest(DtlsHashFunction.Sha1, DtlsFingerprint.Compute(VectorCertificate, DtlsHashFunction.Sha1).Digest));
    }

    [Fact]
    public void TryParse_RandomAndMutatedInput_NeverThrows()
    {
        var random = new Random(8122);
        string valid = DtlsFingerprint.Compute(VectorCertificate, DtlsHashFunction.Sha256).ToString();
        const string Alphabet = "sha-1256384 :ABCDEFabcdef0123456789\tG-";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            char[] chars;
            if (i % 2 == 0)
            {
                chars = valid.ToCharArray();
                int edits = random.Next(1, 4);
                for (int e = 0; e < edits; e++)
                {
                    chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                }

                chars = chars[..random.Next(chars.Length + 1)];
            }
            else
            {
                chars = new char[random.Next(0, 120)];
                for (int c = 0; c < chars.Length; c++)
                {
                    chars[c] = Alphabet[random.Next(Alphabet.Length)];
                }
            }

            if (DtlsFingerprint.TryParse(chars, out DtlsFingerprint? parsed))
            {
                accepted++;
                Assert.True(DtlsFingerprint.TryParse(parsed.ToString(), out DtlsFingerprint? again));
                Assert.Equal(parsed, again);
            }
        }

        // Some mutations only flip hex case or digits and stay valid; most do not.
        Assert.InRange(accepted, 1, 19_999);
    }
}
