using CallGateway.Media;

namespace CallGateway.Bench.Capacity;

/// <summary>Plays a shared PCM buffer in a loop from a per-call offset (the speech-like capacity variant).</summary>
internal sealed class LoopingSource(short[] samples, int offset) : IAudioSource
{
    private int _position = offset % samples.Length;

    public bool ReadFrame(Span<short> frame)
    {
        var filled = 0;
        while (filled < frame.Length)
        {
            var count = Math.Min(frame.Length - filled, samples.Length - _position);
            samples.AsSpan(_position, count).CopyTo(frame[filled..]);
            filled += count;
            _position = (_position + count) % samples.Length;
        }

        return true;
    }
}
