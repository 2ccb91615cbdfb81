namespace CallGateway.Meta.Settings;

/// <summary>The checks Meta applies to <c>call_hours</c>; each has Meta's own error text (<see cref="CallHoursViolation.MetaMessage"/>).</summary>
public enum CallHoursRule
{
    /// <summary>A status that is not ENABLED or DISABLED.</summary>
    InvalidStatus,

    /// <summary>A time that is not HHMM 0000-2359, open not before close, or an unknown day of the week.</summary>
    InvalidSchedule,

    /// <summary>A holiday before today in the business's time zone.</summary>
    PastHoliday,

    /// <summary>A missing or unknown IANA time zone.</summary>
    InvalidTimezone,

    /// <summary>No weekly hours while call hours are enabled.</summary>
    EmptyWeeklyHours,

    /// <summary>A holiday date that is not YYYY-MM-DD.</summary>
    InvalidHolidayDate,

    /// <summary>More than 2 weekly entries for one day.</summary>
    TooManyEntriesPerDay,

    /// <summary>Two entries of one day (or one holiday date) that overlap.</summary>
    OverlappingSchedule,

    /// <summary>More than 20 holiday entries.</summary>
    TooManyHolidays,
}
