using CallGateway.Meta.Settings;

namespace CallGateway.Settings;

/// <summary>
/// Is the business open now? Pure: the answer depends only on the settings and the clock (<see cref="TimeProvider"/>).
/// Times are wall-clock times in the business's time zone, so openings move with daylight saving time
/// (see <see cref="ZoneClock"/> for the skipped and repeated hours).
/// </summary>
public sealed class BusinessHoursCalculator(TimeProvider time)
{
    /// <summary>How far ahead to look for the next opening (20 holidays cannot close more than this).</summary>
    private const int SearchDays = 400;

    public OpenNowStatus Evaluate(CallingSettings settings) => Evaluate(settings, time.GetUtcNow());

    public static OpenNowStatus Evaluate(CallingSettings settings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hours = settings.CallHours;
        var known = IanaTimeZones.TryFind(hours?.TimezoneId ?? "UTC", out var zone);
        zone ??= TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (string.Equals(settings.Status, SettingsValues.Disabled, StringComparison.Ordinal))
        {
            return new OpenNowStatus(false, OpenNowReasons.CallingDisabled, null, null, zone.Id, local);
        }

        if (hours is null || !string.Equals(hours.Status, SettingsValues.Enabled, StringComparison.Ordinal))
        {
            return new OpenNowStatus(true, OpenNowReasons.CallHoursDisabled, null, null, zone.Id, local);
        }

        if (!known)
        {
            return new OpenNowStatus(true, OpenNowReasons.UnknownTimezone, null, null, hours.TimezoneId ?? "", local);
        }

        var schedule = new BusinessSchedule(hours, zone);
        var today = ZoneClock.DateOf(at, zone);
        var current = Window(schedule, today.AddDays(-1), 3).FirstOrDefault(i => i.Contains(at));
        if (current != default)
        {
            return new OpenNowStatus(true, OpenNowReasons.WithinOperatingHours, null, InZone(ClosesAt(schedule, current, today), zone), zone.Id, local);
        }

        var holiday = Enumerable.Range(-1, 3).SelectMany(d => schedule.Closures(today.AddDays(d))).Any(c => c.Contains(at));
        var next = NextOpening(schedule, today, at);
        return new OpenNowStatus(false, holiday ? OpenNowReasons.Holiday : OpenNowReasons.OutsideOperatingHours,
            next is { } n ? InZone(n, zone) : null, null, zone.Id, local);
    }

    /// <summary>The end of the current opening, carried on through openings that start exactly when it ends (e.g. 2359 then 0000).</summary>
    private static DateTimeOffset ClosesAt(BusinessSchedule schedule, BusinessSchedule.Interval current, DateOnly today)
    {
        var end = current.End;
        foreach (var next in Window(schedule, today, 9))
        {
            if (next.Start <= end && next.End > end)
            {
                end = next.End;
            }
        }

        return end;
    }

    private static DateTimeOffset? NextOpening(BusinessSchedule schedule, DateOnly today, DateTimeOffset at)
    {
        if (!schedule.HasWeeklyHours)
        {
            return null;
        }

        for (var day = 0; day <= SearchDays; day++)
        {
            var opening = schedule.Openings(today.AddDays(day)).Where(i => i.Start > at).Select(i => (DateTimeOffset?)i.Start).FirstOrDefault();
            if (opening is not null)
            {
                return opening;
            }
        }

        return null;
    }

    private static IEnumerable<BusinessSchedule.Interval> Window(BusinessSchedule schedule, DateOnly first, int days) =>
        Enumerable.Range(0, days).SelectMany(d => schedule.Openings(first.AddDays(d)));

    private static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
