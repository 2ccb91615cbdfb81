namespace CallGateway.Settings;

/// <summary>A closure on one date, overriding the weekly hours: closed from startTime to endTime.</summary>
/// <param name="Date">YYYY-MM-DD, today or later in the business's time zone.</param>
/// <param name="StartTime">HHMM, e.g. 0000.</param>
/// <param name="EndTime">HHMM after startTime; 2359 means until midnight.</param>
public sealed record HolidayEntry(string? Date, string? StartTime, string? EndTime);
