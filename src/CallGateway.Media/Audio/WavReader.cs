using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CallGateway.Media.Audio;

/// <summary>
/// Streaming reader for 16-bit PCM RIFF/WAVE files (Microsoft "Multimedia Programming Interface and Data
/// Specifications 1.0", RIFF chunks; WAVE_FORMAT_PCM and WAVE_FORMAT_EXTENSIBLE with the PCM sub-format).
/// </summary>
/// <remarks>
/// <code>
/// "RIFF" size "WAVE"                          12 bytes; the RIFF size is not trusted (writers often get it wrong)
/// "fmt " size(>=16) tag ch rate byteRate align bits [cbSize ext...]
/// any other chunks ("LIST", "fact", ...)      skipped; a chunk with an odd size is followed by one pad byte
/// "data" size samples...                      little-endian, interleaved
/// </code>
/// <para>The constructor validates the header and throws <see cref="InvalidDataException"/> for anything that is not
/// a well-formed 16-bit PCM mono/stereo WAV: not RIFF/WAVE, a missing, duplicate or bad fmt chunk, another encoding
/// (float, µ-law, ADPCM ...), chunks that claim more bytes than the file has, data that is not whole frames. Truncation
/// found while reading samples also raises <see cref="InvalidDataException"/>. So a user upload never fails with
/// anything else, except the stream's own <see cref="IOException"/>.</para>
/// <para>Not thread-safe. Disposing closes the stream unless <c>leaveOpen</c>.</para>
/// </remarks>
public sealed class WavReader : IDisposable
{
    private const int WaveFormatPcm = 1;
    private const int WaveFormatExtensible = 0xFFFE;
    private const int MaxFmtChunk = 1024;
    private const int MaxChunks = 1024;
    private const long MaxSkipWithoutSeek = 16 * 1024 * 1024;

    // KSDATAFORMAT_SUBTYPE_PCM: 00000001-0000-0010-8000-00AA00389B71, in its little-endian GUID byte order.
    private static readonly byte[] PcmSubFormat = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private long _remaining; // data bytes not yet read
    private bool _disposed;

    public WavReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        try
        {
            (Format, DataLength) = ReadHeader();
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The WAV file is truncated inside its header.", ex);
        }

        _remaining = DataLength;
    }

    public WavFormat Format { get; }

    /// <summary>Size of the audio data in bytes.</summary>
    public long DataLength { get; }

    /// <summary>Number of frames (samples per channel) in the file.</summary>
    public long FrameCount => DataLength / Format.BlockAlign;

    /// <summary>
    /// Reads the next interleaved samples, whole frames only, into <paramref name="destination"/>; returns the number of
    /// samples read, 0 at the end of the data.
    /// </summary>
    public int ReadSamples(Span<short> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var frames = Math.Min(destination.Length / Format.Channels, _remaining / Format.BlockAlign);
        if (frames == 0)
        {
            return 0;
        }

        var samples = (int)frames * Format.Channels;
        var bytes = MemoryMarshal.AsBytes(destination[..samples]);
        try
        {
            _stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The WAV data chunk is truncated.", ex);
        }

        _remaining -= bytes.Length;
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(destination[..samples], destination[..samples]);
        }

        return samples;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private (WavFormat Format, long DataLength) ReadHeader()
    {
        Span<byte> header = stackalloc byte[12];
        _stream.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            var kind = header[..4].SequenceEqual("RIFX"u8) ? "big-endian RIFX" : header[..4].SequenceEqual("RF64"u8) ? "RF64" : "not RIFF/WAVE";
            throw new InvalidDataException($"Unsupported file: {kind}.");
        }

        WavFormat? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        long skipped = 0;
        for (var chunk = 0; chunk < MaxChunks; chunk++)
        {
            if (_stream.ReadAtLeast(chunkHeader, chunkHeader.Length, throwOnEndOfStream: false) < chunkHeader.Length)
            {
                throw new InvalidDataException(format is null ? "The WAV file ends before its fmt chunk." : "The WAV file ends before its data chunk.");
            }

            var id = chunkHeader[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (id.SequenceEqual("fmt "u8))
            {
                format = format is null ? ReadFormat(size) : throw new InvalidDataException("The WAV file has two fmt chunks.");
            }
            else if (id.SequenceEqual("data"u8))
            {
                return (format ?? throw new InvalidDataException("The WAV data chunk comes before the fmt chunk."), CheckData(format.Value, size));
            }
            else
            {
                skipped += Skip((long)size + (size & 1)); // in 64 bits: 0xFFFFFFFF plus its pad byte must not wrap to 0
            }

            if (skipped > MaxSkipWithoutSeek)
            {
                throw new InvalidDataException("The WAV file has too much non-audio data before its data chunk.");
            }
        }

        throw new InvalidDataException($"No data chunk within the first {MaxChunks} chunks.");
    }

    private WavFormat ReadFormat(uint size)
    {
        if (size is < 16 or > MaxFmtChunk)
        {
            throw new InvalidDataException($"The fmt chunk size {size} is invalid.");
        }

        Span<byte> fmt = stackalloc byte[MaxFmtChunk + 1];
        fmt = fmt[..(int)(size + (size & 1))];
        _stream.ReadExactly(fmt);
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        var isPcm = tag == WaveFormatPcm || (tag == WaveFormatExtensible && size >= 40 && fmt.Slice(24, 16).SequenceEqual(PcmSubFormat));
        if (!isPcm)
        {
            throw new InvalidDataException($"Unsupported WAV encoding (format tag 0x{tag:X4}); only 16-bit PCM is supported.");
        }

        if (bits != WavFormat.BitsPerSample)
        {
            throw new InvalidDataException($"Unsupported WAV sample size of {bits} bits; only 16-bit PCM is supported.");
        }

        var format = new WavFormat((int)Math.Min(sampleRate, int.MaxValue), channels);
        if (!format.IsSupported)
        {
            throw new InvalidDataException($"Unsupported WAV format: {sampleRate} Hz, {channels} channels (mono or stereo up to 384 kHz).");
        }

        if (blockAlign != format.BlockAlign)
        {
            throw new InvalidDataException($"Inconsistent WAV block alignment {blockAlign} for {channels} channels of 16 bits.");
        }

        return format;
    }

    private long CheckData(WavFormat format, uint size)
    {
        if (size % format.BlockAlign != 0)
        {
            throw new InvalidDataException($"The WAV data size {size} is not a whole number of {format.BlockAlign}-byte frames.");
        }

        if (_stream.CanSeek && size > _stream.Length - _stream.Position)
        {
            throw new InvalidDataException($"The WAV data chunk declares {size} bytes but only {_stream.Length - _stream.Position} follow.");
        }

        return size;
    }

    private long Skip(long bytes)
    {
        if (_stream.CanSeek)
        {
            if (bytes > _stream.Length - _stream.Position)
            {
                throw new InvalidDataException($"A WAV chunk declares {bytes} bytes but only {_stream.Length - _stream.Position} follow.");
            }

            _stream.Seek(bytes, SeekOrigin.Current);
            return 0;
        }

        Span<byte> scratch = stackalloc byte[4096];
        for (var left = bytes; left > 0 && bytes <= MaxSkipWithoutSeek; left -= scratch.Length)
        {
            _stream.ReadExactly(scratch[..(int)Math.Min(left, scratch.Length)]);
        }

        return bytes;
    }
}
