using CallGateway.Media.Audio;

namespace CallGateway.Media.Tests.Audio;

/// <summary>The audio pieces behind play/record/echo/streams.</summary>
public class MediaAppsBuildingBlocksTests
{
    private const int Rate = 48000;
    private const int Frame = 960;

    [Fact]
    public void WavPlayer_PlaysOnceThenFinishes_AndLoopsWhenAsked()
    {
        var samples = Enumerable.Range(0, 1500).Select(i => (short)i).ToArray();
        var once = new WavPlayer(samples, loop: false);
        var frame = new short[Frame];
        Assert.True(once.ReadFrame(frame));
        Assert.Equal(959, frame[^1]);
        Assert.True(once.ReadFrame(frame));
        Assert.Equal(1499, frame[539]);
        Assert.Equal(0, frame[540]); // the rest of the last frame is silence
        Assert.True(once.Finished);
        Assert.False(once.ReadFrame(frame));

        var loop = new WavPlayer(samples, loop: true);
        loop.ReadFrame(frame);
        loop.ReadFrame(frame);
        Assert.Equal(0, frame[540]); // wrapped to the start
        Assert.Equal(1, frame[541]);
        Assert.False(loop.Finished);
        loop.Stop();
        Assert.False(loop.ReadFrame(frame));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void WavPlayer_FromAnyRateAndStereo_KeepsPitchAndLength(int rate)
    {
        var tone = new ToneGenerator(rate, 440, 0.25).Generate(rate);
        var stereo = tone.SelectMany(s => new[] { s, s }).ToArray();
        using var wav = new MemoryStream();
        WavFile.Write(wav, new WavFormat(rate, 2), stereo);
        wav.Position = 0;

        var player = WavPlayer.FromWav(wav, Rate, loop: false);
        Assert.InRange(player.Duration(Rate).TotalSeconds, 0.98, 1.02);
        var pcm = new short[Rate / 2];
        for (var i = 0; i < pcm.Length / Frame; i++)
        {
            player.ReadFrame(pcm.AsSpan(i * Frame, Frame));
        }

        Assert.InRange(AudioAnalysis.DominantFrequency(pcm.AsSpan(Frame * 5, Frame * 10), Rate), 430, 450);
        Assert.InRange(AudioAnalysis.RmsDbfs(pcm.AsSpan(Frame * 5, Frame * 10)), -16.5, -14.0);
    }

    [Fact]
    public void WavPlayer_RejectsWhatIsNotAWav() =>
        Assert.Throws<InvalidDataException>(() => WavPlayer.FromWav(new MemoryStream("garbage"u8.ToArray()), Rate, false));

    [Fact]
    public void MixingSource_SumsAndClips()
    {
        var mixer = new MixingSource(4);
        var frame = new short[4];
        Assert.False(mixer.ReadFrame(frame)); // nothing to play
        mixer.Add(new Constant(20000));
        mixer.Add(new Constant(20000));
        var quiet = new Constant(-100);
        mixer.Add(quiet);
        Assert.True(mixer.ReadFrame(frame));
        Assert.All(frame, s => Assert.Equal(short.MaxValue, s));
        mixer.Remove(quiet);
        Assert.Equal(2, mixer.Count);
    }

    [Fact]
    public void PlaybackQueue_PlaysInOrder_FiresMarksWhenReached_AndClearsForBargeIn()
    {
        var queue = new PlaybackQueue(Rate);
        var marks = new List<string>();
        queue.MarkReached += marks.Add;
        queue.Mark("empty"); // nothing queued: fires at once
        queue.Enqueue(Enumerable.Repeat((short)1, 1500).ToArray());
        queue.Mark("after-first");
        queue.Enqueue(Enumerable.Repeat((short)2, 1500).ToArray());
        queue.Mark("after-second");
        Assert.Equal(["empty"], marks);

        var frame = new short[Frame];
        queue.ReadFrame(frame);
        Assert.Equal(["empty"], marks);
        queue.ReadFrame(frame); // samples 960..1919: passes 1500
        Assert.Equal(["empty", "after-first"], marks);
        Assert.Equal(1, frame[0]);
        Assert.Equal(2, frame[^1]);

        queue.Clear();
        Assert.Equal(["empty", "after-first", "after-second"], marks);
        Assert.False(queue.ReadFrame(frame));
        Assert.Equal(TimeSpan.Zero, queue.Buffered);
    }

    [Fact]
    public void PlaybackQueue_DropsAudioBeyondItsLimit()
    {
        var queue = new PlaybackQueue(Rate, TimeSpan.FromSeconds(1));
        queue.Enqueue(new short[Rate]);
        queue.Enqueue(new short[10]);
        Assert.Equal(10, queue.SamplesDropped);
    }

    [Fact]
    public void EchoLoop_ReplaysReceivedFramesOnly()
    {
        var echo = new EchoLoop(4);
        var frame = new short[4];
        Assert.False(echo.ReadFrame(frame));
        echo.OnFrame(AudioDirection.Sent, new short[] { 9, 9, 9, 9 });
        echo.OnFrame(AudioDirection.Received, new short[] { 1, 2, 3, 4 });
        Assert.True(echo.ReadFrame(frame));
        Assert.Equal([1, 2, 3, 4], frame);
        Assert.False(echo.ReadFrame(frame));
    }

    [Fact]
    public async Task CallRecorder_AlignsBothDirectionsInAStereoWav()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cg-rec-").FullName, "call.wav");
        var time = new SteppingTime();
        await using (var recorder = new CallRecorder(path, Rate, time))
        {
            for (var slot = 0; slot < 10; slot++)
            {
                recorder.OnFrame(AudioDirection.Sent, Filled((short)(100 + slot)));
                if (slot >= 3)
                {
                    recorder.OnFrame(AudioDirection.Received, Filled((short)(-slot))); // the caller starts late
                }

                time.Advance(TimeSpan.FromMilliseconds(20));
            }

            var result = await recorder.StopAsync();
            Assert.Equal(TimeSpan.FromMilliseconds(200), result.Duration);
        }

        var audio = WavFile.Read(path);
        Assert.Equal(new WavFormat(Rate, 2), audio.Format);
        var samples = audio.Samples.ToArray();
        Assert.Equal(0, samples[0]);                    // left (caller), slot 0: silence
        Assert.Equal(100, samples[1]);                  // right (business), slot 0
        Assert.Equal(-3, samples[2 * 3 * Frame]);       // left, slot 3
        Assert.Equal(103, samples[(2 * 3 * Frame) + 1]); // right, slot 3
        Assert.False(File.Exists(path + ".left.tmp"));
    }

    private static short[] Filled(short value) => Enumerable.Repeat(value, Frame).ToArray();

    private sealed class Constant(short value) : IAudioSource
    {
        public bool ReadFrame(Span<short> frame)
        {
            frame.Fill(value);
            return true;
        }
    }

    private sealed class SteppingTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
