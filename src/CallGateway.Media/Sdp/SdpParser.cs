using System.Diagnostics.CodeAnalysis;

namespace CallGateway.Media.Sdp;

/// <summary>
/// Parses SDP text (RFC 8866) into a <see cref="SessionDescription"/>. The text comes from the network (Meta's
/// webhooks, a browser), so the parser is bounded (<see cref="MaxLength"/>, <see cref="MaxLines"/>,
/// <see cref="MaxMediaSections"/>), strict on the mandatory lines, and never throws.
/// </summary>
/// <remarks>
/// RFC 8866 §5 requires CRLF, but LF-only text is accepted (a line's trailing CR is optional), as are blank lines
/// and a missing final line ending. Errors name the 1-based line number, the line type and the rule broken; they
/// never quote the line, because SDP carries the ICE password.
/// </remarks>
public static class SdpParser
{
    /// <summary>Largest accepted text, in UTF-16 characters (64 KiB).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Most lines accepted, blank lines included.</summary>
    public const int MaxLines = 1000;

    /// <summary>Most <c>m=</c> sections accepted.</summary>
    public const int MaxMediaSections = 16;

    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? sdp, [NotNullWhen(false)] out string? error)
    {
        sdp = null;
        error = CheckLimits(text);
        if (error is not null)
        {
            return false;
        }

        var reader = new SdpReader();
        var lineNumber = 0;
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (++lineNumber > MaxLines)
            {
                error = $"SDP has more than {MaxLines} lines";
                return false;
            }

            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (!line.IsEmpty && !TryReadLine(reader, lineNumber, line, out error))
            {
                return false;
            }
        }

        return reader.TryFinish(out sdp, out error);
    }

    private static string? CheckLimits(string? text)
    {
        if (text is null)
        {
            return "SDP text is null";
        }

        if (text.Length > MaxLength)
        {
            return $"SDP is {text.Length} characters long; the limit is {MaxLength}";
        }

        return text.Contains('\0', StringComparison.Ordinal) ? "SDP contains a NUL character (RFC 8866 §5)" : null;
    }

    private static bool TryReadLine(SdpReader reader, int lineNumber, ReadOnlySpan<char> line, [NotNullWhen(false)] out string? error)
    {
        if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
        {
            error = $"line {lineNumber}: expected '<type>=<value>' with a single lowercase type letter (RFC 8866 §5)";
            return false;
        }

        if (line.Contains('\r'))
        {
            error = $"line {lineNumber} ({line[0]}=): carriage return inside the line; lines end with CRLF or LF (RFC 8866 §5)";
            return false;
        }

        var reason = reader.Read(line[0], line[2..].ToString());
        error = reason is null ? null : $"line {lineNumber} ({line[0]}=): {reason}";
        return reason is null;
    }
}
