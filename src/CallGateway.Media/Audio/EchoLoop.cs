namespace CallGateway.Media.Audio;

/// <summary>Line test: what the caller says is played back to them (delayed by one frame, bounded to ~1 s).</summary>
public sealed class EchoLoop(int frameSamples) : IAudioSink, IAudioSource
{
    private const int MaxFrames = 50;
    private readonly Lock _gate = new();
    private readonly Queue<short[]> _frames = new();

    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        lock (_gate)
        {
            if (_frames.Count >= MaxFrames)
            {
                _frames.Dequeue();
            }

            _frames.Enqueue(frame.ToArray());
        }
    }

    public bool ReadFrame(Span<short> frame)
    {
        short[]? next;
        lock (_gate)
        {
            _frames.TryDequeue(out next);
        }

        if (next is null || next.Length != frameSamples)
        {
            return false;
        }

        next.CopyTo(frame);
        return true;
    }
}
