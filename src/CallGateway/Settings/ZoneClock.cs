namespace CallGateway.Settings;

/// <summary>
/// Wall-clock times of a day in a time zone, as instants, the way a person reading the clock on the wall sees them:
/// a time skipped by a spring-forward jump happens at the jump (02:30 on the US change day is reached at 03:00 EDT);
/// a time repeated by a fall-back happens at its first occurrence.
/// </summary>
public static class ZoneClock
{
    /// <param name="minutes">Minutes after the start of <paramref name="date"/>; 1440 is the next midnight.</param>
    public static DateTimeOffset ToInstant(DateOnly date, int minutes, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minutes);
        // A gap lasts an hour in most zones; bound the walk at two days (Samoa skipped one in 2011).
        for (var i = 0; i < 2 * 24 * 60 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The local calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
