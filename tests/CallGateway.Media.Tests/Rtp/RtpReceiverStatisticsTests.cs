using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpReceiverStatisticsTests
{
    private const uint Ssrc = 0x5EED;

    private static void Receive(RtpReceiverStatistics stats, int sequence, int payload = 100)
    {
        // Perfectly paced 20 ms Opus: transit constant, jitter stays 0.
        uint ts = (uint)sequence * 960;
        stats.OnPacketReceived((ushort)sequence, ts, ts + 5000, payload);
    }

    [Fact]
    public void CreateReceptionReport_TenPercentLoss_ReportsFractionAndCumulative()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        for (int seq = 0; seq < 100; seq++)
        {
            if (seq is < 20 or >= 30)
            {
                Receive(stats, seq);
            }
        }

        RtpReceptionReport report = stats.CreateReceptionReport();

        // RFC 3550 A.3: expected 100, received 90, fraction = (10 << 8) / 100 = 25 (truncated).
        Assert.Equal(100, stats.ExpectedPackets);
        Assert.Equal(90, stats.PacketsReceived);
        Assert.Equal(9000, stats.BytesReceived);
        Assert.Equal(25, report.FractionLost);
        Assert.Equal(10, report.CumulativeLost);
        Assert.Equal(99u, report.ExtendedHighestSequence);
        Assert.Equal(0u, report.Jitter);
        Assert.Equal(Ssrc, report.Ssrc);
    }

    [Fact]
    public void CreateReceptionReport_SecondInterval_FractionCoversOnlyNewPackets()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        for (int seq = 0; seq < 100; seq++)
        {
            if (seq % 10 != 5)
            {
                Receive(stats, seq);
            }
        }

        stats.CreateReceptionReport();
        for (int seq = 100; seq < 164; seq++)
        {
            if (seq % 4 != 0)
            {
                Receive(stats, seq);
            }
        }

        RtpReceptionReport report = stats.CreateReceptionReport();

        // Interval: expected 64 (100..163), received 48 -> (16 << 8) / 64 = 64; cumulative 10 + 16 = 26.
        Assert.Equal(64, report.FractionLost);
        Assert.Equal(26, report.CumulativeLost);
    }

    [Fact]
    public void CreateReceptionReport_DuplicatesAndReordering_NegativeLossClampsFractionToZero()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        foreach (int seq in new[] { 0, 1, 3, 2, 4, 4, 5, 5, 6 })
        {
            Receive(stats, seq);
        }

        RtpReceptionReport report = stats.CreateReceptionReport();

        Assert.Equal(7, stats.ExpectedPackets);
        Assert.Equal(9, stats.PacketsReceived);
        Assert.Equal(0, report.FractionLost);
        Assert.Equal(-2, report.CumulativeLost);
    }

    [Fact]
    public void OnPacketReceived_SequenceWrap_ExtendsHighestSequence()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000);
        for (int i = 0; i < 12; i++)
        {
            Receive(stats, (ushort)(65530 + i));
        }

        RtpReceptionReport report = stats.CreateReceptionReport();

        // Probation takes 65530; counting starts at 65531; 65531..65535 and 0..5 = 11 packets, no loss.
        Assert.Equal(65536u + 5, report.ExtendedHighestSequence);
        Assert.Equal(11, stats.PacketsReceived);
        Assert.Equal(11, stats.ExpectedPackets);
        Assert.Equal(0, report.CumulativeLost);
    }

    [Fact]
    public void Jitter_OneLatePacket_FollowsRfc3550A8()
    {
        // 8 kHz, 20 ms packets (160 units). Transit 1000, then 1080 (80 units late), then 1000 again.
        // J(i) = J(i-1) + (|D| - J(i-1)) / 16, integer form of RFC 3550 A.8 (scaled by 16, reported >> 4):
        //   p1 D=0 -> 0; p2 D=80 -> 80/16 = 5; p3 D=80 -> 5 + 75/16 = 9.69 -> 9; p4 D=0 -> 9.08 -> 9.
        var stats = new RtpReceiverStatistics(Ssrc, 8000, minSequential: 1);
        (uint Ts, uint Arrival)[] packets = [(0, 1000), (160, 1160), (320, 1400), (480, 1480), (640, 1640)];
        var jitter = new List<uint>();
        for (int i = 0; i < packets.Length; i++)
        {
            stats.OnPacketReceived((ushort)i, packets[i].Ts, packets[i].Arrival, 160);
            jitter.Add(stats.Jitter);
        }

        Assert.Equal(new uint[] { 0, 0, 5, 9, 9 }, jitter);
    }

    [Fact]
    public void Jitter_ConstantAlternatingDelay_ConvergesToDelay()
    {
        // Transit alternates 0 / 32 units, so |D| = 32 for every packet: J converges to 32 (within rounding).
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        for (int i = 0; i < 500; i++)
        {
            uint ts = (uint)i * 960;
            stats.OnPacketReceived((ushort)i, ts, ts + (i % 2 == 0 ? 0u : 32u), 80);
        }

        Assert.InRange(stats.Jitter, 31u, 32u);
    }

    [Fact]
    public void Jitter_ArrivalClockWraps_StaysSmall()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        uint arrival = uint.MaxValue - 5000;
        for (int i = 0; i < 20; i++)
        {
            uint ts = 1_000_000u + ((uint)i * 960);
            stats.OnPacketReceived((ushort)i, ts, arrival + ((uint)i * 960), 80);
        }

        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void CreateReceptionReport_HugeLoss_ClampsTo24BitSigned()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000, minSequential: 1);
        ushort seq = 0;
        for (int i = 0; i < 3000; i++)
        {
            stats.OnPacketReceived(seq, 0, 0, 0);
            seq += 2999;
        }

        Assert.True(stats.Lost > 0x7FFFFF);
        Assert.Equal(0x7FFFFF, stats.CreateReceptionReport().CumulativeLost);
    }

    [Fact]
    public void OnSenderReport_StoresMiddle32BitsAndArrival()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000);

        stats.OnSenderReport(0xAABBCCDD_EEFF0011, TimeSpan.FromSeconds(12));
        RtpReceptionReport report = stats.CreateReceptionReport();

        Assert.Equal(0xCCDDEEFFu, report.LastSenderReport);
        Assert.Equal(TimeSpan.FromSeconds(12), report.LastSenderReportArrival);
    }

    [Fact]
    public void OnPacketReceived_BeforeValidation_NotCounted()
    {
        var stats = new RtpReceiverStatistics(Ssrc, 48000);

        Assert.False(stats.OnPacketReceived(7, 0, 0, 10));
        Assert.Equal(0, stats.PacketsReceived);
        Assert.Equal(0, stats.ExpectedPackets);
        Assert.Equal(0, stats.CreateReceptionReport().FractionLost);
    }
}
