namespace CallGateway.Media.Codecs;

/// <summary>
/// Encodes 20 ms frames of 16-bit PCM to Opus packets (RFC 6716; RTP payload format RFC 7587) with the system libopus.
/// </summary>
/// <remarks>
/// Not thread-safe: one encoder per outgoing stream, driven from one thread at a time (the media session's tick).
/// <see cref="Dispose"/> is idempotent; any call after it throws <see cref="ObjectDisposedException"/>.
/// Setup and configuration errors throw <see cref="OpusException"/> or <see cref="ArgumentException"/>.
/// </remarks>
public sealed class OpusEncoder : IDisposable
{
    /// <summary>Largest packet libopus produces for one frame (RFC 6716 section 3.2.1: 1275 bytes per frame).</summary>
    public const int MaxPacketSize = 1275;

    private readonly OpusEncoderHandle _handle;

    public OpusEncoder(int sampleRate, int channels = 1, OpusApplication application = OpusApplication.Voip)
    {
        if (!OpusLibrary.IsSupportedSampleRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Opus supports 8000, 12000, 16000, 24000 or 48000 Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);

        _handle = OpusNative.EncoderCreate(sampleRate, channels, (int)application, out var error);
        if (error != OpusNative.Ok || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_encoder_create", (OpusError)error);
        }

        SampleRate = sampleRate;
        Channels = channels;
        FrameSamples = sampleRate / 50;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Samples per channel in one 20 ms frame (960 at 48 kHz, 320 at 16 kHz, 160 at 8 kHz).</summary>
    public int FrameSamples { get; }

    /// <summary>Target bitrate in bits/s (OPUS_SET_BITRATE); reading returns the effective value.</summary>
    public int Bitrate
    {
        get => Get(OpusNative.GetBitrateRequest);
        set => Set(OpusNative.SetBitrateRequest, value);
    }

    /// <summary>Computational complexity 0-10 (OPUS_SET_COMPLEXITY); 5-6 is a good server trade-off.</summary>
    public int Complexity
    {
        get => Get(OpusNative.GetComplexityRequest);
        set => Set(OpusNative.SetComplexityRequest, value);
    }

    /// <summary>In-band FEC (LBRR in SILK frames, RFC 6716 section 4.2.4); only effective with PacketLossPercent &gt; 0.</summary>
    public bool InbandFec
    {
        get => Get(OpusNative.GetInbandFecRequest) != 0;
        set => Set(OpusNative.SetInbandFecRequest, value ? 1 : 0);
    }

    /// <summary>Expected packet loss 0-100 % (OPUS_SET_PACKET_LOSS_PERC); drives how much FEC the encoder adds.</summary>
    public int PacketLossPercent
    {
        get => Get(OpusNative.GetPacketLossPercRequest);
        set => Set(OpusNative.SetPacketLossPercRequest, value);
    }

    /// <summary>Discontinuous transmission (OPUS_SET_DTX): silence is sent as tiny packets about every 400 ms.</summary>
    public bool Dtx
    {
        get => Get(OpusNative.GetDtxRequest) != 0;
        set => Set(OpusNative.SetDtxRequest, value ? 1 : 0);
    }

    /// <summary>Hints that the signal is speech (OPUS_SIGNAL_VOICE) instead of letting libopus detect it (OPUS_AUTO).</summary>
    public bool SignalVoice
    {
        get => Get(OpusNative.GetSignalRequest) == OpusNative.SignalVoice;
        set => Set(OpusNative.SetSignalRequest, value ? OpusNative.SignalVoice : OpusNative.Auto);
    }

    /// <summary>Encoder algorithmic delay in samples per channel at <see cref="SampleRate"/> (OPUS_GET_LOOKAHEAD).</summary>
    public int Lookahead => Get(OpusNative.GetLookaheadRequest);

    /// <summary>
    /// Encodes exactly one 20 ms frame (<see cref="FrameSamples"/> × <see cref="Channels"/> interleaved samples) into
    /// <paramref name="packet"/> and returns the packet length in bytes. Use a buffer of at least
    /// <see cref="MaxPacketSize"/> bytes. A length of 1 or 2 bytes is a DTX frame that need not be transmitted.
    /// </summary>
    public unsafe int Encode(ReadOnlySpan<short> pcm, Span<byte> packet)
    {
        if (pcm.Length != FrameSamples * Channels)
        {
            throw new ArgumentException($"Expected {FrameSamples * Channels} samples (one 20 ms frame), got {pcm.Length}.", nameof(pcm));
        }

        if (packet.IsEmpty)
        {
            throw new ArgumentException("The packet buffer is empty.", nameof(packet));
        }

        int length;
        fixed (short* pcmPtr = pcm)
        fixed (byte* packetPtr = packet)
        {
            length = OpusNative.Encode(_handle, pcmPtr, FrameSamples, packetPtr, packet.Length);
        }

        if (length < 0)
        {
            throw new OpusException("opus_encode", (OpusError)length);
        }

        return length;
    }

    /// <summary>Resets the codec state (OPUS_RESET_STATE) as if freshly created, keeping the settings.</summary>
    public void Reset() => Set(OpusNative.ResetStateRequest, 0);

    public void Dispose() => _handle.Dispose();

    private void Set(int request, int value)
    {
        var result = OpusNative.EncoderCtlSet(_handle, request, value);
        if (result != OpusNative.Ok)
        {
            throw new OpusException("opus_encoder_ctl(" + request.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", (OpusError)result);
        }
    }

    private int Get(int request)
    {
        var result = OpusNative.EncoderCtlGet(_handle, request, out var value);
        if (result != OpusNative.Ok)
        {
            throw new OpusException("opus_encoder_ctl(" + request.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", (OpusError)result);
        }

        return value;
    }
}
