using System.Buffers.Binary;
using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

public class WavFileTests
{
    [Fact]
    public void Write_MonoHeader_IsCanonical44Bytes()
    {
        using var stream = new MemoryStream();

        WavFile.Write(stream, new WavFormat(8000, 1), new short[] { 0, 1, -1, short.MaxValue });

        // RIFF size 44-8+8, fmt: PCM, 1 ch, 8000 Hz, 16000 B/s, align 2, 16 bits; data: 8 bytes little-endian.
        Assert.Equal(
            "52494646" + "2C000000" + "57415645" + "666D7420" + "10000000" + "0100" + "0100" + "401F0000" + "803E0000" + "0200" + "1000"
            + "64617461" + "08000000" + "0000" + "0100" + "FFFF" + "FF7F",
            Convert.ToHexString(stream.ToArray()));
    }

    [Theory]
    [InlineData(8000, 1)]
    [InlineData(16000, 1)]
    [InlineData(44100, 2)]
    [InlineData(48000, 2)]
    [InlineData(22050, 1)]
    public void WriteThenRead_RoundTripsFormatAndSamples(int rate, int channels)
    {
        var rng = new Random(rate + channels);
        var samples = Enumerable.Range(0, rate / 10 * channels).Select(_ => (short)rng.Next(short.MinValue, short.MaxValue + 1)).ToArray();
        using var stream = new MemoryStream();

        WavFile.Write(stream, new WavFormat(rate, channels), samples);
        stream.Position = 0;
        var audio = WavFile.Read(stream);

        Assert.Equal(new WavFormat(rate, channels), audio.Format);
        Assert.Equal(samples, audio.Samples.ToArray());
        Assert.Equal(rate / 10, audio.FrameCount);
        Assert.Equal(TimeSpan.FromMilliseconds(100), audio.Duration);
    }

