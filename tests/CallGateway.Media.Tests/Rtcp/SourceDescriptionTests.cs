using CallGateway.Media.Rtcp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class SourceDescriptionTests
{
    [Fact]
    public void TryWriteCname_RealCaptureCname_ReproducesCapturedBytes()
    {
        byte[] captured = Hex(RealCompound)[32..84];
        var buffer = new byte[64];

        Assert.True(SourceDescription.TryWriteCname(buffer, 0x902f9e2e, RealCname, out int written));

        Assert.Equal(captured, buffer[..written]);
    }

    [Fact]
    public void TryWriteCname_LengthNeedingFourEndOctets_PadsToBoundary()
    {
        // RFC 3550 §6.5: SSRC, CNAME=1, length 2, "ab", END, then zero padding to 32 bits:
        // 2 + 2 + 1 = 5 octets -> 8. Header: SC=1, PT=202, length 3 (16 octets).
        var buffer = new byte[16];

        Assert.True(SourceDescription.TryWriteCname(buffer, 0x11223344, "ab", out int written));

        Assert.Equal(16, written);
        Assert.Equal(Hex("81CA0003 11223344 01026162 00000000"), buffer);
    }

    [Fact]
    public void TryParse_SeveralChunksAndNonCnameItems_ReturnsCnamePerChunk()
    {
        // Chunk 1 (octets 4..15): NAME (2) "x", CNAME "c1", END at octet 15 (already on the boundary, no padding).
        // Chunk 2 (octets 16..23): no CNAME, only TOOL (6) "t", END at octet 23.
        byte[] packet = Hex("82CA0005 00000001 020178 01026331 00 00000002 060174 00");

        Assert.True(SourceDescription.TryParse(packet, out SourceDescription? sdes));

        Assert.Equal(
            [new SourceDescriptionChunk(1, "c1"), new SourceDescriptionChunk(2, null)],
            sdes.Chunks);
    }

    [Fact]
    public void TryWrite_Chunks_RoundTrip()
    {
        var sdes = new SourceDescription
        {
            Chunks = [new SourceDescriptionChunk(5, "alice@example.org"), new SourceDescriptionChunk(6, "ü")],
        };
        var buffer = new byte[128];

        Assert.True(sdes.TryWrite(buffer, out int written));
        Assert.Equal(sdes.GetLength(), written);

        Assert.True(SourceDescription.TryParse(buffer.AsSpan(0, written), out SourceDescription? parsed));
        Assert.Equal(sdes.Chunks, parsed.Chunks);
    }

    [Theory]
    [InlineData("81CA0002 00000001 0105")] // item length runs past the end
    [InlineData("81CA0002 00000001 01026162")] // no END octet
    [InlineData("82CA0002 00000001 00000000")] // SC=2, one chunk
    public void TryParse_Malformed_ReturnsFalse(string hex)
    {
        Assert.False(SourceDescription.TryParse(Hex(hex), out _));
    }

    [Fact]
    public void TryWriteCname_TooLongOrEmpty_ReturnsFalse()
    {
        var buffer = new byte[512];

        Assert.False(SourceDescription.TryWriteCname(buffer, 1, new string('x', 256), out _));
        Assert.False(SourceDescription.TryWriteCname(buffer, 1, string.Empty, out _));
        Assert.False(new SourceDescription { Chunks = [new SourceDescriptionChunk(1, null)] }.TryWrite(buffer, out _));
    }
}
