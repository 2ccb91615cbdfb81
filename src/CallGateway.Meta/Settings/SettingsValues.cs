namespace CallGateway.Meta.Settings;

/// <summary>The enumerated values of the calling settings (calling-api-reference.txt, "Configure or update calling settings").</summary>
public static class SettingsValues
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";

    /// <summary><c>status</c>, <c>callback_permission_status</c>, <c>call_hours.status</c> and <c>sip.status</c>.</summary>
    public static readonly IReadOnlyList<string> Statuses = [Enabled, Disabled];

    /// <summary><c>call_icon_visibility</c>.</summary>
    public static readonly IReadOnlyList<string> CallIconVisibilities = ["DEFAULT", "DISABLE_ALL"];

    /// <summary><c>day_of_week</c>, in .NET's <see cref="System.DayOfWeek"/> order (Sunday first).</summary>
    public static readonly IReadOnlyList<string> DaysOfWeek = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

    public static bool IsStatus(string? value) => value is not null && Statuses.Contains(value, StringComparer.Ordinal);

    public static bool IsCallIconVisibility(string? value) => value is not null && CallIconVisibilities.Contains(value, StringComparer.Ordinal);

    /// <summary>The .NET day for Meta's <c>day_of_week</c>, or null when it is not one of the seven names.</summary>
    public static DayOfWeek? ParseDayOfWeek(string? value)
    {
        var index = value is null ? -1 : DaysOfWeek.ToList().IndexOf(value);
        return index < 0 ? null : (DayOfWeek)index;
    }
}
