using System.Globalization;

namespace CallGateway.Meta.Settings;

/// <summary>
/// Meta's validation rules for <c>call_hours</c> (calling-api-reference.txt, "Call hours" and its error list), as a
/// pure function: the gateway checks a request with them before sending it, and the sandbox answers with them like
/// Meta does. Every broken rule is reported, each once, with the entry it concerns.
/// </summary>
public static class CallHoursRules
{
    public const int MaxEntriesPerDay = 2;
    public const int MaxHolidays = 20;

    private const string Root = "call_hours";

    /// <param name="now">The current instant: a holiday before today (in the business's time zone) is refused.</param>
    public static IReadOnlyList<CallHoursViolation> Validate(CallHoursSpec hours, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var violations = new List<CallHoursViolation>();
        if (!SettingsValues.IsStatus(hours.Status))
        {
            violations.Add(new(CallHoursRule.InvalidStatus, $"{Root}.status", $"status must be ENABLED or DISABLED (got {Quote(hours.Status)})."));
        }

        if (!IanaTimeZones.TryFind(hours.TimezoneId, out var zone))
        {
            violations.Add(new(CallHoursRule.InvalidTimezone, $"{Root}.timezone_id", hours.TimezoneId is null
                ? "timezone_id is required: an IANA time zone such as America/Manaus."
                : $"{Quote(hours.TimezoneId)} is not an IANA time zone id (e.g. America/Manaus, Europe/Berlin, Asia/Kolkata)."));
        }

        CheckWeekly(hours, violations);
        CheckHolidays(hours.HolidaySchedule, zone, now, violations);
        return violations;
    }

    private static void CheckWeekly(CallHoursSpec hours, List<CallHoursViolation> violations)
    {
        var entries = hours.WeeklyOperatingHours ?? [];
        if (entries.Count == 0 && string.Equals(hours.Status, SettingsValues.Enabled, StringComparison.Ordinal))
        {
            violations.Add(new(CallHoursRule.EmptyWeeklyHours, $"{Root}.weekly_operating_hours",
                "call hours are ENABLED but no weekly hours are given: add at least one entry, or set status DISABLED."));
        }

        var slots = new List<Slot>();
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"{Root}.weekly_operating_hours[{i}]";
            var entry = entries[i];
            if (entry is null)
            {
                violations.Add(new(CallHoursRule.InvalidSchedule, path, "the entry is empty."));
                continue;
            }

            var day = SettingsValues.ParseDayOfWeek(entry.DayOfWeek);
            if (day is null)
            {
                violations.Add(new(CallHoursRule.InvalidSchedule, $"{path}.day_of_week", $"day_of_week must be one of MONDAY to SUNDAY (got {Quote(entry.DayOfWeek)})."));
            }

            if (Times(entry.OpenTime, entry.CloseTime, path, "open_time", "close_time", violations) is { } times && day is not null)
            {
                slots.Add(new Slot(entry.DayOfWeek!, times.Open, times.Close, path));
            }
        }

        foreach (var day in slots.GroupBy(s => s.Key))
        {
            var list = day.ToList();
            if (list.Count > MaxEntriesPerDay)
            {
                violations.Add(new(CallHoursRule.TooManyEntriesPerDay, list[MaxEntriesPerDay].Path,
                    $"{day.Key} has {list.Count} entries; at most {MaxEntriesPerDay} per day are allowed."));
            }

            CheckOverlaps(list, violations);
        }
    }

    private static void CheckHolidays(IReadOnlyList<HolidaySpec?>? holidays, TimeZoneInfo? zone, DateTimeOffset now, List<CallHoursViolation> violations)
    {
        if (holidays is null)
        {
            return;
        }

        if (holidays.Count > MaxHolidays)
        {
            violations.Add(new(CallHoursRule.TooManyHolidays, $"{Root}.holiday_schedule", $"{holidays.Count} entries given; at most {MaxHolidays} are allowed."));
        }

        DateOnly? today = zone is null ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var slots = new List<Slot>();
        for (var i = 0; i < holidays.Count; i++)
        {
            var path = $"{Root}.holiday_schedule[{i}]";
            var entry = holidays[i];
            if (entry is null)
            {
                violations.Add(new(CallHoursRule.InvalidSchedule, path, "the entry is empty."));
                continue;
            }

            var dateValid = DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!dateValid)
            {
                violations.Add(new(CallHoursRule.InvalidHolidayDate, $"{path}.date", $"date must be YYYY-MM-DD, e.g. 2026-01-01 (got {Quote(entry.Date)})."));
            }
            else if (today is { } t && date < t)
            {
                violations.Add(new(CallHoursRule.PastHoliday, $"{path}.date",
                    $"{entry.Date} is before today ({t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} in {zone!.Id})."));
            }

            if (Times(entry.StartTime, entry.EndTime, path, "start_time", "end_time", violations) is { } times && dateValid)
            {
                slots.Add(new Slot(entry.Date!, times.Open, times.Close, path));
            }
        }

        foreach (var date in slots.GroupBy(s => s.Key))
        {
            CheckOverlaps(date.ToList(), violations);
        }
    }

    /// <summary>Both times as minutes when both are HHMM and the first is before the second; otherwise reports why.</summary>
    private static (int Open, int Close)? Times(string? open, string? close, string path, string openName, string closeName, List<CallHoursViolation> violations)
    {
        var openValid = HhmmTime.TryParse(open, out var openMinutes);
        var closeValid = HhmmTime.TryParse(close, out var closeMinutes);
        if (!openValid)
        {
            violations.Add(new(CallHoursRule.InvalidSchedule, $"{path}.{openName}", $"{openName} must be HHMM from 0000 to 2359, e.g. 0930 (got {Quote(open)})."));
        }

        if (!closeValid)
        {
            violations.Add(new(CallHoursRule.InvalidSchedule, $"{path}.{closeName}", $"{closeName} must be HHMM from 0000 to 2359, e.g. 1730 (got {Quote(close)})."));
        }

        if (!openValid || !closeValid)
        {
            return null;
        }

        if (openMinutes >= closeMinutes)
        {
            violations.Add(new(CallHoursRule.InvalidSchedule, $"{path}.{closeName}", $"{openName} {open} must be before {closeName} {close}."));
            return null;
        }

        return (openMinutes, closeMinutes);
    }

    /// <summary>Entries of one day (or date) must not overlap; touching (1200-1300 after 0900-1200) is fine.</summary>
    private static void CheckOverlaps(List<Slot> slots, List<CallHoursViolation> violations)
    {
        for (var later = 1; later < slots.Count; later++)
        {
            var b = slots[later];
            if (slots.Take(later).FirstOrDefault(a => a.Open < b.Close && b.Open < a.Close) is { } a)
            {
                violations.Add(new(CallHoursRule.OverlappingSchedule, b.Path,
                    $"{b.Key} {HhmmTime.Format(b.Open)}-{HhmmTime.Format(b.Close)} overlaps {HhmmTime.Format(a.Open)}-{HhmmTime.Format(a.Close)}."));
            }
        }
    }

    private static string Quote(string? value) => value switch
    {
        null => "nothing",
        { Length: > 40 } => $"'{value[..40]}…'",
        _ => $"'{value}'",
    };

    private sealed record Slot(string Key, int Open, int Close, string Path);
}
