using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

/// <summary>
/// Replays packet arrivals and 20 ms playout ticks in time order on a manual clock. Payloads encode their sequence
/// number so the test can check that exactly the right bytes come out.
/// </summary>
internal sealed class JitterHarness : IDisposable
{
    public const uint TimestampBase = 1_000_000;
    public const int FrameSamples = 960;

    private readonly byte[] _destination = new byte[1500];
    private double _nowMs;

    public JitterHarness(JitterBufferOptions? options = null)
    {
        Buffer = new JitterBuffer(options, Clock);
    }

    public ManualTimeProvider Clock { get; } = new();

    public JitterBuffer Buffer { get; }

    public List<Outcome> Outcomes { get; } = [];

    public List<JitterBufferInsertResult> InsertResults { get; } = [];

    /// <summary>The target delay after each tick.</summary>
    public List<TimeSpan> Targets { get; } = [];

    /// <summary>A packet as the sender made it: number n is sequence (first + n) and timestamp base + n frames.</summary>
    public static Arrival Packet(int n, double arrivalMs, ushort firstSequence = 1000, uint ssrc = 0xA1B2C3D4) =>
        new(arrivalMs, ssrc, unchecked((ushort)(firstSequence + n)), unchecked(TimestampBase + ((uint)n * FrameSamples)));

    /// <summary>Every packet of <paramref name="count"/> sent at 20 ms intervals and delivered after <paramref name="delayMs"/>.</summary>
    public static IEnumerable<Arrival> Steady(int count, double delayMs = 5, ushort firstSequence = 1000) =>
        Enumerable.Range(0, count).Select(n => Packet(n, (n * 20) + delayMs, firstSequence));

    public static byte[] PayloadFor(ushort sequence)
    {
        var payload = new byte[2 + (sequence % 40)];
        payload[0] = (byte)(sequence >> 8);
        payload[1] = (byte)sequence;
        for (var i = 2; i < payload.Length; i++)
        {
            payload[i] = (byte)(sequence + i);
        }

        return payload;
    }

    /// <summary>Runs ticks at firstTickMs + 20k (k &lt; ticks), inserting each arrival when its time comes.</summary>
    public void Run(IEnumerable<Arrival> arrivals, int ticks, double firstTickMs = 10)
    {
        var pending = arrivals.OrderBy(a => a.TimeMs).ToList();
        var next = 0;
        for (var k = 0; k < ticks; k++)
        {
            var tickMs = firstTickMs + (20.0 * k);
            for (; next < pending.Count && pending[next].TimeMs <= tickMs; next++)
            {
                AdvanceTo(pending[next].TimeMs);
                var a = pending[next];
                InsertResults.Add(Buffer.Insert(a.Ssrc, a.Sequence, a.Timestamp, PayloadFor(a.Sequence)));
            }

            AdvanceTo(tickMs);
            Tick();
        }
    }

    public Outcome Tick()
    {
        var playout = Buffer.Playout(_destination);
        var payload = _destination.AsSpan(0, playout.PayloadLength).ToArray();
        var outcome = new Outcome(playout, payload);
        Outcomes.Add(outcome);
        Targets.Add(Buffer.TargetDelay);
        return outcome;
    }

    public List<ushort> PlayedSequences() =>
        Outcomes.Where(o => o.Playout.Kind == JitterBufferPlayoutKind.Frame).Select(o => o.Playout.SequenceNumber).ToList();

    public void Dispose() => Buffer.Dispose();

    private void AdvanceTo(double ms)
    {
        if (ms > _nowMs)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(ms - _nowMs));
            _nowMs = ms;
        }
    }

    internal sealed record Arrival(double TimeMs, uint Ssrc, ushort Sequence, uint Timestamp);

    internal sealed record Outcome(JitterBufferPlayout Playout, byte[] Payload);
}
