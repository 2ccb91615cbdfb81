namespace CallGateway.Media.Audio;

/// <summary>
/// Sums several sources into what a call hears (a prompt, a stream's audio, an echo), clipping at full scale.
/// Sources can be added and removed from any thread while the media clock reads.
/// </summary>
public sealed class MixingSource(int frameSamples) : IAudioSource
{
    private readonly Lock _gate = new();
    private readonly short[] _scratch = new short[frameSamples];
    private readonly int[] _sum = new int[frameSamples];
    private IAudioSource[] _sources = [];

    public int Count => Volatile.Read(ref _sources).Length;

    public void Add(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            _sources = [.. _sources, source];
        }
    }

    public void Remove(IAudioSource source)
    {
        lock (_gate)
        {
            _sources = _sources.Where(s => !ReferenceEquals(s, source)).ToArray();
        }
    }

    public bool ReadFrame(Span<short> frame)
    {
        var sources = Volatile.Read(ref _sources);
        var any = false;
        Array.Clear(_sum);
        foreach (var source in sources)
        {
            if (!source.ReadFrame(_scratch))
            {
                continue;
            }

            any = true;
            for (var i = 0; i < _sum.Length; i++)
            {
                _sum[i] += _scratch[i];
            }
        }

        if (!any)
        {
            return false;
        }

        for (var i = 0; i < frame.Length && i < _sum.Length; i++)
        {
            frame[i] = (short)Math.Clamp(_sum[i], short.MinValue, short.MaxValue);
        }

        return true;
    }
}
