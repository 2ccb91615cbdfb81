namespace CallGateway.Media.Dtmf;

/// <summary>Mapping between DTMF key characters and RFC 4733 section 3.2 event codes (0-9, * = 10, # = 11, A-D = 12-15).</summary>
public static class DtmfDigits
{
    private const string Keys = "0123456789*#ABCD";

    /// <summary>Maps a key ('0'-'9', '*', '#', 'A'-'D', case-insensitive) to its event code.</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = index < 0 ? (byte)0 : (byte)index;
        return index >= 0;
    }

    /// <summary>Maps an event code 0-15 to its key character (upper-case for A-D).</summary>
    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        if (eventCode < Keys.Length)
        {
            digit = Keys[eventCode];
            return true;
        }

        digit = '\0';
        return false;
    }

    /// <summary>True if every character of <paramref name="digits"/> is a DTMF key.</summary>
    public static bool AreValid(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!TryGetEventCode(c, out _))
            {
                return false;
            }
        }

        return true;
    }
}
