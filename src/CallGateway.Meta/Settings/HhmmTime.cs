using System.Globalization;

namespace CallGateway.Meta.Settings;

/// <summary>Meta's call-hours times: four digits HHMM from 0000 to 2359 (e.g. "1130" is 11:30).</summary>
public static class HhmmTime
{
    /// <summary>Minutes in a day: a closing time of 2359 counts as the end of the day.</summary>
    public const int EndOfDay = 24 * 60;

    /// <summary>Minutes since midnight, or false when the text is not HHMM within 0000-2359.</summary>
    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        if (text is not { Length: 4 } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hours = int.Parse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var mins = int.Parse(text.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        return true;
    }

    /// <summary>A closing time in minutes: 2359 means "until midnight" (1440), so a day can be open to its end.</summary>
    public static int ClosingMinutes(int minutes) => minutes == EndOfDay - 1 ? EndOfDay : minutes;

    public static string Format(int minutes) =>
        (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);
}
