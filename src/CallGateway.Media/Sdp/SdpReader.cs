using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// The line-by-line state machine behind <see cref="SdpParser"/> (RFC 8866 §5). <c>v=</c>, <c>o=</c> and
/// <c>s=</c> must come first and in that order; after them the session-level lines may come in any order (the writer
/// restores RFC order), and <c>m=</c> starts a media section in which only i/c/b/k/a lines are allowed.
/// Single-instance lines (i, u, c and z/k at session level; i and k in a media section) may not repeat.
/// </summary>
internal sealed class SdpReader
{
    private readonly SessionDescription _sdp = new();
    private MediaDescription? _media;
    private Stage _stage;

    private enum Stage
    {
        Version,
        Origin,
        SessionName,
        Session,
        Media,
    }

    /// <summary>Consumes one non-empty line (without its line ending). Returns the reason on failure.</summary>
    public string? Read(char type, string value) => _stage switch
    {
        Stage.Version => ReadVersion(type, value),
        Stage.Origin => ReadOrigin(type, value),
        Stage.SessionName => ReadSessionName(type, value),
        Stage.Session => ReadSessionLine(type, value),
        _ => ReadMediaLine(type, value),
    };

    public bool TryFinish([NotNullWhen(true)] out SessionDescription? sdp, [NotNullWhen(false)] out string? error)
    {
        sdp = null;
        error = _stage switch
        {
            Stage.Version => "SDP is empty: the mandatory v=, o=, s= and t= lines are missing (RFC 8866 §5)",
            Stage.Origin => "SDP ends after v=: the mandatory o=, s= and t= lines are missing (RFC 8866 §5)",
            Stage.SessionName => "SDP ends after o=: the mandatory s= and t= lines are missing (RFC 8866 §5)",
            _ when _sdp.Timings.Count == 0 => "SDP has no t= line; at least one is mandatory (RFC 8866 §5.9)",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        sdp = _sdp;
        return true;
    }

    private static bool IsKnownType(char type) => "vosiuepcbtrzkam".Contains(type, StringComparison.Ordinal);

    private string? ReadVersion(char type, string value)
    {
        if (type != 'v')
        {
            return "the description must start with v=0 (RFC 8866 §5.1)";
        }

        if (value != "0")
        {
            return "unsupported protocol version; only v=0 is defined (RFC 8866 §5.1)";
        }

        _stage = Stage.Origin;
        return null;
    }

    private string? ReadOrigin(char type, string value)
    {
        if (type != 'o')
        {
            return "expected the mandatory o= line right after v= (RFC 8866 §5.2)";
        }

        if (!SdpFieldParser.TryParseOrigin(value, out var origin, out var reason))
        {
            return reason;
        }

        _sdp.Origin = origin;
        _stage = Stage.SessionName;
        return null;
    }

    private string? ReadSessionName(char type, string value)
    {
        if (type != 's')
        {
            return "expected the mandatory s= line right after o= (RFC 8866 §5.3)";
        }

        if (value.Length == 0)
        {
            return "s= must not be empty; WebRTC uses 's=-' (RFC 8866 §5.3)";
        }

        _sdp.SessionName = value;
        _stage = Stage.Session;
        return null;
    }

    private string? ReadSessionLine(char type, string value)
    {
        switch (type)
        {
            case 'i':
                return SetOnce(_sdp.Information, value, v => _sdp.Information = v);
            case 'u':
                return SetOnce(_sdp.Uri, value, v => _sdp.Uri = v);
            case 'e':
                _sdp.EmailAddresses.Add(value);
                return null;
            case 'p':
                _sdp.PhoneNumbers.Add(value);
                return null;
            case 'c':
                return ReadSessionConnection(value);
            case 'b':
                return ReadBandwidth(value, _sdp.Bandwidths);
            case 't':
                return ReadTiming(value);
            case 'r':
                return ReadRepeat(value);
            case 'z':
                return SetOnce(_sdp.TimeZoneAdjustments, value, v => _sdp.TimeZoneAdjustments = v);
            case 'k':
                return SetOnce(_sdp.EncryptionKey, value, v => _sdp.EncryptionKey = v);
            case 'a':
                return ReadAttribute(value, _sdp.Attributes);
            case 'm':
                return ReadMediaStart(value);
            default:
                return IsKnownType(type)
                    ? "this line may appear only once, at the start of the description (RFC 8866 §5)"
                    : "unknown line type (RFC 8866 §5 lets a parser reject descriptions with unknown types)";
        }
    }

    private string? ReadMediaLine(char type, string value)
    {
        var media = _media!;
        switch (type)
        {
            case 'm':
                return ReadMediaStart(value);
            case 'i':
                return SetOnce(media.Information, value, v => media.Information = v);
            case 'c':
                if (!SdpFieldParser.TryParseConnection(value, out var connection, out var reason))
                {
                    return reason;
                }

                media.Connections.Add(connection);
                return null;
            case 'b':
                return ReadBandwidth(value, media.Bandwidths);
            case 'k':
                return SetOnce(media.EncryptionKey, value, v => media.EncryptionKey = v);
            case 'a':
                return ReadAttribute(value, media.Attributes);
            default:
                return IsKnownType(type)
                    ? "this line type is not allowed inside a media section (RFC 8866 §5)"
                    : "unknown line type (RFC 8866 §5 lets a parser reject descriptions with unknown types)";
        }
    }

    private static string? SetOnce(string? current, string value, Action<string> set)
    {
        if (current is not null)
        {
            return "this line may appear at most once here (RFC 8866 §5)";
        }

        set(value);
        return null;
    }

    private string? ReadSessionConnection(string value)
    {
        if (_sdp.Connection is not null)
        {
            return "only one session-level c= line is allowed (RFC 8866 §5.7)";
        }

        if (!SdpFieldParser.TryParseConnection(value, out var connection, out var reason))
        {
            return reason;
        }

        _sdp.Connection = connection;
        return null;
    }

    private static string? ReadBandwidth(string value, IList<SdpBandwidth> target)
    {
        if (!SdpFieldParser.TryParseBandwidth(value, out var bandwidth, out var reason))
        {
            return reason;
        }

        target.Add(bandwidth);
        return null;
    }

    private string? ReadTiming(string value)
    {
        if (!SdpFieldParser.TryParseTiming(value, out var timing, out var reason))
        {
            return reason;
        }

        _sdp.Timings.Add(timing);
        return null;
    }

    private string? ReadRepeat(string value)
    {
        if (_sdp.Timings.Count == 0)
        {
            return "r= must follow a t= line (RFC 8866 §5.10)";
        }

        _sdp.Timings[^1].RepeatTimes.Add(value);
        return null;
    }

    private static string? ReadAttribute(string value, IList<SdpAttribute> target)
    {
        if (!SdpFieldParser.TryParseAttribute(value, out var attribute, out var reason))
        {
            return reason;
        }

        target.Add(attribute);
        return null;
    }

    private string? ReadMediaStart(string value)
    {
        if (_sdp.Timings.Count == 0)
        {
            return "m= before any t= line; the session part needs a t= line (RFC 8866 §5.9)";
        }

        if (_sdp.Media.Count >= SdpParser.MaxMediaSections)
        {
            return $"more than {SdpParser.MaxMediaSections} media sections";
        }

        if (!SdpFieldParser.TryParseMedia(value, out var media, out var reason))
        {
            return reason;
        }

        _sdp.Media.Add(media);
        _media = media;
        _stage = Stage.Media;
        return null;
    }
}
