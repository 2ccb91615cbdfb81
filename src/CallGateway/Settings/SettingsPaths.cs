using System.Text;

namespace CallGateway.Settings;

/// <summary>Field paths: Meta's snake_case path to this API's error key (<c>call_hours.weekly_operating_hours[1].open_time</c> to <c>CallHours.WeeklyOperatingHours[1].OpenTime</c>).</summary>
public static class SettingsPaths
{
    public static string ToRest(string metaPath)
    {
        ArgumentNullException.ThrowIfNull(metaPath);
        var result = new StringBuilder(metaPath.Length);
        var upper = true;
        foreach (var c in metaPath)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = c == '.';
        }

        return result.ToString();
    }
}
