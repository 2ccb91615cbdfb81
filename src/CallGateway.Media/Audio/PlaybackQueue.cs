namespace CallGateway.Media.Audio;

/// <summary>
/// Audio pushed from outside (a WebSocket media stream) waiting to be played into the call, with named marks that
/// fire when playback reaches them and a <see cref="Clear"/> for barge-in. Bounded: audio beyond
/// <see cref="MaxBuffered"/> is dropped rather than letting latency grow without limit.
/// </summary>
public sealed class PlaybackQueue(int sampleRate, TimeSpan? maxBuffered = null) : IAudioSource
{
    private readonly Lock _gate = new();
    private readonly Queue<short[]> _chunks = new();
    private readonly Queue<(long Position, string Name)> _marks = new();
    private int _offset;
    private long _queued;
    private long _played;

    /// <summary>Raised (on the media clock) when playback reaches a mark, or at once for marks dropped by Clear.</summary>
    public event Action<string>? MarkReached;

    public TimeSpan MaxBuffered { get; } = maxBuffered ?? TimeSpan.FromSeconds(30);

    public long SamplesDropped { get; private set; }

    public TimeSpan Buffered
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromSeconds((_queued - _played) / (double)sampleRate);
            }
        }
    }

    public void Enqueue(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            if (_queued - _played + samples.Length > MaxBuffered.TotalSeconds * sampleRate)
            {
                SamplesDropped += samples.Length;
                return;
            }

            _chunks.Enqueue(samples.ToArray());
            _queued += samples.Length;
        }
    }

    /// <summary>Fires <paramref name="name"/> once everything queued before it has been played.</summary>
    public void Mark(string name)
    {
        var fireNow = false;
        lock (_gate)
        {
            if (_queued == _played)
            {
                fireNow = true;
            }
            else
            {
                _marks.Enqueue((_queued, name));
            }
        }

        if (fireNow)
        {
            MarkReached?.Invoke(name);
        }
    }

    /// <summary>Drops queued audio (the caller barged in); pending marks fire at once.</summary>
    public void Clear()
    {
        List<string> fired = [];
        lock (_gate)
        {
            _chunks.Clear();
            _offset = 0;
            _played = _queued;
            while (_marks.TryDequeue(out var mark))
            {
                fired.Add(mark.Name);
            }
        }

        fired.ForEach(name => MarkReached?.Invoke(name));
    }

    public bool ReadFrame(Span<short> frame)
    {
        List<string>? fired = null;
        var written = 0;
        lock (_gate)
        {
            while (written < frame.Length && _chunks.TryPeek(out var chunk))
            {
                var take = Math.Min(chunk.Length - _offset, frame.Length - written);
                chunk.AsSpan(_offset, take).CopyTo(frame[written..]);
                written += take;
                _offset += take;
                if (_offset == chunk.Length)
                {
                    _chunks.Dequeue();
                    _offset = 0;
                }
            }

            _played += written;
            while (_marks.TryPeek(out var mark) && mark.Position <= _played)
            {
                (fired ??= []).Add(_marks.Dequeue().Name);
            }
        }

        frame[written..].Clear();
        fired?.ForEach(name => MarkReached?.Invoke(name));
        return written > 0;
    }
}
