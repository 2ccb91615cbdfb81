using System.Buffers.Binary;
using System.Text;

namespace CallGateway.Media.Tests.Audio;

/// <summary>Assembles RIFF/WAVE files chunk by chunk, including deliberately broken ones.</summary>
internal sealed class WavBuilder
{
    private readonly List<byte> _body = [];

    public WavBuilder Fmt(int tag = 1, int channels = 1, int rate = 8000, int bits = 16, int? blockAlign = null)
    {
        var fmt = new byte[16];
        var align = blockAlign ?? (channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return Chunk("fmt ", fmt);
    }

    public WavBuilder FmtExtensible(bool pcm)
    {
        var fmt = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), 16000);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), 32000);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), 16);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), 4);

        // Sub-format GUID xxxxxxxx-0000-0010-8000-00AA00389B71 with 1 = PCM or 3 = IEEE float.
        fmt[24] = pcm ? (byte)1 : (byte)3;
        new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 }.CopyTo(fmt, 25);
        return Chunk("fmt ", fmt);
    }

    public WavBuilder Data(byte[] samples) => Chunk("data", samples);

    public WavBuilder Chunk(string id, byte[] content)
    {
        RawChunkHeader(id, (uint)content.Length);
        _body.AddRange(content);
        if (content.Length % 2 == 1)
        {
            _body.Add(0);
        }

        return this;
    }

    public WavBuilder RawChunkHeader(string id, uint size)
    {
        _body.AddRange(Encoding.ASCII.GetBytes(id));
        var sizeBytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(sizeBytes, size);
        _body.AddRange(sizeBytes);
        return this;
    }

    public WavBuilder Raw(byte[] bytes)
    {
        _body.AddRange(bytes);
        return this;
    }

    public byte[] Build(string riff = "RIFF", string form = "WAVE")
    {
        var body = _body.ToArray();
        var file = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes(riff).CopyTo(file, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        Encoding.ASCII.GetBytes(form).CopyTo(file, 8);
        body.CopyTo(file, 12);
        return file;
    }
}
