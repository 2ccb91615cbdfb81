using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Srtp;

public class AesCounterModeTests
{
    // RFC 3711 Appendix B.2: AES-CM keystream with session key 2B7E1516..., session salt F0F1...FD,
    // so IV = F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000. The RFC lists the first three blocks and the three at
    // counter 0xFEFF..0xFF01, i.e. octet offsets 0xFEFF * 16 .. (keystream segment of 1,044,512 octets).
    [Theory]
    [InlineData(0x0000, "E03EAD0935C95E80E166B16DD92B4EB4")]
    [InlineData(0x0001, "D23513162B02D0F72A43A2FE4A5F97AB")]
    [InlineData(0x0002, "41E95B3BB0A2E8DD477901E4FCA894C0")]
    [InlineData(0xFEFF, "EC8CDF7398607CB0F2D21675EA9EA1E4")]
    [InlineData(0xFF00, "362B7C3C6773516318A077D7FC5073AE")]
    [InlineData(0xFF01, "6A2CC3787889374FBEB4C81B17BA6C44")]
    public void GenerateKeystream_Rfc3711B2_MatchesBlock(int block, string expectedHex)
    {
        using var aes = new AesCounterMode(SrtpTestPackets.Hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[(0xFF01 + 1) * 16];

        aes.GenerateKeystream(SrtpTestPackets.Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(expectedHex, Convert.ToHexString(keystream, block * 16, 16));
    }

    [Fact]
    public void Xor_TwiceWithSameIv_RestoresData()
    {
        using var aes = new AesCounterMode(new byte[16]);
        var iv = new byte[16];
        iv[3] = 9;
        var data = new byte[1500];
        new Random(7).NextBytes(data);
        byte[] original = (byte[])data.Clone();

        aes.Xor(iv, data);
        Assert.NotEqual(original, data);
        aes.Xor(iv, data);

        Assert.Equal(original, data);
    }

    [Fact]
    public void Xor_UnalignedLengths_MatchKeystreamPrefix()
    {
        using var aes = new AesCounterMode(SrtpTestPackets.Hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] iv = SrtpTestPackets.Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        var keystream = new byte[2100];
        aes.GenerateKeystream(iv, keystream);

        foreach (int length in new[] { 0, 1, 15, 17, 31, 33, 1023, 1024, 1025, 2100 })
        {
            var data = new byte[length];
            aes.Xor(iv, data);
            Assert.Equal(keystream.AsSpan(0, length).ToArray(), data);
        }
    }
}
