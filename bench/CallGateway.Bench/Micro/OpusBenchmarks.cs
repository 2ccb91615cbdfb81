using BenchmarkDotNet.Attributes;
using CallGateway.Bench.Infrastructure;
using CallGateway.Media.Codecs;

namespace CallGateway.Bench.Micro;

/// <summary>
/// Opus cost per 20 ms frame at 48 kHz mono, 32 kbps, VOIP application, in-band FEC on with a 10 % expected-loss
/// hint and the voice signal hint: exactly the settings <c>OpusAudioEncoder</c> gets from the default
/// <c>MediaOptions</c>, at complexity 0, 5 (our default) and 10. Each invocation encodes (decodes) the next frame of
/// a 10 s speech-like signal (<see cref="SpeechLikeSignal"/>, or the WAV named by CALLGATEWAY_BENCH_SPEECH), so the
/// figure is the mean over varied content, not one easy frame.
/// </summary>
[MemoryDiagnoser]
public class OpusBenchmarks : IDisposable
{
    public const int SampleRate = 48000;
    public const int Bitrate = 32000;
    public const int FrameSamples = SampleRate / 50;
    private readonly byte[] _packet = new byte[OpusEncoder.MaxPacketSize];
    private readonly short[] _pcm = new short[FrameSamples];
    private short[][] _frames = [];
    private byte[][] _packets = [];
    private OpusEncoder? _encoder;
    private OpusDecoder? _decoder;
    private int _nextEncode;
    private int _nextDecode;

    [Params(0, 5, 10)]
    public int Complexity { get; set; }

    /// <summary>The input as 20 ms frames (shared with the section's packet-size report).</summary>
    public static short[][] LoadFrames()
    {
        var path = Environment.GetEnvironmentVariable("CALLGATEWAY_BENCH_SPEECH");
        short[] samples;
        if (!string.IsNullOrEmpty(path))
        {
            var wav = Media.Audio.WavFile.Read(path);
            if (wav.Format.SampleRate != SampleRate || wav.Format.Channels != 1)
            {
                throw new InvalidOperationException($"{path}: need 48 kHz mono 16-bit PCM.");
            }

            samples = wav.Samples.ToArray();
        }
        else
        {
            samples = SpeechLikeSignal.Generate(SampleRate, 10);
        }

        return Enumerable.Range(0, samples.Length / FrameSamples).Select(i => samples.AsSpan(i * FrameSamples, FrameSamples).ToArray()).ToArray();
    }

    /// <summary>An encoder configured like a media session's.</summary>
    public static OpusEncoder CreateEncoder(int complexity) => new(SampleRate)
    {
        Bitrate = Bitrate,
        Complexity = complexity,
        InbandFec = true,
        PacketLossPercent = 10,
        SignalVoice = true,
    };

    [GlobalSetup]
    public void Setup()
    {
        _frames = LoadFrames();
        _encoder = CreateEncoder(Complexity);
        _decoder = new OpusDecoder(SampleRate);
        using var preEncoder = CreateEncoder(Complexity);
        _packets = _frames.Select(f =>
        {
            var length = preEncoder.Encode(f, _packet);
            return _packet.AsSpan(0, length).ToArray();
        }).ToArray();
    }

    [Benchmark]
    public int Encode()
    {
        var frame = _frames[_nextEncode];
        _nextEncode = _nextEncode + 1 == _frames.Length ? 0 : _nextEncode + 1;
        return _encoder!.Encode(frame, _packet);
    }

    [Benchmark]
    public int Decode()
    {
        var packet = _packets[_nextDecode];
        _nextDecode = _nextDecode + 1 == _packets.Length ? 0 : _nextDecode + 1;
        return _decoder!.TryDecode(packet, _pcm, out var samples) ? samples : -1;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _encoder?.Dispose();
        _decoder?.Dispose();
        _encoder = null;
        _decoder = null;
        GC.SuppressFinalize(this);
    }
}
