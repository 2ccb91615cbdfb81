using CallGateway.Media.Dtmf;

namespace CallGateway.Media.Tests.Dtmf;

public class DtmfSenderTests
{
    [Fact]
    public void TryNextPacket_Digit1At8kHz_FollowsRfc4733Series()
    {
        var sender = new DtmfSender(); // telephone-event/8000 next to 48 kHz Opus, 100 ms tone, volume 10
        sender.Enqueue("1");

        var sent = DtmfTestStream.Drain(sender);

        // RFC 4733 section 2.5.1.2: marker on the first packet only, one timestamp for the whole event, duration
        // growing by one packet time; section 2.5.1.4: the final report three times.
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], sent.Select(p => (int)p.Packet.Event.Duration));
        Assert.Equal([true, false, false, false, false, false, false], sent.Select(p => p.Marker));
        Assert.Equal([false, false, false, false, true, true, true], sent.Select(p => p.Packet.Event.End));
        Assert.Equal([false, false, false, false, false, true, true], sent.Select(p => p.Packet.IsRetransmission));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], sent.Select(p => p.Tick));
        Assert.Single(sent.Select(p => p.RtpTimestamp).Distinct());
        Assert.Equal(123_456_789u, sent[0].RtpTimestamp);
        Assert.Equal([0u, 960, 1920, 2880, 3840, 4800, 5760], sent.Select(p => p.Packet.TimestampOffset));
        Assert.All(sent, p => Assert.True(p.Packet.SuppressAudio));
        Assert.All(sent, p => Assert.Equal('1', p.Packet.Digit));
        Assert.Equal("010A00A0", Convert.ToHexString(sent[0].Payload));
        Assert.Equal("018A0320", Convert.ToHexString(sent[6].Payload));
    }

    [Fact]
    public void TryNextPacket_48kHzEventClock_CountsDurationIn48kHzUnits()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { EventClockRate = 48000 });
        sender.Enqueue("#");

        var sent = DtmfTestStream.Drain(sender);

        Assert.Equal([960, 1920, 2880, 3840, 4800, 4800, 4800], sent.Select(p => (int)p.Packet.Event.Duration));
        Assert.All(sent, p => Assert.Equal(11, p.Packet.Event.EventCode));
    }

    [Fact]
    public void TryNextPacket_8kHzAudioClock_OffsetsIn8kHzUnits()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { AudioClockRate = 8000 });
        sender.Enqueue("0");

        var sent = DtmfTestStream.Drain(sender, audioStep: 160);

        Assert.Equal([0u, 160, 320, 480, 640, 800, 960], sent.Select(p => p.Packet.TimestampOffset));
        Assert.Single(sent.Select(p => p.RtpTimestamp).Distinct());
    }

    [Fact]
    public void TryNextPacket_QueuedDigits_SpacedByToneAndGap()
    {
        var sender = new DtmfSender();
        sender.Enqueue("159#");

        var sent = DtmfTestStream.Drain(sender);

        // 100 ms tone = ticks 0-4, end repeats 5-6, 70 ms gap rounds up to 4 ticks after the tone: next tone at tick 9.
        var starts = sent.Where(p => p.Marker).ToList();
        Assert.Equal([0, 9, 18, 27], starts.Select(p => p.Tick));
        Assert.Equal("159#", new string(starts.Select(p => p.Packet.Digit).ToArray()));
        Assert.Equal(28, sent.Count);
        Assert.Equal(4, sent.Select(p => p.RtpTimestamp).Distinct().Count());
        Assert.Equal(9u * 960, starts[1].RtpTimestamp - starts[0].RtpTimestamp);
    }

    [Fact]
    public void TryNextPacket_ShortGap_NextToneWaitsForEndRepeats()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { InterDigitGap = TimeSpan.FromMilliseconds(30) });
        sender.Enqueue("12");

        var sent = DtmfTestStream.Drain(sender);

        Assert.Equal([0, 7], sent.Where(p => p.Marker).Select(p => p.Tick));
    }

    [Fact]
    public void TryNextPacket_ToneNotMultipleOfPacketTime_EndsAtExactDuration()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { ToneDuration = TimeSpan.FromMilliseconds(90) });
        sender.Enqueue("7");

        var sent = DtmfTestStream.Drain(sender);

        Assert.Equal([160, 320, 480, 640, 720, 720, 720], sent.Select(p => (int)p.Packet.Event.Duration));
    }

    [Fact]
    public void TryNextPacket_Idle_ReturnsFalse()
    {
        var sender = new DtmfSender();

        Assert.True(sender.IsIdle);
        Assert.False(sender.TryNextPacket(out _));
    }

    [Fact]
    public void Enqueue_InvalidDigit_ThrowsAndQueuesNothing()
    {
        var sender = new DtmfSender();

        Assert.Throws<ArgumentException>(() => sender.Enqueue("12x"));

        Assert.True(sender.IsIdle);
        Assert.Equal(0, sender.QueuedDigits);
    }

    [Fact]
    public void Enqueue_BeyondBound_Throws()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { MaxQueuedDigits = 4 });
        sender.Enqueue("123");

        Assert.Throws<ArgumentException>(() => sender.Enqueue("45"));
        Assert.Equal(3, sender.QueuedDigits);
    }

    [Fact]
    public void Clear_DuringTone_EndsItWithThreeEndReports()
    {
        var sender = new DtmfSender();
        sender.Enqueue("12");
        Assert.True(sender.TryNextPacket(out _));
        Assert.True(sender.TryNextPacket(out _));

        sender.Clear();
        var rest = DtmfTestStream.Drain(sender);

        Assert.Equal(3, rest.Count);
        Assert.All(rest, p => Assert.True(p.Packet.Event.End));
        Assert.All(rest, p => Assert.Equal(320, p.Packet.Event.Duration));
        Assert.All(rest, p => Assert.Equal('1', p.Packet.Digit));
    }

    [Fact]
    public void Clear_BeforeFirstPacket_SendsNothing()
    {
        var sender = new DtmfSender();
        sender.Enqueue("12");

        sender.Clear();

        Assert.False(sender.TryNextPacket(out _));
        Assert.True(sender.IsIdle);
    }

    [Fact]
    public async Task Enqueue_FromAnotherThread_WhileTicking_SendsEveryDigitOnce()
    {
        var sender = new DtmfSender(new DtmfSenderOptions { ToneDuration = TimeSpan.FromMilliseconds(40), InterDigitGap = TimeSpan.FromMilliseconds(40) });
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                sender.Enqueue(((char)('0' + (i % 10))).ToString());
            }
        });
        var markers = new List<char>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);

        while (!(producer.IsCompleted && sender.IsIdle) && DateTime.UtcNow < deadline)
        {
            if (sender.TryNextPacket(out var packet) && packet.Marker)
            {
                markers.Add(packet.Digit);
            }
        }

        await producer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(50, markers.Count);
        Assert.Equal(string.Concat(Enumerable.Range(0, 50).Select(i => (char)('0' + (i % 10)))), new string([.. markers]));
    }

    [Theory]
    [InlineData(48000, 2000, 10)] // 2 s at 48 kHz does not fit the 16-bit duration
    [InlineData(8000, 30, 10)]
    [InlineData(8000, 100, 64)]
    public void Constructor_InvalidOptions_Throw(int eventClock, int toneMs, int volume)
    {
        var options = new DtmfSenderOptions { EventClockRate = eventClock, ToneDuration = TimeSpan.FromMilliseconds(toneMs), Volume = (byte)volume };

        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfSender(options));
    }
}
