namespace CallGateway.Meta.Settings;

/// <summary>
/// The <c>call_hours</c> object of <c>POST /{phone-number-id}/settings</c>, as plain strings so that anything a client
/// or a test sends can be checked (calling-api-reference.txt, "Call hours").
/// </summary>
/// <param name="Status"><c>ENABLED</c> or <c>DISABLED</c> (disabled: open around the clock).</param>
/// <param name="TimezoneId">An IANA time zone, e.g. <c>America/Manaus</c>.</param>
/// <param name="WeeklyOperatingHours">At most 2 entries per day, no overlaps; not empty when enabled.</param>
/// <param name="HolidaySchedule">Up to 20 closures on given dates. Omitting it makes Meta delete the stored schedule.</param>
/// <remarks>Entries may be null (a JSON <c>null</c> in the list): that is reported as an invalid schedule.</remarks>
public sealed record CallHoursSpec(
    string? Status,
    string? TimezoneId,
    IReadOnlyList<WeeklyHoursSpec?>? WeeklyOperatingHours,
    IReadOnlyList<HolidaySpec?>? HolidaySchedule);
