using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Parses the value of one structured SDP line (the text after <c>x=</c>). Each method returns false with a short
/// reason that names the field, never the remote text (an SDP carries ice-pwd, which must not reach logs).
/// </summary>
internal static class SdpFieldParser
{
    /// <summary>RFC 8866 §5.2.</summary>
    public static bool TryParseOrigin(string value, [NotNullWhen(true)] out SdpOrigin? origin, [NotNullWhen(false)] out string? reason)
    {
        origin = null;
        var f = SdpSyntax.SplitFields(value);
        if (f.Length != 6)
        {
            reason = $"expected 6 fields '<username> <sess-id> <sess-version> <nettype> <addrtype> <address>', found {f.Length} (RFC 8866 §5.2)";
            return false;
        }

        if (!SdpSyntax.IsDigits(f[1]))
        {
            reason = "sess-id must be a decimal number (RFC 8866 §5.2)";
            return false;
        }

        if (!SdpSyntax.TryParseUInt64(f[2], out var version))
        {
            reason = "sess-version must be a decimal number below 2^64 (RFC 8866 §5.2)";
            return false;
        }

        if (!SdpSyntax.IsToken(f[3]) || !SdpSyntax.IsToken(f[4]))
        {
            reason = "nettype and addrtype must be tokens such as 'IN IP4' (RFC 8866 §5.2)";
            return false;
        }

        origin = new SdpOrigin(f[0], f[1], version, f[3], f[4], f[5]);
        reason = null;
        return true;
    }

    /// <summary>RFC 8866 §5.7.</summary>
    public static bool TryParseConnection(string value, [NotNullWhen(true)] out SdpConnection? connection, [NotNullWhen(false)] out string? reason)
    {
        connection = null;
        var f = SdpSyntax.SplitFields(value);
        if (f.Length != 3)
        {
            reason = $"expected 3 fields '<nettype> <addrtype> <connection-address>', found {f.Length} (RFC 8866 §5.7)";
            return false;
        }

        if (!SdpSyntax.IsToken(f[0]) || !SdpSyntax.IsToken(f[1]))
        {
            reason = "nettype and addrtype must be tokens such as 'IN IP4' (RFC 8866 §5.7)";
            return false;
        }

        connection = new SdpConnection(f[0], f[1], f[2]);
        reason = null;
        return true;
    }

    /// <summary>RFC 8866 §5.8.</summary>
    public static bool TryParseBandwidth(string value, [NotNullWhen(true)] out SdpBandwidth? bandwidth, [NotNullWhen(false)] out string? reason)
    {
        bandwidth = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !SdpSyntax.IsToken(value.AsSpan(0, colon))
            || !SdpSyntax.TryParseUInt64(value.AsSpan(colon + 1), out var amount))
        {
            reason = "expected '<bwtype>:<bandwidth>' with a decimal bandwidth (RFC 8866 §5.8)";
            return false;
        }

        bandwidth = new SdpBandwidth(value[..colon], amount);
        reason = null;
        return true;
    }

    /// <summary>RFC 8866 §5.9.</summary>
    public static bool TryParseTiming(string value, [NotNullWhen(true)] out SdpTiming? timing, [NotNullWhen(false)] out string? reason)
    {
        timing = null;
        var f = SdpSyntax.SplitFields(value);
        if (f.Length != 2 || !SdpSyntax.TryParseUInt64(f[0], out var start) || !SdpSyntax.TryParseUInt64(f[1], out var stop))
        {
            reason = "expected '<start-time> <stop-time>' as two decimal numbers, e.g. 't=0 0' (RFC 8866 §5.9)";
            return false;
        }

        timing = new SdpTiming(start, stop);
        reason = null;
        return true;
    }

    /// <summary>RFC 8866 §5.14.</summary>
    public static bool TryParseMedia(string value, [NotNullWhen(true)] out MediaDescription? media, [NotNullWhen(false)] out string? reason)
    {
        media = null;
        var f = SdpSyntax.SplitFields(value);
        if (f.Length < 4)
        {
            reason = $"expected '<media> <port>[/<number of ports>] <proto> <fmt> ...' with at least one format, found {f.Length} fields (RFC 8866 §5.14)";
            return false;
        }

        if (!SdpSyntax.IsToken(f[0]))
        {
            reason = "media type must be a token such as 'audio' (RFC 8866 §5.14)";
            return false;
        }

        if (!TryParsePort(f[1], out var port, out var portCount))
        {
            reason = "port must be 0-65535, optionally followed by '/<number of ports>' (RFC 8866 §5.14)";
            return false;
        }

        if (!SdpSyntax.IsProto(f[2]))
        {
            reason = "proto must be tokens separated by '/', e.g. 'UDP/TLS/RTP/SAVPF' (RFC 8866 §5.14)";
            return false;
        }

        var parsed = new MediaDescription(f[0], port, f[2]) { PortCount = portCount };
        if (!TryAddFormats(parsed, f, out reason))
        {
            return false;
        }

        media = parsed;
        return true;
    }

    /// <summary>RFC 8866 §5.13: the name is a token; the value is everything after the first colon.</summary>
    public static bool TryParseAttribute(string value, [NotNullWhen(true)] out SdpAttribute? attribute, [NotNullWhen(false)] out string? reason)
    {
        attribute = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        if (!SdpSyntax.IsToken(name))
        {
            reason = "attribute name must be a non-empty token (RFC 8866 §5.13)";
            return false;
        }

        attribute = new SdpAttribute(name, colon < 0 ? null : value[(colon + 1)..]);
        reason = null;
        return true;
    }

    private static bool TryParsePort(string field, out int port, out int? portCount)
    {
        portCount = null;
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return SdpSyntax.TryParseInt32(field, 0, 65535, out port);
        }

        if (!SdpSyntax.TryParseInt32(field.AsSpan(0, slash), 0, 65535, out port)
            || !SdpSyntax.TryParseInt32(field.AsSpan(slash + 1), 1, 65535, out var count))
        {
            return false;
        }

        portCount = count;
        return true;
    }

    private static bool TryAddFormats(MediaDescription media, string[] fields, [NotNullWhen(false)] out string? reason)
    {
        // RFC 8866 §5.14: for RTP profiles (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, ...) the formats are payload types.
        var isRtp = media.Protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);
        for (var i = 3; i < fields.Length; i++)
        {
            if (isRtp ? !SdpSyntax.TryParseInt32(fields[i], 0, 127, out _) : !SdpSyntax.IsToken(fields[i]))
            {
                reason = isRtp
                    ? $"format {i - 2} must be an RTP payload type 0-127 for an RTP profile (RFC 8866 §5.14, RFC 3551)"
                    : $"format {i - 2} must be a token (RFC 8866 §5.14)";
                return false;
            }

            media.Formats.Add(fields[i]);
        }

        reason = null;
        return true;
    }
}