    [Fact]
    public void WavWriter_StreamedFrames_FlushLeavesValidFileAndDisposeFixesHeader()
    {
        using var stream = new MemoryStream();
        var tone = new ToneGenerator(16000, 440, 0.5);
        var frame = new short[320];
        var written = new List<short>();
        var writer = new WavWriter(stream, new WavFormat(16000, 1), leaveOpen: true);

        for (var i = 0; i < 25; i++)
        {
            tone.Fill(frame);
            writer.Write(frame);
            written.AddRange(frame);
        }

        writer.Flush();
        var midway = WavFile.Read(new MemoryStream(stream.ToArray()));
        Assert.Equal(25 * 320, midway.FrameCount);

        for (var i = 0; i < 25; i++)
        {
            tone.Fill(frame);
            writer.Write(frame);
            written.AddRange(frame);
        }

        writer.Dispose();
        writer.Dispose();

        var bytes = stream.ToArray();
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(50u * 320 * 2, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
        var audio = WavFile.Read(new MemoryStream(bytes));
        Assert.Equal(written, audio.Samples.ToArray());
        Assert.Throws<ObjectDisposedException>(() => writer.Write(frame));
    }

    [Fact]
    public void WavFile_PathOverloads_RoundTrip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"callgateway-wav-{Guid.NewGuid():N}.wav");
        try
        {
            var samples = new ToneGenerator(48000, 1000, 0.25).Generate(4800);

            WavFile.Write(path, new WavFormat(48000, 1), samples);
            var audio = WavFile.Read(path);

            Assert.Equal(samples, audio.Samples.ToArray());
            Assert.InRange(AudioAnalysis.DominantFrequency(audio.Samples.Span, 48000), 999, 1001);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WavWriter_NonSeekableStream_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new WavWriter(new NonSeekableStream(new MemoryStream()), new WavFormat(8000, 1)));
    }

    [Fact]
    public void WavWriter_PartialStereoFrame_Rejected()
    {
        using var writer = new WavWriter(new MemoryStream(), new WavFormat(8000, 2));

        Assert.Throws<ArgumentException>(() => writer.Write(new short[3]));
    }

    [Fact]
    public void WavReader_SkipsUnknownChunksIncludingOddSizedOnes()
    {
        var bytes = new WavBuilder()
            .Chunk("JUNK", new byte[3]) // odd size: followed by a pad byte
            .Fmt()
            .Chunk("LIST", new byte[27])
            .Data(new byte[] { 1, 0, 2, 0, 3, 0 })
            .Chunk("id3 ", new byte[10])
            .Build();

        var audio = WavFile.Read(new MemoryStream(bytes));

        Assert.Equal(new short[] { 1, 2, 3 }, audio.Samples.ToArray());
    }

    [Fact]
    public void WavReader_NonSeekableStream_ReadsAndSkips()
    {
        var bytes = new WavBuilder().Chunk("LIST", new byte[100]).Fmt(channels: 2).Data(new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 }).Build();

        var audio = WavFile.Read(new NonSeekableStream(new MemoryStream(bytes)));

        Assert.Equal(new short[] { 1, 2, 3, 4 }, audio.Samples.ToArray());
        Assert.Equal(2, audio.FrameCount);
    }

    [Fact]
    public void WavReader_ExtensiblePcm_Accepted()
    {
        var bytes = new WavBuilder().FmtExtensible(pcm: true).Data(new byte[] { 5, 0 }).Build();

        Assert.Equal(new short[] { 5 }, WavFile.Read(new MemoryStream(bytes)).Samples.ToArray());
    }

    [Fact]
    public void WavReader_StreamingReads_ReturnWholeFrames()
    {
        var samples = Enumerable.Range(0, 100).Select(i => (short)i).ToArray();
        using var stream = new MemoryStream();
        WavFile.Write(stream, new WavFormat(8000, 2), samples);
        stream.Position = 0;
        using var reader = new WavReader(stream);
        var buffer = new short[7]; // odd: only 6 samples (3 stereo frames) fit per read
        var all = new List<short>();

        int n;
        while ((n = reader.ReadSamples(buffer)) > 0)
        {
            Assert.Equal(0, n % 2);
            all.AddRange(buffer.AsSpan(0, n));
        }

        Assert.Equal(samples, all);
        Assert.Equal(50, reader.FrameCount);
    }

    public static TheoryData<string, byte[], string> Malformed() => new()
    {
        { "empty", [], "truncated inside its header" },
        { "truncated RIFF header", "RIFF\0\0"u8.ToArray(), "truncated inside its header" },
        { "big-endian RIFX", new WavBuilder().Fmt().Data([0, 0]).Build(riff: "RIFX"), "RIFX" },
        { "RF64", new WavBuilder().Fmt().Data([0, 0]).Build(riff: "RF64"), "RF64" },
        { "AVI, not WAVE", new WavBuilder().Fmt().Data([0, 0]).Build(form: "AVI "), "not RIFF/WAVE" },
        { "fmt too small", new WavBuilder().Chunk("fmt ", new byte[8]).Data([0, 0]).Build(), "fmt chunk size 8" },
        { "fmt size huge", new WavBuilder().RawChunkHeader("fmt ", 0xFFFFFFF0).Build(), "fmt chunk size 4294967280" },
        { "IEEE float", new WavBuilder().Fmt(tag: 3, bits: 32).Data(new byte[4]).Build(), "format tag 0x0003" },
        { "mu-law", new WavBuilder().Fmt(tag: 7, bits: 8).Data(new byte[2]).Build(), "format tag 0x0007" },
        { "extensible float", new WavBuilder().FmtExtensible(pcm: false).Data(new byte[2]).Build(), "format tag 0xFFFE" },
        { "8-bit PCM", new WavBuilder().Fmt(bits: 8).Data(new byte[2]).Build(), "8 bits" },
        { "24-bit PCM", new WavBuilder().Fmt(bits: 24).Data(new byte[3]).Build(), "24 bits" },
        { "6 channels", new WavBuilder().Fmt(channels: 6).Data(new byte[12]).Build(), "6 channels" },
        { "0 Hz", new WavBuilder().Fmt(rate: 0).Data(new byte[2]).Build(), "0 Hz" },
        { "bad block align", new WavBuilder().Fmt(blockAlign: 3).Data(new byte[2]).Build(), "block alignment 3" },
        { "two fmt chunks", new WavBuilder().Fmt().Fmt().Data(new byte[2]).Build(), "two fmt chunks" },
        { "data before fmt", new WavBuilder().Data(new byte[2]).Fmt().Build(), "before the fmt chunk" },
        { "no fmt chunk", new WavBuilder().Chunk("LIST", new byte[4]).Build(), "ends before its fmt chunk" },
        { "no data chunk", new WavBuilder().Fmt().Build(), "ends before its data chunk" },
        { "data size beyond file", new WavBuilder().Fmt().RawChunkHeader("data", 1000).Raw(new byte[10]).Build(), "declares 1000 bytes" },
        { "data size 4 GiB", new WavBuilder().Fmt().RawChunkHeader("data", 0xFFFFFFFE).Raw(new byte[10]).Build(), "declares 4294967294 bytes" },
        { "odd data size", new WavBuilder().Fmt().Data(new byte[3]).Build(), "not a whole number" },
        { "unknown chunk beyond file", new WavBuilder().Fmt().RawChunkHeader("LIST", 0xFFFFFFFF).Raw(new byte[10]).Build(), "declares 4294967296 bytes" },
        { "truncated fmt", new WavBuilder().RawChunkHeader("fmt ", 16).Raw(new byte[5]).Build(), "truncated inside its header" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_MalformedInput_ThrowsInvalidDataException(string name, byte[] bytes, string reason)
    {
        var ex = Assert.Throws<InvalidDataException>(() => WavFile.Read(new MemoryStream(bytes)));

        Assert.True(ex.Message.Contains(reason, StringComparison.Ordinal), $"{name}: {ex.Message}");
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryRead_MalformedInput_ReturnsFalseWithReason(string name, byte[] bytes, string reason)
    {
        Assert.False(WavFile.TryRead(new MemoryStream(bytes), out var audio, out var error), name);
        Assert.Null(audio);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedDataOnNonSeekableStream_ThrowsInvalidDataException()
    {
        var bytes = new WavBuilder().Fmt().RawChunkHeader("data", 1000).Raw(new byte[10]).Build();

        Assert.Throws<InvalidDataException>(() => WavFile.Read(new NonSeekableStream(new MemoryStream(bytes))));
    }

    [Fact]
    public void Read_AudioBeyondLimit_ThrowsInvalidDataException()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, new WavFormat(8000, 1), new short[8000]);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => WavFile.Read(stream, maxDataBytes: 10_000));
    }

    [Fact]
    public void TryRead_RandomMutationsAndTruncations_NeverThrow()
    {
        var valid = new WavBuilder().Chunk("LIST", new byte[9]).Fmt(channels: 2).Data(new byte[64]).Chunk("cue ", new byte[12]).Build();
        var rng = new Random(1991);
        var accepted = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var m = rng.Next(1, 4); m > 0; m--)
            {
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            }

            var length = rng.Next(3) == 0 ? rng.Next(bytes.Length) : bytes.Length;
            Stream stream = new MemoryStream(bytes, 0, length);
            if (rng.Next(4) == 0)
            {
                stream = new NonSeekableStream(stream);
            }

            if (WavFile.TryRead(stream, out var audio, out _, maxDataBytes: 1 << 20))
            {
                accepted++;
                Assert.NotNull(audio);
            }
        }

        Assert.InRange(accepted, 1, 19_999);
    }
}
