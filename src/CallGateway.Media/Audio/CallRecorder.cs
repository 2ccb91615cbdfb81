using System.Buffers.Binary;
using System.Threading.Channels;

namespace CallGateway.Media.Audio;

/// <summary>
/// Records both directions of a call to a stereo WAV file: left = the WhatsApp user, right = the business. Frames
/// are placed by their time slot, so the two channels stay aligned even when one side is silent or starts late.
/// The media clock only hands frames over; the disk writes happen on a background task.
/// </summary>
public sealed class CallRecorder : IAudioSink, IAsyncDisposable
{
    private readonly Channel<(AudioDirection Direction, long Slot, short[] Frame)> _frames =
        Channel.CreateBounded<(AudioDirection, long, short[])>(new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly string _path;
    private readonly int _sampleRate;
    private readonly int _frameSamples;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _leftPath;
    private readonly string _rightPath;
    private readonly Task _writer;
    private long _slots;
    private RecordingResult? _result;

    public CallRecorder(string path, int sampleRate, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _sampleRate = sampleRate;
        _frameSamples = sampleRate / 50;
        _time = time;
        _started = time.GetTimestamp();
        _leftPath = path + ".left.tmp";
        _rightPath = path + ".right.tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = Task.Run(WriteAsync);
    }

    public string FilePath => _path;

    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        if (frame.Length != _frameSamples)
        {
            return;
        }

        var slot = (long)((_time.GetElapsedTime(_started).TotalMilliseconds + 10) / 20);
        _frames.Writer.TryWrite((direction, slot, frame.ToArray()));
    }

    /// <summary>Stops recording and writes the stereo WAV; idempotent.</summary>
    public async Task<RecordingResult> StopAsync()
    {
        if (_result is { } done)
        {
            return done;
        }

        _frames.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _result = await Task.Run(Merge).ConfigureAwait(false);
        return _result;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task WriteAsync()
    {
        var frameBytes = _frameSamples * 2;
        await using var left = new FileStream(_leftPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await using var right = new FileStream(_rightPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var bytes = new byte[frameBytes];
        await foreach (var (direction, slot, frame) in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < frame.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), frame[i]);
            }

            var target = direction == AudioDirection.Received ? left : right;
            target.Position = slot * frameBytes; // gaps read back as silence
            await target.WriteAsync(bytes).ConfigureAwait(false);
            _slots = Math.Max(_slots, slot + 1);
        }
    }

    private RecordingResult Merge()
    {
        var samples = _slots * _frameSamples;
        using (var output = File.Create(_path))
        using (var writer = new WavWriter(output, new WavFormat(_sampleRate, 2), leaveOpen: false))
        using (var left = File.OpenRead(_leftPath))
        using (var right = File.OpenRead(_rightPath))
        {
            var l = new byte[_frameSamples * 2];
            var r = new byte[_frameSamples * 2];
            var stereo = new short[_frameSamples * 2];
            for (long done = 0; done < samples; done += _frameSamples)
            {
                ReadOrSilence(left, l);
                ReadOrSilence(right, r);
                for (var i = 0; i < _frameSamples; i++)
                {
                    stereo[2 * i] = BinaryPrimitives.ReadInt16LittleEndian(l.AsSpan(2 * i));
                    stereo[(2 * i) + 1] = BinaryPrimitives.ReadInt16LittleEndian(r.AsSpan(2 * i));
                }

                writer.Write(stereo);
            }
        }

        File.Delete(_leftPath);
        File.Delete(_rightPath);
        return new RecordingResult(_path, TimeSpan.FromSeconds(samples / (double)_sampleRate), new FileInfo(_path).Length);
    }

    private static void ReadOrSilence(FileStream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        buffer.AsSpan(read).Clear();
    }
}
