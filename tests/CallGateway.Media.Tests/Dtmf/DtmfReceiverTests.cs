using CallGateway.Media.Dtmf;
using CallGateway.Media.Tests.Audio;

namespace CallGateway.Media.Tests.Dtmf;

public class DtmfReceiverTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Receive_SenderOutput_ReportsEachDigitOnceAtItsEnd()
    {
        var packets = SendDigits("159#");
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);
        var results = new List<DtmfReceiveResult>();

        foreach (var p in packets)
        {
            results.Add(receiver.Receive(p.RtpTimestamp, p.Marker, p.Payload));
            clock.Advance(Tick);
        }

        var digits = ReadAll(receiver);
        Assert.Equal("159#", new string(digits.Select(d => d.Digit).ToArray()));
        Assert.All(digits, d => Assert.True(d.EndReceived));
        Assert.All(digits, d => Assert.Equal(800, d.DurationSamples));
        Assert.All(digits, d => Assert.Equal(TimeSpan.FromMilliseconds(100), d.Duration));
        Assert.All(digits, d => Assert.Equal(10, d.Volume));
        Assert.Equal(packets.Where(p => p.Marker).Select(p => p.RtpTimestamp), digits.Select(d => d.RtpTimestamp));

        // Per digit: start, 3 updates, the first end completes it, the two repeats are duplicates.
        DtmfReceiveResult[] perDigit =
        [
            DtmfReceiveResult.Started, DtmfReceiveResult.Updated, DtmfReceiveResult.Updated, DtmfReceiveResult.Updated,
            DtmfReceiveResult.Completed, DtmfReceiveResult.Duplicate, DtmfReceiveResult.Duplicate,
        ];
        Assert.Equal(Enumerable.Repeat(perDigit, 4).SelectMany(r => r), results);
    }

    [Fact]
    public void Receive_EveryPacketDuplicatedAndNeighboursSwapped_StillOncePerDigit()
    {
        var packets = SendDigits("159#");
        var rng = new Random(11);
        var wire = packets.SelectMany(p => new[] { p, p }).ToList();
        for (var i = 0; i + 1 < wire.Count; i += 2)
        {
            if (rng.Next(2) == 0)
            {
                (wire[i], wire[i + 1]) = (wire[i + 1], wire[i]);
            }
        }

        for (var i = 1; i + 2 < wire.Count; i += 3)
        {
            (wire[i], wire[i + 2]) = (wire[i + 2], wire[i]);
        }

        var digits = Play(wire);

        Assert.Equal("159#", new string(digits.Select(d => d.Digit).ToArray()));
    }

    [Fact]
    public void Receive_AllEndPacketsOfOneDigitLost_ReportedWhenNextDigitStarts()
    {
        var packets = SendDigits("159#").Where(p => !(p.Packet.Digit == '5' && p.Packet.Event.End)).ToList();

        var digits = Play(packets);

        Assert.Equal("159#", new string(digits.Select(d => d.Digit).ToArray()));
        Assert.False(digits[1].EndReceived);
        Assert.Equal(640, digits[1].DurationSamples); // the last update that arrived
        Assert.True(digits[0].EndReceived && digits[2].EndReceived && digits[3].EndReceived);
    }

    [Fact]
    public void Poll_AllEndPacketsOfLastDigitLost_ReportedAfterTimeoutOnly()
    {
        var packets = SendDigits("#").Where(p => !p.Packet.Event.End).ToList();
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);
        foreach (var p in packets)
        {
            receiver.Receive(p.RtpTimestamp, p.Marker, p.Payload);
            clock.Advance(Tick);
        }

        clock.Advance(TimeSpan.FromMilliseconds(150)); // 170 ms since the last update
        receiver.Poll();
        Assert.Equal(0, receiver.PendingDigits);

        clock.Advance(TimeSpan.FromMilliseconds(40));
        receiver.Poll();
        Assert.True(receiver.TryReadDigit(out var digit));
        Assert.Equal('#', digit.Digit);
        Assert.False(digit.EndReceived);

        // The end reports arriving late afterwards are recognised as the same event.
        var late = SendDigits("#").Last();
        Assert.Equal(DtmfReceiveResult.Duplicate, receiver.Receive(late.RtpTimestamp, late.Marker, late.Payload));
        Assert.Equal(0, receiver.PendingDigits);
    }

    [Fact]
    public void Receive_FirstPacketLost_DigitStillReported()
    {
        var packets = SendDigits("7").Skip(1).ToList();

        var digits = Play(packets);

        Assert.Equal('7', Assert.Single(digits).Digit);
    }

    [Fact]
    public void Receive_OnlyEndPacketArrives_ReportedImmediately()
    {
        var end = SendDigits("3").Last();
        var receiver = new DtmfReceiver(8000, new ManualTimeProvider());

        Assert.Equal(DtmfReceiveResult.Completed, receiver.Receive(end.RtpTimestamp, false, end.Payload));
        Assert.True(receiver.TryReadDigit(out var digit));
        Assert.Equal('3', digit.Digit);
    }

    [Fact]
    public void Receive_RandomLossDuplicationAndReordering_NeverReportsTwiceOrInvents()
    {
        var sent = SendDigits("0123456789*#ABCD");
        for (var trial = 0; trial < 200; trial++)
        {
            var rng = new Random(trial);
            var wire = new List<DtmfTestStream.SentPacket>();
            foreach (var p in sent)
            {
                var copies = rng.NextDouble() < 0.3 ? 0 : rng.Next(1, 3); // 30 % loss, some duplicates
                for (var c = 0; c < copies; c++)
                {
                    wire.Add(p);
                }
            }

            for (var i = 0; i + 1 < wire.Count; i++)
            {
                // Local reordering within an event; events are 40 ms or more apart on the wire.
                if (rng.NextDouble() < 0.2 && wire[i].RtpTimestamp == wire[i + 1].RtpTimestamp)
                {
                    (wire[i], wire[i + 1]) = (wire[i + 1], wire[i]);
                }
            }

            var expected = new string(sent.Where(wire.Contains).Select(p => p.Packet.Digit).Distinct().ToArray());
            var digits = Play(wire);

            Assert.Equal(expected, new string(digits.Select(d => d.Digit).ToArray()));
        }
    }

    [Fact]
    public void Receive_OlderEventWhileNewerOpen_IsStale()
    {
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);

        Assert.Equal(DtmfReceiveResult.Started, receiver.Receive(10_000, true, Convert.FromHexString("050A00A0")));
        Assert.Equal(DtmfReceiveResult.Stale, receiver.Receive(9_000, false, Convert.FromHexString("040A0140")));
        Assert.Equal(DtmfReceiveResult.Completed, receiver.Receive(10_000, false, Convert.FromHexString("058A0320")));

        Assert.True(receiver.TryReadDigit(out var digit));
        Assert.Equal('5', digit.Digit);
        Assert.False(receiver.TryReadDigit(out _));
    }

    [Fact]
    public void Receive_AncientPacketAfterManyEvents_IsStaleNotANewDigit()
    {
        var packets = SendDigits("0123456789*#");
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);
        foreach (var p in packets)
        {
            receiver.Receive(p.RtpTimestamp, p.Marker, p.Payload);
            clock.Advance(Tick);
        }

        // The first digit's end report, delayed past the last 8 remembered events.
        var ancient = packets[6];
        Assert.Equal(DtmfReceiveResult.Stale, receiver.Receive(ancient.RtpTimestamp, false, ancient.Payload));
        Assert.Equal(12, receiver.PendingDigits);
    }

    [Fact]
    public void Receive_TimestampWrap_NewerEventAfterWrapIsNotStale()
    {
        var receiver = new DtmfReceiver(8000, new ManualTimeProvider());

        receiver.Receive(uint.MaxValue - 100, true, Convert.FromHexString("010A00A0"));
        Assert.Equal(DtmfReceiveResult.Started, receiver.Receive(500, true, Convert.FromHexString("020A00A0")));

        Assert.Equal(1, receiver.PendingDigits); // the first was closed by the newer one
    }

    [Theory]
    [InlineData("100A00A0", DtmfReceiveResult.Unsupported)] // flash
    [InlineData("010A00", DtmfReceiveResult.Malformed)]
    public void Receive_NonDtmfOrShortPayload_Ignored(string hex, DtmfReceiveResult expected)
    {
        var receiver = new DtmfReceiver();

        Assert.Equal(expected, receiver.Receive(1234, true, Convert.FromHexString(hex)));
        Assert.Equal(0, receiver.PendingDigits);
    }

    [Fact]
    public void Reset_SameTimestampAgain_IsANewEvent()
    {
        var receiver = new DtmfReceiver(8000, new ManualTimeProvider());
        var end = Convert.FromHexString("098A0320");
        Assert.Equal(DtmfReceiveResult.Completed, receiver.Receive(777, false, end));
        Assert.Equal(DtmfReceiveResult.Duplicate, receiver.Receive(777, false, end));

        receiver.Reset();

        Assert.Equal(DtmfReceiveResult.Completed, receiver.Receive(777, false, end));
        Assert.Equal(2, receiver.PendingDigits);
    }

    [Fact]
    public void Receive_RandomPackets_NeverThrowsAndStaysBounded()
    {
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);
        var rng = new Random(2833);
        var payload = new byte[6];

        for (var i = 0; i < 20_000; i++)
        {
            var length = rng.Next(0, 7);
            rng.NextBytes(payload);
            var timestamp = (uint)((i / 4 * 1000) + (rng.Next(0, 4) * 500)); // mostly rising, some repeats and stragglers
            receiver.Receive(timestamp, rng.Next(2) == 0, payload.AsSpan(0, length));
            if (i % 7 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(rng.Next(0, 300)));
                receiver.Poll();
            }
        }

        Assert.InRange(receiver.PendingDigits, 1, 64);
        Assert.True(receiver.DroppedDigits > 0);
    }

    private static List<DtmfTestStream.SentPacket> SendDigits(string digits)
    {
        var sender = new DtmfSender();
        sender.Enqueue(digits);
        return DtmfTestStream.Drain(sender);
    }

    private static List<DtmfDigitEvent> Play(IEnumerable<DtmfTestStream.SentPacket> wire)
    {
        var clock = new ManualTimeProvider();
        var receiver = new DtmfReceiver(8000, clock);
        foreach (var p in wire)
        {
            receiver.Receive(p.RtpTimestamp, p.Marker, p.Payload);
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        receiver.Poll();
        return ReadAll(receiver);
    }

    private static List<DtmfDigitEvent> ReadAll(DtmfReceiver receiver)
    {
        var digits = new List<DtmfDigitEvent>();
        while (receiver.TryReadDigit(out var digit))
        {
            digits.Add(digit);
        }

        return digits;
    }
}
