namespace CallGateway.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 telephone-event packet series for queued DTMF digits, one packet per media tick.
/// </summary>
/// <remarks>
/// <para>Per digit (RFC 4733 section 2.5.1): the first packet has the marker bit; every packet carries the event's start
/// timestamp and the duration so far (one packet time in the first, growing by one packet time per tick); the packet
/// that reaches the tone length has the E bit and is sent three times in consecutive ticks (section 2.5.1.4). With the
/// defaults at 8 kHz a digit is 160, 320, 480, 640, 800(E) ×3: seven packets. The next digit starts once the
/// inter-digit gap has passed after the tone, and never before the last end repeat.</para>
/// <para>Driving: call <see cref="TryNextPacket"/> exactly once per packet-time tick of the outgoing audio; when it
/// returns true send that packet (on the telephone-event payload type, same SSRC and sequence space as the audio) and,
/// if <see cref="DtmfPacket.SuppressAudio"/>, no audio in that tick.</para>
/// <para>Thread-safety: all members are safe to call concurrently (an API thread may <see cref="Enqueue"/> while the
/// media tick calls <see cref="TryNextPacket"/>); a private lock serialises them.</para>
/// </remarks>
public sealed class DtmfSender
{
    // The two end repeats occupy the two ticks after the tone's last packet.
    private const int EndRepeats = 2;

    private readonly Lock _lock = new();
    private readonly Queue<char> _queue = new();
    private readonly int _maxQueued;
    private readonly int _packetDuration; // event clock ticks per packet time
    private readonly int _toneDuration; // event clock ticks
    private readonly uint _packetTimestampStep; // audio clock ticks per packet time
    private readonly int _gapTicks;
    private readonly byte _volume;

    private State _state;
    private char _digit;
    private byte _eventCode;
    private int _tick; // packets sent for the current event
    private int _endRepeatsLeft;
    private int _idleTicksLeft;
    private ushort _finalDuration;
    private bool _toneCutShort;

    public DtmfSender(DtmfSenderOptions? options = null)
    {
        options ??= new DtmfSenderOptions();
        options.Validate();
        _maxQueued = options.MaxQueuedDigits;
        _volume = options.Volume;
        _packetDuration = (int)Math.Round(options.PacketTime.TotalSeconds * options.EventClockRate);
        _toneDuration = (int)Math.Round(options.ToneDuration.TotalSeconds * options.EventClockRate);
        _packetTimestampStep = (uint)Math.Round(options.PacketTime.TotalSeconds * options.AudioClockRate);
        var gapTicks = (int)Math.Ceiling(options.InterDigitGap / options.PacketTime);
        _gapTicks = Math.Max(gapTicks, EndRepeats);
    }

    private enum State
    {
        Idle,
        Tone,
        Ending,
        Gap,
    }

    /// <summary>True when nothing is queued and no event or gap is in progress.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _state == State.Idle && _queue.Count == 0;
            }
        }
    }

    /// <summary>Digits waiting to be sent (not counting the one in progress).</summary>
    public int QueuedDigits
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Queues digits ("0"-"9", "*", "#", "A"-"D", case-insensitive), all or nothing. Throws
    /// <see cref="ArgumentException"/> for other characters or when the queue would exceed its bound.
    /// </summary>
    public void Enqueue(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (!DtmfDigits.AreValid(digits))
        {
            throw new ArgumentException("Only 0-9, *, #, A-D are DTMF digits.", nameof(digits));
        }

        lock (_lock)
        {
            if (_queue.Count + digits.Length > _maxQueued)
            {
                throw new ArgumentException($"At most {_maxQueued} digits may be queued.", nameof(digits));
            }

            foreach (var c in digits)
            {
                _queue.Enqueue(char.ToUpperInvariant(c));
            }
        }
    }

    /// <summary>
    /// Drops queued digits. A tone in progress is ended now (its end report is still sent three times) so that the
    /// receiver does not hear a stuck key.
    /// </summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            if (_state == State.Tone && _tick > 0)
            {
                _toneCutShort = true;
            }
            else if (_state == State.Tone)
            {
                _state = State.Idle; // nothing sent yet for this digit
            }
        }
    }

    /// <summary>The packet for this tick, or false when no event packet is due (send audio as usual).</summary>
    public bool TryNextPacket(out DtmfPacket packet)
    {
        lock (_lock)
        {
            if (_state == State.Gap && --_idleTicksLeft <= 0)
            {
                _state = State.Idle;
            }

            if (_state == State.Idle && _queue.Count > 0)
            {
                _digit = _queue.Dequeue();
                DtmfDigits.TryGetEventCode(_digit, out _eventCode);
                _state = State.Tone;
                _tick = 0;
                _toneCutShort = false;
            }

            switch (_state)
            {
                case State.Tone:
                    packet = NextTonePacket();
                    return true;
                case State.Ending:
                    packet = NextEndRepeat();
                    return true;
                default:
                    packet = default;
                    return false;
            }
        }
    }

    private DtmfPacket NextTonePacket()
    {
        var duration = _toneCutShort ? _tick * _packetDuration : Math.Min((_tick + 1) * _packetDuration, _toneDuration);
        var end = _toneCutShort || duration >= _toneDuration;
        var packet = MakePacket((ushort)duration, end, marker: _tick == 0, retransmission: false);
        _tick++;
        if (end)
        {
            _finalDuration = (ushort)duration;
            _endRepeatsLeft = EndRepeats;
            _state = State.Ending;
        }

        return packet;
    }

    private DtmfPacket NextEndRepeat()
    {
        var packet = MakePacket(_finalDuration, end: true, marker: false, retransmission: true);
        _tick++;
        if (--_endRepeatsLeft == 0)
        {
            _state = State.Gap;
            _idleTicksLeft = _gapTicks - EndRepeats + 1; // counted down at the start of each following tick
        }

        return packet;
    }

    private DtmfPacket MakePacket(ushort duration, bool end, bool marker, bool retransmission) =>
        new(
            _digit,
            new DtmfEvent(_eventCode, end, Reserved: false, _volume, duration),
            marker,
            TimestampOffset: (uint)_tick * _packetTimestampStep,
            SuppressAudio: true,
            retransmission);
}
