using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpHeaderTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // RFC 3550 §5.1 layout, built by hand:
    // 0x92 = V=2 P=0 X=1 CC=2; 0xEF = M=1 PT=111; seq 0x1234; ts 0xDECAFBAD; SSRC 0xCAFEBABE;
    // CSRCs 0x0000000A, 0x0000000B; extension profile 0xBEDE, length 1 word: element ID 1 (audio level) 0x10 0xAA + 2 pad.
    private const string WithCsrcsAndExtension =
        "92 EF 1234 DECAFBAD CAFEBABE 0000000A 0000000B BEDE 0001 10AA0000";

    [Fact]
    public void TryParse_CsrcsAndExtension_ReadsEveryField()
    {
        byte[] packet = Hex(WithCsrcsAndExtension + " 01020304");

        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header, out int headerLength));

        Assert.Equal(12 + 8 + 4 + 4, headerLength);
        Assert.Equal(headerLength, header.Length);
        Assert.False(header.Padding);
        Assert.True(header.Marker);
        Assert.Equal(111, header.PayloadType);
        Assert.Equal(0x1234, header.SequenceNumber);
        Assert.Equal(0xDECAFBADu, header.Timestamp);
        Assert.Equal(0xCAFEBABEu, header.Ssrc);
        Assert.Equal(2, header.CsrcCount);
        Assert.Equal(0x0Au, header.GetCsrc(0));
        Assert.Equal(0x0Bu, header.GetCsrc(1));
        Assert.True(header.HasExtension);
        Assert.Equal(OneByteHeaderExtension.Profile, header.ExtensionProfile);
        Assert.Equal(Hex("10AA0000"), header.ExtensionData.ToArray());
    }

    [Fact]
    public void TryWrite_ParsedHeader_ReproducesBytes()
    {
        byte[] packet = Hex(WithCsrcsAndExtension);
        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header, out _));
        var output = new byte[64];

        Assert.True(header.TryWrite(output, out int written));

        Assert.Equal(packet, output[..written]);
    }

    [Fact]
    public void TryWrite_MinimalHeader_MatchesRfcLayout()
    {
        var header = new RtpHeader { PayloadType = 0, SequenceNumber = 1, Timestamp = 160, Ssrc = 0x01020304 };
        var output = new byte[12];

        Assert.True(header.TryWrite(output, out int written));

        Assert.Equal(12, written);
        Assert.Equal(Hex("8000 0001 000000A0 01020304"), output);
    }

    [Fact]
    public void TryWrite_InvalidFieldsOrSmallDestination_ReturnsFalse()
    {
        var output = new byte[64];
        Assert.False(new RtpHeader { PayloadType = 128 }.TryWrite(output, out _));
        Assert.False(new RtpHeader { CsrcBytes = new byte[6] }.TryWrite(output, out _));
        Assert.False(new RtpHeader { CsrcBytes = new byte[64] }.TryWrite(new byte[128], out _));
        Assert.False(new RtpHeader { HasExtension = true, ExtensionData = new byte[3] }.TryWrite(output, out _));
        Assert.False(new RtpHeader { ExtensionData = new byte[4] }.TryWrite(output, out _));
        Assert.False(new RtpHeader { PayloadType = 96 }.TryWrite(new byte[11], out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80 6F 1234 DECAFBAD CAFEBA")] // 11 octets
    [InlineData("40 6F 1234 DECAFBAD CAFEBABE")] // version 1
    [InlineData("C0 6F 1234 DECAFBAD CAFEBABE")] // version 3
    [InlineData("81 6F 1234 DECAFBAD CAFEBABE 000000")] // CC=1, CSRC cut short
    [InlineData("90 6F 1234 DECAFBAD CAFEBABE BEDE00")] // X=1, extension word cut short
    [InlineData("90 6F 1234 DECAFBAD CAFEBABE BEDE 0002 10AA0000")] // extension says 2 words, 1 present
    [InlineData("A0 6F 1234 DECAFBAD CAFEBABE")] // P=1 but no padding octet
    [InlineData("A0 6F 1234 DECAFBAD CAFEBABE 0102 00")] // padding count 0
    [InlineData("A0 6F 1234 DECAFBAD CAFEBABE 0102 04")] // padding count 4 > 3 octets after the header
    public void TryParse_Malformed_ReturnsFalse(string hex)
    {
        Assert.False(RtpHeader.TryParse(Hex(hex), out _, out int headerLength));
        Assert.Equal(0, headerLength);
    }

    [Fact]
    public void TryParse_SeededRandomAndMutatedInput_NeverThrows()
    {
        var random = new Random(3550);
        byte[] valid = Hex(WithCsrcsAndExtension + " 0102030405060708");
        var buffer = new byte[96];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(0, buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
            }
            else
            {
                length = random.Next(0, valid.Length + 1);
                valid.AsSpan(0, length).CopyTo(buffer);
                buffer[random.Next(Math.Max(1, length))] ^= (byte)(1 << random.Next(8));
            }

            ReadOnlySpan<byte> input = buffer.AsSpan(0, length);
            if (RtpPacket.TryParse(input, out RtpPacket packet))
            {
                accepted++;
                Assert.Equal(length, packet.Header.Length + packet.Payload.Length + packet.PaddingLength);
                Assert.Equal(2, input[0] >> 6);
            }
        }

        Assert.InRange(accepted, 1, 19_999);
    }
}
