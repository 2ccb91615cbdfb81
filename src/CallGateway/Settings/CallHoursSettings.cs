using CallGateway.Meta.Settings;

namespace CallGateway.Settings;

/// <summary>Call hours: the time zone, the weekly hours and the holiday closures (<c>call_hours</c> at Meta).</summary>
/// <param name="Status">ENABLED or DISABLED (disabled: open around the clock).</param>
/// <param name="TimezoneId">IANA time zone, e.g. America/Manaus.</param>
/// <param name="WeeklyOperatingHours">At most 2 entries per day, no overlaps; required when enabled.</param>
/// <param name="HolidaySchedule">Up to 20 closures. Leave it out and Meta deletes the stored holidays (the response warns).</param>
public sealed record CallHoursSettings(
    string? Status,
    string? TimezoneId,
    IReadOnlyList<WeeklyHoursEntry>? WeeklyOperatingHours,
    IReadOnlyList<HolidayEntry>? HolidaySchedule)
{
    public CallHoursSpec ToSpec() => new(
        Status,
        TimezoneId,
        WeeklyOperatingHours?.Select(e => e is null ? null : new WeeklyHoursSpec(e.DayOfWeek, e.OpenTime, e.CloseTime)).ToList(),
        HolidaySchedule?.Select(e => e is null ? null : new HolidaySpec(e.Date, e.StartTime, e.EndTime)).ToList());
}
