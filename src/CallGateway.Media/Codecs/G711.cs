namespace CallGateway.Media.Codecs;

/// <summary>
/// ITU-T G.711 companding (PCMU = µ-law, PCMA = A-law; RTP payload types 0 and 8, RFC 3551 section 4.5.14) between
/// 16-bit linear PCM and 8-bit code words.
/// </summary>
/// <remarks>
/// <para>G.711 defines µ-law on 14-bit and A-law on 13-bit linear samples. Here 16-bit samples are used: µ-law values are
/// scaled by 4 (bias 33 becomes 132, full scale ±32124) and A-law values by 8 (full scale ±32256). Decoding returns the
/// midpoint of each quantisation interval, as the G.711 decision/reconstruction tables do.</para>
/// <para>Code word layout (bits 7..0): sign, 3-bit segment (exponent), 4-bit quantisation step (mantissa). µ-law
/// transmits the one's complement of that byte; A-law inverts the even bits (XOR 0x55).</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635; // 32767 - bias: keeps biased magnitudes within 15 bits
    private const int ALawToggle = 0x55;

    private static readonly short[] MuLawDecodeTable = BuildTable(DecodeMuLawCore);
    private static readonly short[] ALawDecodeTable = BuildTable(DecodeALawCore);

    /// <summary>Encodes one 16-bit sample to µ-law (0 → 0xFF).</summary>
    public static byte EncodeMuLaw(short sample)
    {
        int value = sample;
        var sign = 0;
        if (value < 0)
        {
            value = -value;
            sign = 0x80;
        }

        value = Math.Min(value, MuLawClip) + MuLawBias;

        // The segment is the position of the highest set bit above bit 7 of the biased magnitude (0..7).
        var segment = HighestBit(value) - 7;
        var mantissa = (value >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | mantissa);
    }

    /// <summary>Decodes one µ-law code word to a 16-bit sample (0xFF and 0x7F → 0, 0x80 → 32124).</summary>
    public static short DecodeMuLaw(byte code) => MuLawDecodeTable[code];

    /// <summary>Encodes one 16-bit sample to A-law (0 → 0xD5).</summary>
    public static byte EncodeALaw(short sample)
    {
        // A-law works on 13-bit magnitudes; negative values use the one's complement so that ±x are symmetric.
        var value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0x80 | ALawToggle;
        }
        else
        {
            mask = ALawToggle;
            value = -value - 1;
        }

        int code;
        if (value < 32)
        {
            code = value >> 1; // segment 0: 16 steps of 2 (13-bit units)
        }
        else
        {
            var segment = HighestBit(value) - 4; // 1..7 for 32..4095
            code = (segment << 4) | ((value >> segment) & 0x0F);
        }

        return (byte)(code ^ mask);
    }

    /// <summary>Decodes one A-law code word to a 16-bit sample (0xD5 → 8, 0xAA → 32256).</summary>
    public static short DecodeALaw(byte code) => ALawDecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> to µ-law into <paramref name="codes"/> (same length required).</summary>
    public static void EncodeMuLaw(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        CheckLengths(pcm.Length, codes.Length);
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = EncodeMuLaw(pcm[i]);
        }
    }

    /// <summary>Decodes µ-law <paramref name="codes"/> into <paramref name="pcm"/> (same length required).</summary>
    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        CheckLengths(codes.Length, pcm.Length);
        var table = MuLawDecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            pcm[i] = table[codes[i]];
        }
    }

    /// <summary>Encodes <paramref name="pcm"/> to A-law into <paramref name="codes"/> (same length required).</summary>
    public static void EncodeALaw(ReadOnlySpan<short> pcm, Span<byte> codes)
    {
        CheckLengths(pcm.Length, codes.Length);
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = EncodeALaw(pcm[i]);
        }
    }

    /// <summary>Decodes A-law <paramref name="codes"/> into <paramref name="pcm"/> (same length required).</summary>
    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> pcm)
    {
        CheckLengths(codes.Length, pcm.Length);
        var table = ALawDecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            pcm[i] = table[codes[i]];
        }
    }

    private static short DecodeMuLawCore(byte code)
    {
        var inverted = ~code & 0xFF;
        var segment = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;

        // Interval midpoint: ((2m + 33) << segment) in 14-bit units, minus the bias, scaled by 4.
        var magnitude = (((mantissa << 3) + MuLawBias) << segment) - MuLawBias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short DecodeALawCore(byte code)
    {
        var value = code ^ ALawToggle;
        var segment = (value >> 4) & 0x07;
        var mantissa = value & 0x0F;

        // Interval midpoint in 16-bit units: segment 0 and 1 share the step size 16, later segments double it.
        var magnitude = segment == 0
            ? (mantissa << 4) + 8
            : ((mantissa << 4) + 0x108) << (segment - 1);
        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static int HighestBit(int value) => 31 - int.LeadingZeroCount(value);

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    private static void CheckLengths(int source, int destination)
    {
        if (source != destination)
        {
            throw new ArgumentException("Source and destination must have the same number of samples.");
        }
    }
}
