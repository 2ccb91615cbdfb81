namespace CallGateway.Settings;

/// <summary>Open hours on one day of the week.</summary>
/// <param name="DayOfWeek">MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY.</param>
/// <param name="OpenTime">HHMM, 0000-2359, e.g. 0900.</param>
/// <param name="CloseTime">HHMM after openTime, e.g. 1730; 2359 means until midnight.</param>
public sealed record WeeklyHoursEntry(string? DayOfWeek, string? OpenTime, string? CloseTime);
