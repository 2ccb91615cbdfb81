using CallGateway.Media.Rtcp;
using static CallGateway.Media.Tests.Rtcp.RtcpTestData;

namespace CallGateway.Media.Tests.Rtcp;

public class RtcpCompoundParserTests
{
    [Fact]
    public void TryReadNext_RealCapture_YieldsAllPacketsAndParsesKnownTypes()
    {
        byte[] compound = Hex(RealCompound);
        var parser = new RtcpCompoundParser(compound);
        var types = new List<RtcpPacketType>();
        var offsets = new List<int>();
        int offset = 0;
        ReceiverReport? rr = null;
        SourceDescription? sdes = null;
        Goodbye? bye = null;

        while (parser.TryReadNext(out RtcpHeader header, out ReadOnlySpan<byte> packet))
        {
            types.Add(header.PacketType);
            offsets.Add(offset);
            offset += packet.Length;
            switch (header.PacketType)
            {
                case RtcpPacketType.ReceiverReport:
                    Assert.True(ReceiverReport.TryParse(packet, out rr));
                    break;
                case RtcpPacketType.SourceDescription:
                    Assert.True(SourceDescription.TryParse(packet, out sdes));
                    break;
                case RtcpPacketType.Goodbye:
                    Assert.True(Goodbye.TryParse(packet, out bye));
                    break;
            }
        }

        Assert.False(parser.IsMalformed);
        Assert.Equal(
            [RtcpPacketType.ReceiverReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye,
             RtcpPacketType.PayloadFeedback, RtcpPacketType.TransportFeedback, RtcpPacketType.ApplicationDefined],
            types);
        Assert.Equal([0, 32, 84, 92, 104, 116], offsets);
        Assert.Equal(compound.Length, offset);

        Assert.NotNull(rr);
        Assert.Equal(0x902f9e2eu, rr.Ssrc);
        ReportBlock block = Assert.Single(rr.ReportBlocks);
        Assert.Equal(new ReportBlock(0xbc5e9a40, 0, 0, 0x46e1, 273, 0x09f36432, 150137), block);
        Assert.NotNull(sdes);
        Assert.Equal(new SourceDescriptionChunk(0x902f9e2e, RealCname), Assert.Single(sdes.Chunks));
        Assert.NotNull(bye);
        Assert.Equal([0x902f9e2eu], bye.Sources);
        Assert.Null(bye.Reason);
        Assert.True(RtcpCompoundParser.IsValid(compound));
        Assert.True(RtcpCompoundParser.StartsWithReport(compound));
    }

    [Theory]
    [InlineData("")]
    [InlineData("81c90007 902f9e2e")] // length says 32 octets, 8 present
    [InlineData("41c90001 902f9e2e")] // version 1
    [InlineData("81c90001 902f9e2e 81")] // trailing partial header
    [InlineData("a1c90001 902f9e2e")] // P=1 but last octet (0x2e = 46) exceeds the packet
    [InlineData("a0c90001 902f9e00")] // P=1 with padding count 0
    public void IsValid_Malformed_ReturnsFalse(string hex)
    {
        Assert.False(RtcpCompoundParser.IsValid(Hex(hex)));
    }

    [Fact]
    public void TryReadNext_ValidThenTruncated_YieldsValidPacketThenStops()
    {
        byte[] compound = Hex("80c90001 902f9e2e 81ca0005 902f9e2e");
        var parser = new RtcpCompoundParser(compound);

        Assert.True(parser.TryReadNext(out RtcpHeader first, out _));
        Assert.Equal(RtcpPacketType.ReceiverReport, first.PacketType);
        Assert.False(parser.TryReadNext(out _, out _));
        Assert.True(parser.IsMalformed);
    }

    [Fact]
    public void TryReadNext_PaddedLastPacket_IncludesPaddingInPacket()
    {
        // RR with no blocks, P=1 and 4 padding octets (count 4 in the last octet).
        byte[] compound = Hex("a0c90002 902f9e2e 00000004");
        var parser = new RtcpCompoundParser(compound);

        Assert.True(parser.TryReadNext(out RtcpHeader header, out ReadOnlySpan<byte> packet));
        Assert.True(header.Padding);
        Assert.Equal(12, packet.Length);
        Assert.True(ReceiverReport.TryParse(packet, out ReceiverReport? rr));
        Assert.Empty(rr.ReportBlocks);
    }

    [Fact]
    public void StartsWithReport_ReducedSizeFeedbackOnly_ReturnsFalseButIsValid()
    {
        // RFC 5506: a lone PSFB PLI is a valid (reduced-size) RTCP packet.
        byte[] pli = Hex("81ce0002 902f9e2e 902f9e2e");

        Assert.True(RtcpCompoundParser.IsValid(pli));
        Assert.False(RtcpCompoundParser.StartsWithReport(pli));
    }

    [Fact]
    public void AllParsers_SeededRandomAndMutatedInput_NeverThrow()
    {
        var random = new Random(5506);
        byte[] real = Hex(RealCompound);
        var buffer = new byte[real.Length + 16];
        int packetsSeen = 0;
        for (int i = 0; i < 20_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
                if (length > 0 && i % 4 == 0)
                {
                    buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F));
                }
            }
            else
            {
                length = random.Next(real.Length + 1);
                real.AsSpan(0, length).CopyTo(buffer);
                for (int f = random.Next(1, 4); f > 0 && length > 0; f--)
                {
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }
            }

            var parser = new RtcpCompoundParser(buffer.AsSpan(0, length));
            int consumed = 0;
            while (parser.TryReadNext(out RtcpHeader header, out ReadOnlySpan<byte> packet))
            {
                packetsSeen++;
                consumed += packet.Length;
                Assert.Equal(header.PacketLength, packet.Length);
                _ = SenderReport.TryParse(packet, out _);
                _ = ReceiverReport.TryParse(packet, out _);
                _ = SourceDescription.TryParse(packet, out _);
                _ = Goodbye.TryParse(packet, out _);
            }

            Assert.Equal(!parser.IsMalformed, consumed == length && length > 0);
        }

        Assert.True(packetsSeen > 1000);
    }
}
