using System.Text;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Serialises a <see cref="SessionDescription"/> to SDP text with CRLF line endings, in RFC 8866 §5 order
/// (v o s i u e p c b t r z k a, then per media section m i c b k a). Attribute order and duplicates are kept, so
/// for a well-formed CRLF input <c>Write(Parse(x)) == x</c>.
/// </summary>
public static class SdpWriter
{
    private const string Crlf = "\r\n";

    /// <exception cref="ArgumentException">A field contains CR, LF or NUL (that would inject lines), or a media
    /// section has no format.</exception>
    public static string Write(SessionDescription sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        var sb = new StringBuilder(2048);
        Line(sb, 'v', sdp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, 'o', sdp.Origin.ToString());
        Line(sb, 's', sdp.SessionName);
        OptionalLine(sb, 'i', sdp.Information);
        OptionalLine(sb, 'u', sdp.Uri);
        Lines(sb, 'e', sdp.EmailAddresses);
        Lines(sb, 'p', sdp.PhoneNumbers);
        OptionalLine(sb, 'c', sdp.Connection?.ToString());
        Lines(sb, 'b', sdp.Bandwidths);
        foreach (var timing in sdp.Timings)
        {
            Line(sb, 't', timing.ToString());
            Lines(sb, 'r', timing.RepeatTimes);
        }

        OptionalLine(sb, 'z', sdp.TimeZoneAdjustments);
        OptionalLine(sb, 'k', sdp.EncryptionKey);
        Lines(sb, 'a', sdp.Attributes);
        foreach (var media in sdp.Media)
        {
            WriteMedia(sb, media);
        }

        return sb.ToString();
    }

    private static void WriteMedia(StringBuilder sb, MediaDescription media)
    {
        if (media.Formats.Count == 0)
        {
            throw new ArgumentException($"m={media.Media} has no format; RFC 8866 §5.14 requires at least one", nameof(media));
        }

        var port = media.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (media.PortCount is { } count)
        {
            port += "/" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Line(sb, 'm', media.Media + " " + port + " " + media.Protocol + " " + string.Join(' ', media.Formats));
        OptionalLine(sb, 'i', media.Information);
        Lines(sb, 'c', media.Connections);
        Lines(sb, 'b', media.Bandwidths);
        OptionalLine(sb, 'k', media.EncryptionKey);
        Lines(sb, 'a', media.Attributes);
    }

    private static void Lines<T>(StringBuilder sb, char type, IEnumerable<T> values)
        where T : notnull
    {
        foreach (var value in values)
        {
            Line(sb, type, value.ToString()!);
        }
    }

    private static void OptionalLine(StringBuilder sb, char type, string? value)
    {
        if (value is not null)
        {
            Line(sb, type, value);
        }
    }

    private static void Line(StringBuilder sb, char type, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"the {type}= line contains CR, LF or NUL, which would corrupt the SDP", nameof(value));
        }

        sb.Append(type).Append('=').Append(value).Append(Crlf);
    }
}
