namespace CallGateway.Media.Codecs;

/// <summary>
/// Decodes Opus packets (RFC 6716 / RFC 7587) to 16-bit PCM, including in-band FEC recovery and packet loss concealment.
/// </summary>
/// <remarks>
/// <para>Error policy: packet bytes come from the network, so <see cref="TryDecode"/> never throws for bad content: a
/// corrupt, empty or oversize packet returns false (see <see cref="LastError"/>) and leaves the decoder state untouched;
/// the caller then conceals the frame with <see cref="Conceal"/>. <see cref="Decode"/> is the throwing variant for code
/// that handles its own packets. <see cref="DecodeFec"/> falls back to concealment on a corrupt packet. Only
/// programming errors (bad sizes) throw <see cref="ArgumentException"/>.</para>
/// <para>Not thread-safe: one decoder per incoming stream, driven from one thread at a time. <see cref="Dispose"/> is
/// idempotent; any call after it throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class OpusDecoder : IDisposable
{
    private readonly OpusDecoderHandle _handle;

    public OpusDecoder(int sampleRate, int channels = 1)
    {
        if (!OpusLibrary.IsSupportedSampleRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Opus supports 8000, 12000, 16000, 24000 or 48000 Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);

        _handle = OpusNative.DecoderCreate(sampleRate, channels, out var error);
        if (error != OpusNative.Ok || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_decoder_create", (OpusError)error);
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Samples per channel in 20 ms at <see cref="SampleRate"/>.</summary>
    public int FrameSamples => SampleRate / 50;

    /// <summary>The result of the last decode call (<see cref="OpusError.Ok"/> after a success).</summary>
    public OpusError LastError { get; private set; }

    /// <summary>
    /// Decodes one packet into <paramref name="pcm"/> (interleaved; its length bounds the frame size, so give it room
    /// for the longest packet you accept, 120 ms = 5760 samples per channel at 48 kHz). Returns false without throwing
    /// for an empty, corrupt or too-long packet.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> packet, Span<short> pcm, out int samplesPerChannel)
    {
        if (packet.IsEmpty)
        {
            // libopus treats an empty packet as "conceal": never let a 0-byte payload silently turn into PLC.
            LastError = OpusError.InvalidPacket;
            samplesPerChannel = 0;
            return false;
        }

        var result = DecodeCore(packet, pcm, pcm.Length / Channels, decodeFec: false);
        samplesPerChannel = Math.Max(result, 0);
        return result > 0;
    }

    /// <summary>Decodes one packet and returns samples per channel; throws <see cref="OpusException"/> on a bad packet.</summary>
    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        if (!TryDecode(packet, pcm, out var samples))
        {
            throw new OpusException("opus_decode", LastError);
        }

        return samples;
    }

    /// <summary>
    /// Recovers a lost frame of <paramref name="frameSamples"/> samples per channel from the LBRR (in-band FEC) data of
    /// the packet that follows the loss (RFC 6716 section 4.2.4). Afterwards decode <paramref name="nextPacket"/>
    /// normally. If the packet carries no FEC data libopus conceals instead; if it is corrupt this method conceals.
    /// Returns <paramref name="frameSamples"/>.
    /// </summary>
    public int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, int frameSamples)
    {
        ValidateConcealSize(pcm, frameSamples);
        if (nextPacket.IsEmpty)
        {
            return Conceal(pcm, frameSamples);
        }

        var result = DecodeCore(nextPacket, pcm, frameSamples, decodeFec: true);
        return result > 0 ? result : Conceal(pcm, frameSamples);
    }

    /// <summary>
    /// Packet loss concealment: synthesises <paramref name="frameSamples"/> samples per channel (a multiple of 2.5 ms,
    /// normally one 20 ms frame) continuing the previous audio. Returns <paramref name="frameSamples"/>.
    /// </summary>
    public int Conceal(Span<short> pcm, int frameSamples)
    {
        ValidateConcealSize(pcm, frameSamples);
        var result = DecodeCore(ReadOnlySpan<byte>.Empty, pcm, frameSamples, decodeFec: false);
        if (result < 0)
        {
            throw new OpusException("opus_decode(PLC)", (OpusError)result);
        }

        return result;
    }

    public void Dispose() => _handle.Dispose();

    private unsafe int DecodeCore(ReadOnlySpan<byte> packet, Span<short> pcm, int frameSize, bool decodeFec)
    {
        int result;
        fixed (byte* packetPtr = packet)
        fixed (short* pcmPtr = pcm)
        {
            // An empty span pins to null, which is exactly libopus' "data == NULL means lost" convention.
            result = OpusNative.Decode(_handle, packet.IsEmpty ? null : packetPtr, packet.Length, pcmPtr, frameSize, decodeFec ? 1 : 0);
        }

        LastError = result < 0 ? (OpusError)result : OpusError.Ok;
        return result;
    }

    private void ValidateConcealSize(Span<short> pcm, int frameSamples)
    {
        // libopus requires the exact missing duration in 2.5 ms steps for PLC/FEC to keep its state aligned.
        var step = SampleRate / 400;
        if (frameSamples <= 0 || frameSamples % step != 0 || frameSamples > SampleRate * 120 / 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(frameSamples), frameSamples, "Must be a positive multiple of 2.5 ms, at most 120 ms.");
        }

        if (pcm.Length < frameSamples * Channels)
        {
            throw new ArgumentException($"The PCM buffer needs {frameSamples * Channels} samples.", nameof(pcm));
        }
    }
}
