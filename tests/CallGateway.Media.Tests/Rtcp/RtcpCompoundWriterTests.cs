using CallGateway.Media.Rtcp;
using CallGateway.Media.Rtp;
using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Rtcp;

public class RtcpCompoundWriterTests
{
    private static readonly SenderReport Sr = new()
    {
        Ssrc = 0x0A0B0C0D,
        NtpTimestamp = 0xE0000000_00000000,
        RtpTimestamp = 48000,
        PacketCount = 50,
        OctetCount = 4000,
        ReportBlocks = [new ReportBlock(0x99, 3, 4, 1000, 12, 0, 0)],
    };

    [Fact]
    public void TryWriteReport_SenderReport_WritesSrThenSdesCname()
    {
        var buffer = new byte[128];

        Assert.True(RtcpCompoundWriter.TryWriteReport(buffer, Sr, null, "gw", out int written));

        // SR 52 octets + SDES (4 + 4 + pad4(2 + 2 + 1) = 16).
        Assert.Equal(52 + 16, written);
        var parser = new RtcpCompoundParser(buffer.AsSpan(0, written));
        Assert.True(parser.TryReadNext(out RtcpHeader first, out ReadOnlySpan<byte> srPacket));
        Assert.True(SenderReport.TryParse(srPacket, out SenderReport? sr));
        Assert.Equal(Sr.ReportBlocks, sr.ReportBlocks);
        Assert.True(parser.TryReadNext(out RtcpHeader second, out ReadOnlySpan<byte> sdesPacket));
        Assert.True(SourceDescription.TryParse(sdesPacket, out SourceDescription? sdes));
        Assert.Equal(new SourceDescriptionChunk(Sr.Ssrc, "gw"), Assert.Single(sdes.Chunks));
        Assert.False(parser.TryReadNext(out _, out _));
        Assert.False(parser.IsMalformed);
        Assert.Equal(RtcpPacketType.SenderReport, first.PacketType);
        Assert.Equal(RtcpPacketType.SourceDescription, second.PacketType);
    }

    [Fact]
    public void Append_ReceiverReportSdesBye_ParsesBackInOrder()
    {
        var buffer = new byte[128];
        var writer = new RtcpCompoundWriter(buffer);

        Assert.True(writer.TryAppend(new ReceiverReport { Ssrc = 7 }));
        Assert.True(writer.TryAppendCname(7, "cname-7"));
        Assert.True(writer.TryAppend(new Goodbye { Sources = [7], Reason = "hangup" }));

        var types = new List<RtcpPacketType>();
        var parser = new RtcpCompoundParser(buffer.AsSpan(0, writer.Written));
        while (parser.TryReadNext(out RtcpHeader header, out _))
        {
            types.Add(header.PacketType);
        }

        Assert.False(parser.IsMalformed);
        Assert.Equal([RtcpPacketType.ReceiverReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye], types);
    }

    [Fact]
    public void TryAppend_NoRoom_WritesNothingAndKeepsPosition()
    {
        var buffer = new byte[60];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAppend(Sr));

        Assert.False(writer.TryAppendCname(Sr.Ssrc, "a-much-longer-cname"));
        Assert.Equal(52, writer.Written);
        Assert.Equal(new byte[8], buffer[52..]);
        Assert.False(RtcpCompoundWriter.TryWriteReport(buffer, Sr, null, "a-much-longer-cname", out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(SrtpProfile.AesCm128HmacSha1_80)]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    public void TryWriteReport_ThroughSrtcpAndMux_ParsesBack(SrtpProfile profile)
    {
        var key = new byte[profile.GetMasterKeyLength()];
        var salt = new byte[profile.GetMasterSaltLength()];
        key[0] = 1;
        using var sender = new SrtpContext(profile, key, salt);
        using var receiver = new SrtpContext(profile, key, salt);
        var buffer = new byte[256];
        Assert.True(RtcpCompoundWriter.TryWriteReport(buffer, Sr, null, "gw", out int plainLength));

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(buffer, plainLength, out int protectedLength));
        Assert.True(RtcpMux.IsRtcp(buffer.AsSpan(0, protectedLength)));
        Assert.Equal(SrtpResult.Ok, receiver.UnprotectRtcp(buffer, protectedLength, out int length));

        Assert.Equal(plainLength, length);
        var parser = new RtcpCompoundParser(buffer.AsSpan(0, length));
        Assert.True(parser.TryReadNext(out _, out ReadOnlySpan<byte> srPacket));
        Assert.True(SenderReport.TryParse(srPacket, out SenderReport? sr));
        Assert.Equal(Sr.NtpTimestamp, sr.NtpTimestamp);

        // And an SRTP packet on the same transport is not taken for RTCP.
        Assert.True(RtpPacket.TryWrite(buffer, new RtpHeader { PayloadType = 111, Marker = true, Ssrc = 5 }, [1, 2, 3], out int rtpLength));
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, rtpLength, out int srtpLength));
        Assert.False(RtcpMux.IsRtcp(buffer.AsSpan(0, srtpLength)));
    }

    [Fact]
    public void TryWriteReport_NeitherReport_ReturnsFalse()
    {
        Assert.False(RtcpCompoundWriter.TryWriteReport(new byte[64], null, null, "x", out _));
    }
}
