using System.Buffers;

namespace CallGateway.Media.Audio;

/// <summary>
/// Adaptive jitter buffer for fixed-duration audio frames (one RTP packet = one 20 ms frame), ordered by RTP sequence
/// number (RFC 3550 section 5.1) extended to 64 bits across wrap-around.
/// </summary>
/// <remarks>
/// <para>Use: <see cref="Insert(uint, ushort, uint, ReadOnlySpan{byte})"/> every received packet; call
/// <see cref="Playout"/> once per frame tick and act on its <see cref="JitterBufferPlayoutKind"/>: decode a Frame,
/// recover a Missing one with FEC from the following packet when <see cref="JitterBufferPlayout.NextIsPresent"/>
/// (else conceal), and conceal or play silence for Empty.</para>
/// <para>Delay: playout starts (and restarts after running dry) once the buffered span reaches the target delay,
/// MinDelay + JitterMultiplier × J in whole frames, with J the RFC 3550 appendix A.8 interarrival jitter, capped at
/// MaxDelay. A deeper
/// buffer is trimmed: beyond MaxDelay at once, beyond target + 1 frame by one frame after it persisted for 10 ticks.
/// Running dry instead of skipping ahead keeps DTX silences (no packets, contiguous sequence numbers) intact.</para>
/// <para>Robustness: duplicates and packets whose slot has passed are dropped and counted; a new SSRC or a sequence
/// jump of at least ResyncThreshold confirmed by the next consecutive packet resynchronises; memory is bounded by a
/// fixed ring of slots whose payloads are rented from <see cref="ArrayPool{T}.Shared"/> and returned on playout.</para>
/// <para>Not thread-safe: the caller serialises Insert, Playout and Statistics (e.g. on the session's media
/// actor). Dispose returns the pooled buffers.</para>
/// </remarks>
public sealed class JitterBuffer : IDisposable
{
    private const int ExcessTicksBeforeDrop = 10;

    private readonly JitterEstimator _jitter;
    private readonly int _frameSamples;
    private readonly int _maxPayload;
    private readonly int _resyncThreshold;
    private readonly int _minFrames;
    private readonly int _maxFrames;
    private readonly double _frameSeconds;
    private readonly TimeSpan _minDelay;
    private readonly double _jitterMultiplier;
    private readonly JitterSlotRing _slots;

    private bool _hasStream;
    private uint _ssrc;
    private long _highest; // newest extended sequence number buffered
    private long _cursor; // next extended sequence number to play
    private bool _playedInStream;
    private bool _buffering = true;
    private int _excessTicks;
    private bool _probation;
    private ushort _probationSequence;
    private long _lastPlayedSequence = -1;
    private uint _lastPlayedTimestamp;
    private bool _disposed;

    private long _received;
    private long _played;
    private long _lost;
    private long _late;
    private long _duplicates;
    private long _discarded;
    private long _dropped;
    private long _underruns;
    private long _resyncs;

    public JitterBuffer(JitterBufferOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new JitterBufferOptions();
        options.Validate();
        _jitter = new JitterEstimator(options.ClockRate, timeProvider ?? TimeProvider.System);
        _frameSeconds = options.FrameDuration.TotalSeconds;
        _frameSamples = (int)Math.Round(_frameSeconds * options.ClockRate);
        _maxPayload = options.MaxPayloadSize;
        _resyncThreshold = options.ResyncThreshold;
        _minDelay = options.MinDelay;
        _jitterMultiplier = options.JitterMultiplier;
        _minFrames = FramesFor(options.MinDelay);
        _maxFrames = Math.Max(_minFrames, FramesFor(options.MaxDelay));

        _slots = new JitterSlotRing(Math.Max(2 * _maxFrames, 32));
    }

    /// <summary>Frames from the playout point to the newest packet (holes included); 0 when empty.</summary>
    public int DepthFrames => _hasStream && _highest >= _cursor ? (int)(_highest - _cursor + 1) : 0;

