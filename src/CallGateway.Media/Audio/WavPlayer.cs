namespace CallGateway.Media.Audio;

/// <summary>
/// Plays audio (a prompt or an uploaded WAV, already converted to the call's rate) into a call frame by frame,
/// once or in a loop. Thread-safe: the media clock reads while the API may stop it.
/// </summary>
public sealed class WavPlayer : IAudioSource
{
    private readonly short[] _samples;
    private readonly bool _loop;
    private int _position;
    private volatile bool _stopped;

    public WavPlayer(short[] samples, bool loop)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _samples = samples;
        _loop = loop && samples.Length > 0;
    }

    /// <summary>Loads a WAV and converts it to mono at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="InvalidDataException">Not a PCM16 WAV file.</exception>
    public static WavPlayer FromWav(Stream wav, int sampleRate, bool loop, long maxDataBytes = WavFile.DefaultMaxDataBytes)
    {
        var audio = WavFile.Read(wav, maxDataBytes);
        var mono = AudioConversion.ToMono(audio.Samples.Span, audio.Format.Channels);
        return new WavPlayer(AudioConversion.Resample(mono, audio.Format.SampleRate, sampleRate), loop);
    }

    public TimeSpan Duration(int sampleRate) => TimeSpan.FromSeconds(_samples.Length / (double)sampleRate);

    /// <summary>True once everything was played (never for a loop) or the player was stopped.</summary>
    public bool Finished => _stopped || (!_loop && Volatile.Read(ref _position) >= _samples.Length);

    public void Stop() => _stopped = true;

    public bool ReadFrame(Span<short> frame)
    {
        if (Finished)
        {
            return false;
        }

        var written = 0;
        while (written < frame.Length)
        {
            var available = _samples.Length - _position;
            if (available <= 0)
            {
                if (!_loop)
                {
                    frame[written..].Clear();
                    break;
                }

                _position = 0;
                continue;
            }

            var take = Math.Min(available, frame.Length - written);
            _samples.AsSpan(_position, take).CopyTo(frame[written..]);
            written += take;
            Volatile.Write(ref _position, _position + take);
        }

        return written > 0;
    }
}
