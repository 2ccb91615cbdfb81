namespace CallGateway.Meta.Settings;

/// <summary>One <c>weekly_operating_hours</c> entry: <c>day_of_week</c> (MONDAY..SUNDAY), <c>open_time</c> and <c>close_time</c> as HHMM.</summary>
public sealed record WeeklyHoursSpec(string? DayOfWeek, string? OpenTime, string? CloseTime);