    /// <summary>The current adaptive target delay.</summary>
    public TimeSpan TargetDelay => TimeSpan.FromSeconds(TargetFrames * _frameSeconds);

    /// <summary>The RFC 3550 interarrival jitter estimate.</summary>
    public TimeSpan Jitter => _jitter.JitterTime;

    public JitterBufferStatistics Statistics => new(
        _received, _played, _lost, _late, _duplicates, _discarded, _dropped, _underruns, _resyncs, DepthFrames, TargetDelay, Jitter);

    private int Capacity => _slots.Capacity;

    private int TargetFrames
    {
        get
        {
            // J decays towards zero but never reaches it: ignore the first tenth of a frame when rounding up, or one
            // jitter episode would keep an extra frame of delay for the rest of the call.
            var target = _minDelay.TotalSeconds + (_jitterMultiplier * _jitter.JitterTime.TotalSeconds);
            return Math.Clamp((int)Math.Ceiling((target / _frameSeconds) - 0.1), _minFrames, _maxFrames);
        }
    }

    /// <summary>Inserts a packet of the current stream (same SSRC as before).</summary>
    public JitterBufferInsertResult Insert(ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload) =>
        Insert(_hasStream ? _ssrc : 0, sequenceNumber, timestamp, payload);

    /// <summary>Inserts a received packet; the payload is copied into a pooled buffer.</summary>
    public JitterBufferInsertResult Insert(uint ssrc, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _received++;
        if (payload.Length > _maxPayload)
        {
            _discarded++;
            return JitterBufferInsertResult.TooLarge;
        }

        var resynced = false;
        if (_hasStream && ssrc != _ssrc)
        {
            Resync();
            resynced = true;
        }

        if (!_hasStream)
        {
            StartStream(ssrc, sequenceNumber);
        }

        var extended = _highest + (short)(sequenceNumber - (ushort)_highest);
        if (Math.Abs(extended - _highest) >= _resyncThreshold)
        {
            if (!ConfirmJump(sequenceNumber))
            {
                _discarded++;
                return JitterBufferInsertResult.OutOfRange;
            }

            Resync();
            StartStream(ssrc, sequenceNumber);
            extended = _highest;
            resynced = true;
        }

        _probation = false;
        var result = Store(extended, timestamp, payload);
        return resynced && result == JitterBufferInsertResult.Inserted ? JitterBufferInsertResult.Resynchronized : result;
    }

    /// <summary>
    /// Called once per frame tick: returns the next frame, a Missing slot (with the following packet for FEC when
    /// buffered) or Empty. <paramref name="destination"/> must hold <c>MaxPayloadSize</c> bytes.
    /// </summary>
    public JitterBufferPlayout Playout(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasStream)
        {
            return Empty();
        }

        if (_buffering)
        {
            if (DepthFrames < TargetFrames)
            {
                return Empty();
            }

            _buffering = false;
        }

        TrimExcess();
        if (_cursor > _highest)
        {
            // Ran dry: hold the cursor (a DTX pause continues with the next sequence number) and refill to the target.
            _buffering = true;
            _underruns++;
            return Empty();
        }

