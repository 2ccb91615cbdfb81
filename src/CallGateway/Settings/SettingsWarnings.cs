namespace CallGateway.Settings;

/// <summary>Side effects of a settings update that Meta applies silently, told to the caller up front.</summary>
public static class SettingsWarnings
{
    public static IReadOnlyList<string> For(CallingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var warnings = new List<string>();
        if (settings.CallHours is { HolidaySchedule: null })
        {
            warnings.Add("callHours.holidaySchedule was left out: Meta deletes the stored holiday schedule when call_hours comes without it. "
                + "Send the full list every time to keep it.");
        }

        if (string.Equals(settings.Sip?.Status, "ENABLED", StringComparison.Ordinal))
        {
            warnings.Add("sip.status is ENABLED: Meta turns off the Graph calling endpoints (error 131055) and calling webhooks for this number, "
                + "so this gateway's call API stops working for it.");
        }

        if (settings.Sip?.Servers?.Any(s => s?.SipUserPassword is not null) == true)
        {
            warnings.Add("sip.servers[].sipUserPassword was ignored: Meta generates the SIP password.");
        }

        return warnings;
    }
}
