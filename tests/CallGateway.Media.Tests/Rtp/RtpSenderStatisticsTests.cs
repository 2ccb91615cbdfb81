using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpSenderStatisticsTests
{
    [Fact]
    public void OnPacketSent_CountsPacketsAndPayloadOctets()
    {
        var stats = new RtpSenderStatistics(1, 48000);

        stats.OnPacketSent(960, 80, TimeSpan.FromMilliseconds(20));
        stats.OnPacketSent(1920, 75, TimeSpan.FromMilliseconds(40));

        Assert.Equal(2u, stats.PacketCount);
        Assert.Equal(155u, stats.OctetCount);
        Assert.Equal(1920u, stats.LastRtpTimestamp);
        Assert.True(stats.HasSent);
    }

    [Fact]
    public void GetRtpTimestampAt_LaterThanLastPacket_AdvancesByClockRate()
    {
        var stats = new RtpSenderStatistics(1, 48000);
        stats.OnPacketSent(0xFFFF_0000, 80, TimeSpan.FromSeconds(1));

        // 0.5 s at 48 kHz = 24000 units, wrapping past 2^32.
        Assert.Equal(unchecked(0xFFFF_0000u + 24000u), stats.GetRtpTimestampAt(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(0xFFFF_0000u, stats.GetRtpTimestampAt(TimeSpan.FromSeconds(0.5)));
    }

    [Fact]
    public void GetRtpTimestampAt_NothingSent_ReturnsZero()
    {
        Assert.Equal(0u, new RtpSenderStatistics(1, 8000).GetRtpTimestampAt(TimeSpan.FromSeconds(3)));
        Assert.False(new RtpSenderStatistics(1, 8000).HasSent);
    }
}