        return TakeSlot(destination);
    }

    /// <summary>Forgets the stream (e.g. on renegotiation); the next packet starts a new one. Counters are kept.</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Resync();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _slots.ReleaseAll();
        _disposed = true;
    }

    private JitterBufferInsertResult Store(long extended, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (extended < _cursor && (_playedInStream || _highest - extended >= Capacity - 1))
        {
            _jitter.Update(timestamp); // late packets are the jitter the estimate must learn about
            _late++;
            return JitterBufferInsertResult.Late;
        }

        if (_slots.Contains(extended))
        {
            _duplicates++;
            return JitterBufferInsertResult.Duplicate;
        }

        _jitter.Update(timestamp);
        if (extended < _cursor)
        {
            _cursor = extended; // reordered before playout started: play it first
        }

        if (extended > _highest)
        {
            _highest = extended;
            if (_highest - _cursor >= Capacity)
            {
                Skip(_highest - Capacity + 1 - _cursor); // keep the window inside the ring
            }
        }

        _slots.Store(extended, timestamp, payload);
        return JitterBufferInsertResult.Inserted;
    }

    private JitterBufferPlayout TakeSlot(Span<byte> destination)
    {
        var sequence = _cursor;
        _cursor++;
        if (_slots.Contains(sequence))
        {
            var length = _slots.CopyTo(sequence, destination);
            _lastPlayedSequence = sequence;
            _lastPlayedTimestamp = _slots.TimestampOf(sequence);
            _playedInStream = true;
            _played++;
            _slots.Release(sequence);
            return new JitterBufferPlayout(JitterBufferPlayoutKind.Frame, (ushort)sequence, _lastPlayedTimestamp, length, NextIsPresent: false);
        }

        _lost++;
        _playedInStream = true;
        var nextPresent = _slots.Contains(sequence + 1);
        var fecLength = nextPresent ? _slots.CopyTo(sequence + 1, destination) : 0;
        return new JitterBufferPlayout(JitterBufferPlayoutKind.Missing, (ushort)sequence, EstimateTimestamp(sequence), fecLength, nextPresent);
    }

    private void TrimExcess()
    {
        var depth = DepthFrames;
        var target = TargetFrames;
        if (depth > _maxFrames)
        {
            Skip(depth - target); // a burst after a stall: cut straight back to the target
            _excessTicks = 0;
        }
        else if (depth > target + 1)
        {
            if (++_excessTicks >= ExcessTicksBeforeDrop)
            {
                Skip(1); // persistent excess (e.g. jitter dropped or clock drift): shed one frame
                _excessTicks = 0;
            }
        }
        else
        {
            _excessTicks = 0;
        }
    }

    private void Skip(long frames)
    {
        for (var i = 0; i < frames; i++)
        {
            if (_slots.Release(_cursor))
            {
                _dropped++;
            }
            else
            {
                _lost++;
            }

            _cursor++;
        }
    }

    private bool ConfirmJump(ushort sequenceNumber)
    {
        // The first packet of a jump is held back as a suspect; the next consecutive one confirms the new position.
        if (_probation && sequenceNumber == (ushort)(_probationSequence + 1))
        {
            _probation = false;
            return true;
        }

        _probation = true;
        _probationSequence = sequenceNumber;
        return false;
    }

    private void StartStream(uint ssrc, ushort sequenceNumber)
    {
        _hasStream = true;
        _ssrc = ssrc;
        _highest = (1L << 16) + sequenceNumber; // room below for reordered packets without negative numbers
        _cursor = _highest;
        _playedInStream = false;
        _buffering = true;
        _lastPlayedSequence = -1;
    }

    private void Resync()
    {
        if (_hasStream)
        {
            _resyncs++;
        }

        _slots.ReleaseAll();
        _hasStream = false;
        _probation = false;
        _excessTicks = 0;
        _jitter.ResetReference();
    }

    private uint EstimateTimestamp(long sequence)
    {
        if (_lastPlayedSequence >= 0)
        {
            return unchecked(_lastPlayedTimestamp + (uint)((sequence - _lastPlayedSequence) * _frameSamples));
        }

        for (var s = sequence + 1; s <= _highest && s < sequence + Capacity; s++)
        {
            if (_slots.Contains(s))
            {
                return unchecked(_slots.TimestampOf(s) - (uint)((s - sequence) * _frameSamples));
            }
        }

        return 0;
    }

    private static JitterBufferPlayout Empty() => new(JitterBufferPlayoutKind.Empty, 0, 0, 0, NextIsPresent: false);

    private int FramesFor(TimeSpan delay) => Math.Max(1, (int)Math.Ceiling((delay.TotalSeconds / _frameSeconds) - 1e-9));
}
