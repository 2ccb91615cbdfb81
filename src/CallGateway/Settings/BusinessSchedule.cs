using System.Globalization;
using CallGateway.Meta.Settings;

namespace CallGateway.Settings;

/// <summary>
/// Call hours parsed for evaluation: weekly openings minus the holiday closures of a date, as instants. Entries that
/// break Meta's rules are skipped (Meta would not have stored them).
/// </summary>
public sealed class BusinessSchedule
{
    private readonly Dictionary<DayOfWeek, List<(int Open, int Close)>> _weekly = [];
    private readonly Dictionary<DateOnly, List<(int Start, int End)>> _holidays = [];

    public BusinessSchedule(CallHoursSettings hours, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        Zone = zone;
        foreach (var entry in hours.WeeklyOperatingHours ?? [])
        {
            if (SettingsValues.ParseDayOfWeek(entry?.DayOfWeek) is { } day && Minutes(entry!.OpenTime, entry.CloseTime) is { } slot)
            {
                Add(_weekly, day, slot);
            }
        }

        foreach (var entry in hours.HolidaySchedule ?? [])
        {
            if (DateOnly.TryParseExact(entry?.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && Minutes(entry!.StartTime, entry.EndTime) is { } closure)
            {
                Add(_holidays, date, closure);
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public bool HasWeeklyHours => _weekly.Count > 0;

    /// <summary>The openings of a local date (weekly hours minus that date's holiday closures), earliest first.</summary>
    public IReadOnlyList<Interval> Openings(DateOnly date)
    {
        var closures = _holidays.GetValueOrDefault(date) ?? [];
        var pieces = (_weekly.GetValueOrDefault(date.DayOfWeek) ?? []).ToList();
        foreach (var (start, end) in closures)
        {
            pieces = pieces.SelectMany(p => Subtract(p, start, end)).ToList();
        }

        return ToIntervals(date, pieces);
    }

    /// <summary>The holiday closures of a local date, as instants.</summary>
    public IReadOnlyList<Interval> Closures(DateOnly date) => ToIntervals(date, _holidays.GetValueOrDefault(date) ?? []);

    private List<Interval> ToIntervals(DateOnly date, IEnumerable<(int From, int To)> minutes) =>
        minutes.Select(m => new Interval(ZoneClock.ToInstant(date, m.From, Zone), ZoneClock.ToInstant(date, m.To, Zone)))
            .Where(i => i.Start < i.End) // an opening entirely inside a spring-forward gap never happens
            .OrderBy(i => i.Start)
            .ToList();

    private static IEnumerable<(int Open, int Close)> Subtract((int Open, int Close) slot, int start, int end)
    {
        if (end <= slot.Open || start >= slot.Close)
        {
            yield return slot;
            yield break;
        }

        if (start > slot.Open)
        {
            yield return (slot.Open, start);
        }

        if (end < slot.Close)
        {
            yield return (end, slot.Close);
        }
    }

    private static (int, int)? Minutes(string? from, string? to) =>
        HhmmTime.TryParse(from, out var start) && HhmmTime.TryParse(to, out var end) && start < end
            ? (start, HhmmTime.ClosingMinutes(end))
            : null;

    private static void Add<TKey>(Dictionary<TKey, List<(int, int)>> map, TKey key, (int, int) slot)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(slot);
    }

    /// <summary>A half-open span of time [Start, End).</summary>
    public readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
    }
}
