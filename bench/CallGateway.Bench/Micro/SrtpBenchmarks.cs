using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using CallGateway.Media.Srtp;

namespace CallGateway.Bench.Micro;

/// <summary>
/// SRTP cost per packet with <see cref="SrtpContext"/>: a 172-byte RTP packet (12-byte header + 160-byte payload,
/// the size of a 20 ms G.711 frame and an upper bound for 32 kbps Opus) protected by the sender's context and
/// unprotected (authenticated, replay-checked, decrypted) by the receiver's. Every operation uses the next sequence
/// number, as a real stream does, so replay checks and ROC tracking are on the measured path.
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmarks : IDisposable
{
    private const int HeaderLength = 12;
    private const int PayloadLength = 160;
    private const int PacketLength = HeaderLength + PayloadLength;
    private readonly byte[] _template = new byte[PacketLength];
    private readonly byte[] _buffer = new byte[PacketLength + 16];
    private SrtpContext? _sender;
    private SrtpContext? _receiver;
    private ushort _sequence;
    private uint _timestamp;

    [Params(SrtpProfile.AesCm128HmacSha1_80, SrtpProfile.AeadAes128Gcm)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var key = new byte[16];
        var salt = new byte[Profile == SrtpProfile.AeadAes128Gcm ? 12 : 14];
        random.NextBytes(key);
        random.NextBytes(salt);
        _sender = new SrtpContext(Profile, key, salt);
        _receiver = new SrtpContext(Profile, key, salt);
        random.NextBytes(_template);
        _template[0] = 0x80;
        _template[1] = 111;
        BinaryPrimitives.WriteUInt32BigEndian(_template.AsSpan(8), 0x1234_5678);
        _sequence = 1;
        _timestamp = 0;
    }

    /// <summary>One sent and one received packet: what one SRTP packet costs end to end.</summary>
    [Benchmark(Baseline = true)]
    public int ProtectAndUnprotect()
    {
        var length = Protect();
        if (_receiver!.UnprotectRtp(_buffer, length, out var plain) != SrtpResult.Ok)
        {
            throw new InvalidOperationException("unprotect failed");
        }

        return plain;
    }

    /// <summary>The sending half alone (fill the packet, encrypt, tag).</summary>
    [Benchmark]
    public int ProtectOnly() => Protect();

    [GlobalCleanup]
    public void Dispose()
    {
        _sender?.Dispose();
        _receiver?.Dispose();
        _sender = null;
        _receiver = null;
        GC.SuppressFinalize(this);
    }

    private int Protect()
    {
        _template.CopyTo(_buffer, 0);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(2), _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(4), _timestamp += 960);
        if (_sender!.ProtectRtp(_buffer, PacketLength, out var protectedLength) != SrtpResult.Ok)
        {
            throw new InvalidOperationException("protect failed");
        }

        return protectedLength;
    }
}
