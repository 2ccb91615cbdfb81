using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Srtp;

public class SrtpKeyDerivationTests
{
    private const string MasterKey = "E1F97A0D3E018BE0D64FA32C06DE4139";
    private const string MasterSalt = "0EC675AD498AFEEBB6960B3AABE6";

    // RFC 3711 Appendix B.3: key derivation with kdr = 0 and index 0.
    // Label 0 = cipher key, label 2 = cipher salt, label 1 = the full 94-octet auth key the RFC prints.
    [Theory]
    [InlineData(SrtpKeyDerivation.LabelRtpEncryption, "C61E7A93744F39EE10734AFE3FF7A087")]
    [InlineData(SrtpKeyDerivation.LabelRtpSalt, "30CBBC08863D8C85D49DB34A9AE1")]
    [InlineData(
        SrtpKeyDerivation.LabelRtpAuthentication,
        "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
        "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
        "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2")]
    public void Derive_Rfc3711B3_MatchesSessionKey(byte label, string expectedHex)
    {
        var output = new byte[expectedHex.Length / 2];

        SrtpKeyDerivation.Derive(SrtpTestPackets.Hex(MasterKey), SrtpTestPackets.Hex(MasterSalt), label, output);

        Assert.Equal(expectedHex, Convert.ToHexString(output));
    }

    [Fact]
    public void Derive_TwelveOctetSalt_EqualsFourteenOctetSaltPaddedWithZeros()
    {
        // RFC 7714 §11: the 96-bit AEAD master salt occupies the leftmost 96 bits of the 112-bit PRF input.
        byte[] key = SrtpTestPackets.Hex("000102030405060708090A0B0C0D0E0F");
        byte[] salt12 = SrtpTestPackets.Hex("A0A1A2A3A4A5A6A7A8A9AAAB");
        byte[] salt14 = SrtpTestPackets.Hex("A0A1A2A3A4A5A6A7A8A9AAAB0000");
        var a = new byte[16];
        var b = new byte[16];

        SrtpKeyDerivation.Derive(key, salt12, SrtpKeyDerivation.LabelRtcpEncryption, a);
        SrtpKeyDerivation.Derive(key, salt14, SrtpKeyDerivation.LabelRtcpEncryption, b);

        Assert.Equal(b, a);
    }

    [Fact]
    public void Derive_DifferentLabels_GiveDifferentKeys()
    {
        byte[] key = SrtpTestPackets.Hex(MasterKey);
        byte[] salt = SrtpTestPackets.Hex(MasterSalt);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (byte label = 0; label <= 5; label++)
        {
            var output = new byte[16];
            SrtpKeyDerivation.Derive(key, salt, label, output);
            keys.Add(Convert.ToHexString(output));
        }

        Assert.Equal(6, keys.Count);
    }
}
