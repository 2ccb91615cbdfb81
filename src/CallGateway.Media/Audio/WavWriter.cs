using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CallGateway.Media.Audio;

/// <summary>
/// Streaming writer for 16-bit PCM WAV files (e.g. call recordings): frames are appended as they come and the RIFF and
/// data sizes are fixed up on <see cref="Flush"/> and <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <code>
/// offset  0 "RIFF"  4 riffSize = 36 + dataSize   8 "WAVE"
///        12 "fmt "  16 16   20 1 (PCM)  22 channels  24 sampleRate  28 byteRate  32 blockAlign  34 16 (bits)
///        36 "data"  40 dataSize                   44 samples...
/// </code>
/// The stream must be seekable. Calling <see cref="Flush"/> periodically keeps the file valid up to that point even if
/// the process dies. Not thread-safe. RIFF limits a file to 4 GiB (about 6 hours of 48 kHz stereo).
/// </remarks>
public sealed class WavWriter : IDisposable
{
    private const int HeaderSize = 44;
    private const long MaxDataBytes = uint.MaxValue - (HeaderSize - 8);

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private long _dataBytes;
    private bool _disposed;

    public WavWriter(Stream stream, WavFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        format.ThrowIfUnsupported();
        if (!stream.CanWrite || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be writable and seekable (the header is fixed up at the end).", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _start = stream.Position;
        WriteHeader();
    }

    public WavFormat Format { get; }

    /// <summary>Frames written so far.</summary>
    public long FrameCount => _dataBytes / Format.BlockAlign;

    /// <summary>Creates (or overwrites) a WAV file at <paramref name="path"/>.</summary>
    public static WavWriter Create(string path, WavFormat format) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read), format);

    /// <summary>Appends interleaved samples; the count must be a whole number of frames.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (samples.Length % Format.Channels != 0)
        {
            throw new ArgumentException("Write whole frames: the sample count must be a multiple of the channel count.", nameof(samples));
        }

        var bytes = (long)samples.Length * 2;
        if (_dataBytes + bytes > MaxDataBytes)
        {
            throw new InvalidOperationException("A RIFF/WAVE file cannot exceed 4 GiB.");
        }

        if (BitConverter.IsLittleEndian)
        {
            _stream.Write(MemoryMarshal.AsBytes(samples));
        }
        else
        {
            WriteSwapped(samples);
        }

        _dataBytes += bytes;
    }

    /// <summary>Writes the current sizes into the header and flushes the stream, so the file is valid as it stands.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        FixUpSizes();
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            FixUpSizes();
            _stream.Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], HeaderSize - 8);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)Format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)Format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)Format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], WavFormat.BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], 0);
        _stream.Write(header);
    }

    private void FixUpSizes()
    {
        var end = _stream.Position;
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(HeaderSize - 8 + _dataBytes));
        _stream.Position = _start + 4;
        _stream.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)_dataBytes);
        _stream.Position = _start + 40;
        _stream.Write(size);
        _stream.Position = end;
    }

    private void WriteSwapped(ReadOnlySpan<short> samples)
    {
        var buffer = ArrayPool<short>.Shared.Rent(Math.Min(samples.Length, 4096));
        try
        {
            for (var offset = 0; offset < samples.Length; offset += buffer.Length)
            {
                var chunk = samples.Slice(offset, Math.Min(buffer.Length, samples.Length - offset));
                BinaryPrimitives.ReverseEndianness(chunk, buffer);
                _stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, chunk.Length)));
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }
}
