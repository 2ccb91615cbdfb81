namespace CallGateway.Meta.Settings;

/// <summary>One broken rule: which, where (a snake_case path in Meta's body, e.g. <c>call_hours.weekly_operating_hours[1].open_time</c>) and why.</summary>
public sealed record CallHoursViolation(CallHoursRule Rule, string Path, string Detail)
{
    /// <summary>
    /// Meta's error text for the rule (calling-api-reference.txt, settings errors). Meta documents no text for the
    /// holiday count; that one is ours.
    /// </summary>
    public string MetaMessage => MessageOf(Rule);

    /// <summary>Meta's text followed by the specifics, e.g. "Overlapping schedule in call_hours is not allowed: MONDAY 0900-1200 overlaps 1100-1300.".</summary>
    public string Message => $"{MetaMessage}: {Detail}";

    public static string MessageOf(CallHoursRule rule) => rule switch
    {
        CallHoursRule.InvalidStatus => "Invalid status",
        CallHoursRule.InvalidSchedule => "Invalid schedule for call_hours",
        CallHoursRule.PastHoliday => "Holiday given in call_hours is a past date",
        CallHoursRule.InvalidTimezone => "Timezone is invalid in call_hours",
        CallHoursRule.EmptyWeeklyHours => "weekly_operating_hours in call_hours cannot be empty",
        CallHoursRule.InvalidHolidayDate => "Date format in holiday_schedule for call_hours is invalid",
        CallHoursRule.TooManyEntriesPerDay => "More than 2 entries not allowed in weekly_operating_hours schedule in call_hours",
        CallHoursRule.OverlappingSchedule => "Overlapping schedule in call_hours is not allowed",
        CallHoursRule.TooManyHolidays => "More than 20 entries not allowed in holiday_schedule in call_hours",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
