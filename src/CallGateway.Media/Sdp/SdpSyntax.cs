using System.Globalization;

namespace CallGateway.Media.Sdp;

/// <summary>Lexical helpers for the RFC 8866 §9 grammar. Nothing here throws.</summary>
internal static class SdpSyntax
{
    /// <summary>Splits a field list on SP. Runs of spaces are tolerated (an empty field is never produced).</summary>
    public static string[] SplitFields(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>RFC 8866 §9: token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E.</summary>
    public static bool IsTokenChar(char c) =>
        c == '!' || (c >= '#' && c <= '\'') || c == '*' || c == '+' || c == '-' || c == '.' ||
        (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= '^' && c <= '~');

    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 8866 §9: proto = token *("/" token).</summary>
    public static bool IsProto(string value)
    {
        foreach (var part in value.Split('/'))
        {
            if (!IsToken(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1*DIGIT, ASCII only (char.IsDigit would accept other scripts' digits).</summary>
    public static bool IsDigits(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParseUInt64(ReadOnlySpan<char> value, out ulong result)
    {
        result = 0;
        return IsDigits(value) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryParseUInt32(ReadOnlySpan<char> value, out uint result)
    {
        result = 0;
        return IsDigits(value) && uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>Parses 1*DIGIT into <paramref name="result"/> when it lies in [min, max].</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> value, int min, int max, out int result)
    {
        result = 0;
        if (!IsDigits(value) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        if (parsed < min || parsed > max)
        {
            return false;
        }

        result = parsed;
        return true;
    }
}
