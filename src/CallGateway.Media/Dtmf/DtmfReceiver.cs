namespace CallGateway.Media.Dtmf;

/// <summary>
/// Turns received RFC 4733 telephone-event packets into DTMF key presses, each reported exactly once.
/// </summary>
/// <remarks>
/// <para>An event is identified by its RTP timestamp (all its packets carry the start time, RFC 4733 section 2.5.1.2).
/// A key press is reported when its first end (E bit) report arrives, with the duration from that report; the
/// repeated end reports (section 2.5.1.4) and late updates match a recently reported timestamp and are ignored. If
/// every end report is lost, the event is still reported once, with <see cref="DtmfDigitEvent.EndReceived"/> false,
/// when a newer event begins or when no update arrived for <c>eventTimeout</c> (checked by <see cref="Receive"/> and
/// <see cref="Poll"/>). A start-only report would let callers react 100 ms earlier but gives no duration and needs
/// the same end bookkeeping; reporting at the end is what IVR menus expect.</para>
/// <para>Not thread-safe: call from the thread or actor that handles the stream's RTP (and its tick). Call
/// <see cref="Reset"/> when the sender's SSRC changes.</para>
/// </remarks>
public sealed class DtmfReceiver
{
    private const int RecentCount = 8;
    private const int MaxPending = 64;

    private readonly int _clockRate;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _eventTimeout;
    private readonly uint[] _recent = new uint[RecentCount];
    private readonly Queue<DtmfDigitEvent> _pending = new();
    private int _recentCount;
    private int _recentNext;

    private bool _open;
    private bool _hasNewest;
    private uint _newestTimestamp; // start of the newest event seen, open or closed
    private uint _openTimestamp;
    private byte _openEvent;
    private byte _openVolume;
    private ushort _openDuration;
    private long _lastUpdate;

    /// <param name="clockRate">Clock rate of the telephone-event payload type (8000 or 48000), for durations.</param>
    /// <param name="timeProvider">Clock for the lost-end timeout; the system clock by default.</param>
    /// <param name="eventTimeout">How long an event may go without updates before it is closed (default 200 ms).</param>
    public DtmfReceiver(int clockRate = 8000, TimeProvider? timeProvider = null, TimeSpan? eventTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _eventTimeout = eventTimeout ?? TimeSpan.FromMilliseconds(200);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_eventTimeout, TimeSpan.Zero, nameof(eventTimeout));
    }

    /// <summary>Key presses reported and not yet read.</summary>
    public int PendingDigits => _pending.Count;

    /// <summary>Key presses dropped because more than 64 were waiting to be read.</summary>
    public long DroppedDigits { get; private set; }

    /// <summary>Processes one telephone-event RTP packet (its RTP timestamp, marker bit and payload).</summary>
    public DtmfReceiveResult Receive(uint rtpTimestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        _ = marker; // the timestamp identifies events; a lost first packet (the marked one) must not lose the digit
        Poll();
        if (!DtmfEvent.TryParse(payload, out var report))
        {
            return DtmfReceiveResult.Malformed;
        }

        if (report.EventCode > 15)
        {
            return DtmfReceiveResult.Unsupported;
        }

        if (_open && rtpTimestamp == _openTimestamp)
        {
            return Update(report);
        }

        if (IsRecent(rtpTimestamp))
        {
            return DtmfReceiveResult.Duplicate;
        }

        if (_hasNewest && (int)(rtpTimestamp - _newestTimestamp) < 0)
        {
            // Serial-number comparison (half the 32-bit space: 3 days at 8 kHz): an event that started before the newest
            // one is a very late packet; reporting it now would reorder or repeat key presses.
            return DtmfReceiveResult.Stale;
        }

        if (_open)
        {
            Close(endReceived: false); // a newer event began: the open one's end reports were all lost
        }

        _open = true;
        _hasNewest = true;
        _newestTimestamp = rtpTimestamp;
        _openTimestamp = rtpTimestamp;
        _openEvent = report.EventCode;
        _openDuration = 0;
        var result = Update(report);
        return result == DtmfReceiveResult.Completed ? result : DtmfReceiveResult.Started;
    }

    /// <summary>Closes an event whose updates stopped for longer than the timeout; call from the media tick.</summary>
    public void Poll()
    {
        if (_open && _timeProvider.GetElapsedTime(_lastUpdate) > _eventTimeout)
        {
            Close(endReceived: false);
        }
    }

    /// <summary>Takes the next reported key press, oldest first.</summary>
    public bool TryReadDigit(out DtmfDigitEvent digit) => _pending.TryDequeue(out digit);

    /// <summary>Forgets the event in progress and the recent timestamps (e.g. after an SSRC change); keeps unread digits.</summary>
    public void Reset()
    {
        _open = false;
        _hasNewest = false;
        _recentCount = 0;
        _recentNext = 0;
    }

    private DtmfReceiveResult Update(DtmfEvent report)
    {
        _lastUpdate = _timeProvider.GetTimestamp();
        _openVolume = report.Volume;

        // Reordered updates may carry a shorter duration; keep the longest seen.
        _openDuration = Math.Max(_openDuration, report.Duration);
        if (!report.End)
        {
            return DtmfReceiveResult.Updated;
        }

        _openDuration = report.Duration; // the end report's duration is final
        Close(endReceived: true);
        return DtmfReceiveResult.Completed;
    }

    private void Close(bool endReceived)
    {
        _open = false;
        _recent[_recentNext] = _openTimestamp;
        _recentNext = (_recentNext + 1) % RecentCount;
        _recentCount = Math.Min(_recentCount + 1, RecentCount);

        DtmfDigits.TryGetDigit(_openEvent, out var digit);
        var duration = TimeSpan.FromSeconds((double)_openDuration / _clockRate);
        if (_pending.Count >= MaxPending)
        {
            DroppedDigits++;
            return;
        }

        _pending.Enqueue(new DtmfDigitEvent(digit, _openTimestamp, _openDuration, duration, _openVolume, endReceived));
    }

    private bool IsRecent(uint timestamp)
    {
        for (var i = 0; i < _recentCount; i++)
        {
            if (_recent[i] == timestamp)
            {
                return true;
            }
        }

        return false;
    }
}
