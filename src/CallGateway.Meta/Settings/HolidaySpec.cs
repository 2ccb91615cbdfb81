namespace CallGateway.Meta.Settings;

/// <summary>One <c>holiday_schedule</c> entry: <c>date</c> (YYYY-MM-DD), closed from <c>start_time</c> to <c>end_time</c> (HHMM).</summary>
public sealed record HolidaySpec(string? Date, string? StartTime, string? EndTime);
