using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

public class JitterBufferTests
{
    [Fact]
    public void Playout_InOrder_PlaysEveryFrameWithItsPayload()
    {
        using var h = new JitterHarness();

        h.Run(JitterHarness.Steady(100), ticks: 100);

        Assert.Equal(Enumerable.Range(1000, 100).Select(i => (ushort)i), h.PlayedSequences());
        Assert.All(h.Outcomes, o => Assert.Equal(JitterHarness.PayloadFor(o.Playout.SequenceNumber), o.Payload));
        Assert.Equal(JitterHarness.TimestampBase + (99 * 960), h.Outcomes[^1].Playout.Timestamp);
        var stats = h.Buffer.Statistics;
        Assert.Equal((100, 100, 0, 0, 0), (stats.Received, stats.Played, stats.Lost, stats.Late, stats.Underruns));
        Assert.Equal(TimeSpan.FromMilliseconds(20), stats.TargetDelay);
        Assert.Equal(TimeSpan.Zero, stats.Jitter);
    }

    [Fact]
    public void Playout_PairsSwapped_StillInOrder()
    {
        using var h = new JitterHarness(new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(40) });

        // Odd packets overtake their even predecessor by 10 ms.
        var arrivals = Enumerable.Range(0, 100).Select(n => JitterHarness.Packet(n, (n * 20) + (n % 2 == 0 ? 25 : 0)));
        h.Run(arrivals, ticks: 100);

