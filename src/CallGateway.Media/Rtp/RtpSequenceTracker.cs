namespace CallGateway.Media.Rtp;

/// <summary>
/// Validates a source's sequence numbers and extends them to 32 bits, as in RFC 3550 Appendix A.1:
/// a new source is on probation until <c>minSequential</c> packets arrive in sequence; a jump of less than
/// <see cref="MaxDropout"/> ahead is accepted (counting a wrap); a jump further away is ignored unless the very next
/// packet follows it, in which case the source is taken to have restarted; packets less than
/// <see cref="MaxMisorder"/> behind are duplicates or reordered and are counted.
/// </summary>
/// <remarks>
/// Differs from the RFC's C code in one place: the probation test "seq == max_seq + 1" is done modulo 2^16, so a
/// source whose first packets straddle 65535 → 0 is not kept on probation forever.
/// </remarks>
public sealed class RtpSequenceTracker
{
    /// <summary>Largest forward jump accepted as loss (RFC 3550 A.1).</summary>
    public const int MaxDropout = 3000;

    /// <summary>A step this far back or further counts as a jump, not reordering (RFC 3550 A.1).</summary>
    public const int MaxMisorder = 100;

    /// <summary>Default number of in-sequence packets that validate a new source.</summary>
    public const int DefaultMinSequential = 2;

    private const int SequenceModulus = 1 << 16;

    private readonly int _minSequential;
    private bool _started;
    private int _probation;
    private ushort _maxSequence;
    private uint _cycles;
    private int _badSequence = SequenceModulus + 1;

    /// <param name="minSequential">In-sequence packets needed before the source is valid (1 = valid at once).</param>
    public RtpSequenceTracker(int minSequential = DefaultMinSequential)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSequential);
        _minSequential = minSequential;
    }

    /// <summary>True once the source passed probation.</summary>
    public bool IsValid => _started && _probation == 0;

    /// <summary>Shifted count of sequence-number wraps (RFC 3550 "cycles").</summary>
    public uint Cycles => _cycles;

    /// <summary>The first sequence number counted after (re)validation.</summary>
    public ushort BaseSequence { get; private set; }

    /// <summary>The highest sequence number seen (16 bits).</summary>
    public ushort MaxSequence => _maxSequence;

    /// <summary>Highest sequence number extended with the wrap count (RFC 3550 §6.4.1).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets counted since (re)validation, including duplicates and late ones.</summary>
    public long Received { get; private set; }

    /// <summary>True if the last <see cref="Update"/> (re)initialised the counters: validation completed or the source restarted.</summary>
    public bool Restarted { get; private set; }

    /// <summary>
    /// Feeds one received sequence number. Returns true if the packet counts (valid source, in range), false while
    /// on probation or for a wild jump.
    /// </summary>
    public bool Update(ushort sequence)
    {
        Restarted = false;
        if (!_started)
        {
            _started = true;
            Initialize(sequence);
            _maxSequence = (ushort)(sequence - 1);
            _probation = _minSequential;
        }

        if (_probation > 0)
        {
            if (sequence == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequence;
                if (_probation == 0)
                {
                    Initialize(sequence);
                    Received++;
                    return true;
                }
            }
            else
            {
                _probation = _minSequential - 1;
                _maxSequence = sequence;
            }

            return false;
        }

        ushort delta = (ushort)(sequence - _maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulus - MaxMisorder)
        {
            if (sequence != _badSequence)
            {
                _badSequence = (sequence + 1) & (SequenceModulus - 1);
                return false;
            }

            // Two sequential packets after a big jump: the sender restarted (RFC 3550 A.1).
            Initialize(sequence);
        }

        // else: duplicate or reordered within MaxMisorder; counted but does not move the maximum.
        Received++;
        return true;
    }

    private void Initialize(ushort sequence)
    {
        BaseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        Received = 0;
        Restarted = true;
    }
}
