namespace CallGateway.Media.Sdp;

/// <summary>
/// Builds the <see cref="SdpRtpCodec"/> list of an m= section from its formats, <c>a=rtpmap</c> and
/// <c>a=fmtp</c> lines. A malformed rtpmap only loses that payload type; it does not fail the description.
/// </summary>
internal static class SdpRtpMapReader
{
    public static IReadOnlyList<SdpRtpCodec> ReadCodecs(MediaDescription media)
    {
        var codecs = new List<SdpRtpCodec>(media.Formats.Count);
        foreach (var format in media.Formats)
        {
            if (!SdpSyntax.TryParseInt32(format, 0, 127, out var pt) || ContainsPayloadType(codecs, pt))
            {
                continue;
            }

            var codec = FindRtpMap(media, pt) ?? StaticPayloadType(pt);
            if (codec is not null)
            {
                codecs.Add(codec with { FormatParameters = FindFmtp(media, pt) });
            }
        }

        return codecs;
    }

    /// <summary>RFC 8866 §6.6: <c>&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;]</c>.</summary>
    internal static bool TryParseRtpMap(string? value, out int payloadType, out SdpRtpCodec? codec)
    {
        codec = null;
        payloadType = -1;
        var f = value is null ? [] : SdpSyntax.SplitFields(value);
        if (f.Length != 2 || !SdpSyntax.TryParseInt32(f[0], 0, 127, out payloadType))
        {
            return false;
        }

        var parts = f[1].Split('/');
        var channels = 1;
        if (parts.Length is < 2 or > 3 || !SdpSyntax.IsToken(parts[0])
            || !SdpSyntax.TryParseInt32(parts[1], 1, 10_000_000, out var clock)
            || (parts.Length == 3 && !SdpSyntax.TryParseInt32(parts[2], 1, 255, out channels)))
        {
            return false;
        }

        codec = new SdpRtpCodec(payloadType, parts[0], clock, channels);
        return true;
    }

    private static bool ContainsPayloadType(List<SdpRtpCodec> codecs, int pt)
    {
        foreach (var codec in codecs)
        {
            if (codec.PayloadType == pt)
            {
                return true;
            }
        }

        return false;
    }

    private static SdpRtpCodec? FindRtpMap(MediaDescription media, int pt)
    {
        foreach (var attribute in media.FindAttributes("rtpmap"))
        {
            if (TryParseRtpMap(attribute.Value, out var mapped, out var codec) && mapped == pt)
            {
                return codec;
            }
        }

        return null;
    }

    /// <summary>RFC 8866 §6.15: <c>a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;</c>.</summary>
    private static string? FindFmtp(MediaDescription media, int pt)
    {
        foreach (var attribute in media.FindAttributes("fmtp"))
        {
            var value = attribute.Value;
            var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
            if (space > 0 && SdpSyntax.TryParseInt32(value.AsSpan(0, space), 0, 127, out var mapped) && mapped == pt)
            {
                return value![(space + 1)..];
            }
        }

        return null;
    }

    /// <summary>RFC 3551 §6 static audio payload types, used when a format has no rtpmap.</summary>
    private static SdpRtpCodec? StaticPayloadType(int pt) => pt switch
    {
        0 => new SdpRtpCodec(0, "PCMU", 8000),
        8 => new SdpRtpCodec(8, "PCMA", 8000),
        9 => new SdpRtpCodec(9, "G722", 8000),
        13 => new SdpRtpCodec(13, "CN", 8000),
        18 => new SdpRtpCodec(18, "G729", 8000),
        _ => null,
    };
}