        Assert.Equal(Enumerable.Range(1000, 97).Select(i => (ushort)i), h.PlayedSequences().Take(97));
        Assert.Equal(0, h.Buffer.Statistics.Lost);
        Assert.Equal(0, h.Buffer.Statistics.Late);
    }

    [Fact]
    public void Insert_ReorderedBeforeStart_PlaysEarliestFirst()
    {
        using var h = new JitterHarness(new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(40) });

        h.Run([JitterHarness.Packet(1, 1), JitterHarness.Packet(0, 2), JitterHarness.Packet(2, 3)], ticks: 3);

        Assert.Equal(new ushort[] { 1000, 1001, 1002 }, h.PlayedSequences());
    }

    [Fact]
    public void Insert_Duplicates_DroppedAndCounted()
    {
        using var h = new JitterHarness();

        h.Run(JitterHarness.Steady(50).SelectMany(a => new[] { a, a with { TimeMs = a.TimeMs + 1 } }), ticks: 50);

        Assert.Equal(50, h.PlayedSequences().Count);
        Assert.Equal(50, h.Buffer.Statistics.Duplicates);
        Assert.Equal(50, h.InsertResults.Count(r => r == JitterBufferInsertResult.Duplicate));
    }

    [Fact]
    public void Playout_SingleLoss_ReportsMissingWithNextPacketForFec()
    {
        using var h = new JitterHarness(new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(40) });

        h.Run(JitterHarness.Steady(30).Where(a => a.Sequence != 1010), ticks: 30);

        var missing = Assert.Single(h.Outcomes, o => o.Playout.Kind == JitterBufferPlayoutKind.Missing);
        Assert.Equal(1010, missing.Playout.SequenceNumber);
        Assert.True(missing.Playout.NextIsPresent);
        Assert.Equal(JitterHarness.PayloadFor(1011), missing.Payload); // the following packet, for Opus FEC
        Assert.Equal(JitterHarness.TimestampBase + (10 * 960), missing.Playout.Timestamp);

        var after = h.Outcomes[h.Outcomes.IndexOf(missing) + 1];
        Assert.Equal(JitterBufferPlayoutKind.Frame, after.Playout.Kind);
        Assert.Equal(1011, after.Playout.SequenceNumber); // still played normally on the next tick
        Assert.Equal(1, h.Buffer.Statistics.Lost);
    }

    [Fact]
    public void Playout_TwoConsecutiveLosses_FecHintOnlyForTheSecond()
    {
        using var h = new JitterHarness(new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(60) });

        h.Run(JitterHarness.Steady(30).Where(a => a.Sequence is not 1010 and not 1011), ticks: 30);

        var missing = h.Outcomes.Where(o => o.Playout.Kind == JitterBufferPlayoutKind.Missing).ToList();
        Assert.Equal(new ushort[] { 1010, 1011 }, missing.Select(o => o.Playout.SequenceNumber));
        Assert.False(missing[0].Playout.NextIsPresent);
        Assert.Equal(0, missing[0].Playout.PayloadLength);
        Assert.True(missing[1].Playout.NextIsPresent);
        Assert.Equal(JitterHarness.PayloadFor(1012), missing[1].Payload);
    }

    [Fact]
    public void Insert_AfterItsSlotPlayed_IsLateAndDropped()
    {
        using var h = new JitterHarness();

        // Packet 10 is 100 ms late: its slot is concealed, then it arrives and must not be played.
        h.Run(JitterHarness.Steady(30).Select(a => a.Sequence == 1010 ? a with { TimeMs = a.TimeMs + 100 } : a), ticks: 30);

        Assert.Equal(1, h.Buffer.Statistics.Late);
        Assert.Contains(JitterBufferInsertResult.Late, h.InsertResults);
        Assert.DoesNotContain((ushort)1010, h.PlayedSequences());
        Assert.Equal(1010, Assert.Single(h.Outcomes, o => o.Playout.Kind == JitterBufferPlayoutKind.Missing).Playout.SequenceNumber);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Playout_SequenceWrapAround_ContinuesInOrder(bool swapAcrossWrap)
    {
        using var h = new JitterHarness(new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(40) });
        var arrivals = Enumerable.Range(0, 100).Select(n => JitterHarness.Packet(n, (n * 20) + 5, firstSequence: 65486)).ToList();
        if (swapAcrossWrap)
        {
            // 65535 and 0 arrive the wrong way round.
            arrivals[49] = arrivals[49] with { TimeMs = arrivals[50].TimeMs + 1 };
        }

        h.Run(arrivals, ticks: 100);

        var expected = Enumerable.Range(0, 98).Select(n => unchecked((ushort)(65486 + n)));
        Assert.Equal(expected, h.PlayedSequences().Take(98));
        Assert.Equal(0, h.Buffer.Statistics.Lost);
        Assert.Equal(0, h.Buffer.Statistics.Late);
    }

    [Fact]
    public void Insert_NewSsrc_Resynchronises()
    {
        using var h = new JitterHarness();
        var first = JitterHarness.Steady(20).ToList();
        var second = Enumerable.Range(0, 20).Select(n => JitterHarness.Packet(n, 400 + (n * 20) + 5, firstSequence: 7) with { Ssrc = 42 });

        h.Run(first.Concat(second), ticks: 41); // one prefill tick after the switch

        Assert.Equal(
            Enumerable.Range(1000, 20).Concat(Enumerable.Range(7, 20)).Select(i => (ushort)i),
            h.PlayedSequences());
        Assert.Equal(1, h.Buffer.Statistics.Resyncs);
        Assert.Equal(JitterBufferInsertResult.Resynchronized, h.InsertResults[20]);
        Assert.Equal(0, h.Buffer.Statistics.Late);
    }

    [Fact]
    public void Insert_ConfirmedSequenceJump_Resynchronises()
    {
        using var h = new JitterHarness();
        var before = JitterHarness.Steady(20);
        var after = Enumerable.Range(0, 20).Select(n => JitterHarness.Packet(n, 400 + (n * 20) + 5, firstSequence: 30000));

        h.Run(before.Concat(after), ticks: 41);

        Assert.Equal(JitterBufferInsertResult.OutOfRange, h.InsertResults[20]); // one packet could be a stray
        Assert.Equal(JitterBufferInsertResult.Resynchronized, h.InsertResults[21]); // its successor confirms the jump
        Assert.Equal(Enumerable.Range(30001, 19).Select(i => (ushort)i), h.PlayedSequences().Skip(20));
        Assert.Equal(1, h.Buffer.Statistics.Resyncs);
    }

    [Fact]
    public void Insert_SingleStrayFarPacket_IgnoredWithoutDisturbingPlayout()
    {
        using var h = new JitterHarness();
        var arrivals = JitterHarness.Steady(40).ToList();
        arrivals.Insert(20, new JitterHarness.Arrival(401, 0xA1B2C3D4, 40000, 5));

        h.Run(arrivals, ticks: 40);

        Assert.Equal(Enumerable.Range(1000, 40).Select(i => (ushort)i), h.PlayedSequences());
        Assert.Equal(1, h.Buffer.Statistics.Discarded);
        Assert.Equal(0, h.Buffer.Statistics.Resyncs);
    }

    [Fact]
    public void TargetDelay_GrowsWithJitterAndStaysWithinBounds()
    {
        using var h = new JitterHarness();
        var rng = new Random(3550);
        var arrivals = Enumerable.Range(0, 500).Select(n => JitterHarness.Packet(n, (n * 20) + rng.Next(0, 60)));

        h.Run(arrivals, ticks: 520);

        var stats = h.Buffer.Statistics;
        Assert.InRange(stats.Jitter, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40));
        Assert.InRange(stats.TargetDelay, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(200));

        // After adapting, the second half of the call loses little audio to lateness.
        var secondHalf = h.Outcomes.Skip(260).Take(240).ToList();
        Assert.True(secondHalf.Count(o => o.Playout.Kind == JitterBufferPlayoutKind.Frame) > 230);
    }

    [Fact]
    public void TargetDelay_ReturnsToMinimumWhenJitterSubsides()
    {
        using var h = new JitterHarness();
        var rng = new Random(7);
        var jittery = Enumerable.Range(0, 100).Select(n => JitterHarness.Packet(n, (n * 20) + rng.Next(0, 60)));
        var calm = Enumerable.Range(100, 400).Select(n => JitterHarness.Packet(n, (n * 20) + 65));

        h.Run(jittery.Concat(calm), ticks: 500);

        Assert.True(h.Targets.Take(100).Max() >= TimeSpan.FromMilliseconds(60), "the target rose while jittery");
        Assert.Equal(TimeSpan.FromMilliseconds(20), h.Targets[^1]);

        // Packet 480 arrived at 9665 ms; with a one-frame target it plays at the next tick or the one after.
        var tick = h.Outcomes.FindIndex(o => o.Playout.SequenceNumber == 1480 && o.Playout.Kind == JitterBufferPlayoutKind.Frame);
        Assert.InRange(10 + (20 * tick) - ((480 * 20) + 65), 0, 40);
    }

    [Fact]
    public void Playout_StallThenBurst_UnderrunsOnceAndCutsDelayBackToTarget()
    {
        using var h = new JitterHarness();

        // Packets 20-39 are held for 400 ms by the network and then all arrive together.
        var arrivals = JitterHarness.Steady(60).Select(a => a.Sequence is >= 1020 and < 1040 ? a with { TimeMs = 805 } : a);
        h.Run(arrivals, ticks: 60);

        var stats = h.Buffer.Statistics;
        Assert.Equal(1, stats.Underruns);
        Assert.True(stats.Dropped > 0, "the burst must be trimmed instead of adding 400 ms of delay");
        var targetFrames = (int)(stats.TargetDelay / TimeSpan.FromMilliseconds(20));
        Assert.InRange(stats.DepthFrames, 0, targetFrames + 1);
        Assert.True(stats.TargetDelay > TimeSpan.FromMilliseconds(20), "the burst is jitter the target must learn from");
        Assert.InRange(1059 - h.PlayedSequences()[^1], 0, targetFrames + 1); // the delay is back near the target
        Assert.True(h.PlayedSequences().SequenceEqual(h.PlayedSequences().Order()), "played in order");
    }

    [Fact]
    public void Playout_DtxPause_ResumesWithoutLossOrLateness()
    {
        using var h = new JitterHarness();

        // Opus DTX: 1 s without packets, sequence numbers continue, timestamps jump.
        var talk = JitterHarness.Steady(20);
        var resume = Enumerable.Range(0, 20).Select(n => new JitterHarness.Arrival(
            1400 + (n * 20) + 5, 0xA1B2C3D4, (ushort)(1020 + n), JitterHarness.TimestampBase + (uint)((70 + n) * 960)));
        h.Run(talk.Concat(resume), ticks: 90);

        var stats = h.Buffer.Statistics;
        Assert.Equal(40, stats.Played);
        Assert.Equal((0L, 0L, 0L), (stats.Lost, stats.Late, stats.Resyncs));
        Assert.Equal(1, stats.Underruns);
        Assert.Equal(JitterHarness.TimestampBase + (70 * 960), h.Outcomes.First(o => o.Playout.SequenceNumber == 1020).Playout.Timestamp);
    }

    [Fact]
    public void Playout_PersistentExcess_ShedsFramesGradually()
    {
        using var h = new JitterHarness();

        // Six frames arrive at once, then one per tick: the depth stays 5 frames above the 20 ms target until shed.
        var arrivals = JitterHarness.Steady(200).Select(a => a.Sequence < 1006 ? a with { TimeMs = 105 } : a);
        h.Run(arrivals, ticks: 150, firstTickMs: 110);

        Assert.InRange(h.Buffer.Statistics.Dropped, 3, 6);
        Assert.InRange(h.Buffer.Statistics.DepthFrames, 1, 2);
    }

    [Fact]
    public void Insert_FloodWithoutPlayout_MemoryStaysBounded()
    {
        using var buffer = new JitterBuffer(new JitterBufferOptions(), new ManualTimeProvider());
        var payload = new byte[200];

        for (var n = 0; n < 1000; n++)
        {
            buffer.Insert(1, (ushort)n, (uint)(n * 960), payload);
        }

        Assert.InRange(buffer.DepthFrames, 1, 32);
        Assert.Equal(JitterBufferPlayoutKind.Frame, buffer.Playout(new byte[1500]).Kind);
        Assert.InRange(buffer.DepthFrames, 0, 10); // trimmed to within MaxDelay on the first playout
    }

    [Fact]
    public void Insert_TooLargePayload_Rejected()
    {
        using var buffer = new JitterBuffer(new JitterBufferOptions { MaxPayloadSize = 100 }, new ManualTimeProvider());

        Assert.Equal(JitterBufferInsertResult.TooLarge, buffer.Insert(1, 1, 0, new byte[101]));
        Assert.Equal(1, buffer.Statistics.Discarded);
        Assert.Equal(JitterBufferPlayoutKind.Empty, buffer.Playout(new byte[100]).Kind);
    }

    [Fact]
    public void Playout_DestinationTooSmall_Throws()
    {
        using var buffer = new JitterBuffer(null, new ManualTimeProvider());
        buffer.Insert(1, 1, 0, new byte[50]);

        Assert.Throws<ArgumentException>(() => buffer.Playout(new byte[10]));
    }

    [Fact]
    public void Playout_BeforeAnyPacket_IsEmptyWithoutUnderrun()
    {
        using var buffer = new JitterBuffer(null, new ManualTimeProvider());

        Assert.Equal(JitterBufferPlayoutKind.Empty, buffer.Playout(new byte[1500]).Kind);
        Assert.Equal(0, buffer.Statistics.Underruns);
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterUseThrows()
    {
        var buffer = new JitterBuffer(null, new ManualTimeProvider());
        buffer.Insert(1, 1, 0, new byte[10]);

        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.Insert(1, 2, 960, new byte[10]));
    }

    [Fact]
    public void InsertAndPlayout_SteadyState_DoNotAllocate()
    {
        var clock = new ManualTimeProvider();
        using var buffer = new JitterBuffer(null, clock);
        var payload = new byte[120];
        var destination = new byte[1500];
        for (var n = 0; n < 200; n++)
        {
            buffer.Insert(7, (ushort)n, (uint)(n * 960), payload);
            buffer.Playout(destination);
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 200; n < 1200; n++)
        {
            buffer.Insert(7, (ushort)n, (uint)(n * 960), payload);
            buffer.Playout(destination);
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024);
    }

    [Fact]
    public void InsertAndPlayout_RandomTraffic_NeverThrowsAndCountsAddUp()
    {
        var clock = new ManualTimeProvider();
        using var buffer = new JitterBuffer(null, clock);
        var rng = new Random(20_000);
        var destination = new byte[1500];
        var payload = new byte[1600];
        long frames = 0;

        for (var i = 0; i < 20_000; i++)
        {
            if (rng.Next(3) == 0)
            {
                if (buffer.Playout(destination).Kind == JitterBufferPlayoutKind.Frame)
                {
                    frames++;
                }

                clock.Advance(TimeSpan.FromMilliseconds(rng.Next(0, 40)));
                continue;
            }

            var ssrc = (uint)rng.Next(0, 2);
            var sequence = rng.Next(4) == 0 ? (ushort)rng.Next(0, 65536) : (ushort)(i / 3 % 65536);
            buffer.Insert(ssrc, sequence, (uint)rng.Next(), payload.AsSpan(0, rng.Next(0, 1600)));
        }

        var stats = buffer.Statistics;
        Assert.Equal(frames, stats.Played);
        Assert.True(stats.Played + stats.Late + stats.Duplicates + stats.Discarded + stats.Dropped <= stats.Received);
        Assert.InRange(stats.DepthFrames, 0, 32);
    }

    [Theory]
    [InlineData(10, 200)] // MinDelay shorter than a frame
    [InlineData(100, 50)] // MaxDelay below MinDelay
    [InlineData(20, 5000)]
    public void Constructor_InvalidOptions_Throw(int minMs, int maxMs)
    {
        var options = new JitterBufferOptions { MinDelay = TimeSpan.FromMilliseconds(minMs), MaxDelay = TimeSpan.FromMilliseconds(maxMs) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new JitterBuffer(options));
    }
}
