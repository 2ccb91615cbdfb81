namespace CallGateway.Settings;

/// <summary>Whether users can call the business now, by its call hours and holidays in its own time zone.</summary>
/// <param name="Open">True when a user-initiated call would be offered now.</param>
/// <param name="Reason">One of <see cref="OpenNowReasons"/>: within_operating_hours, outside_operating_hours, holiday,
/// call_hours_disabled, calling_disabled, unknown_timezone.</param>
/// <param name="NextOpening">When closed: the next opening, with the business's UTC offset at that moment (null: never, or open now).</param>
/// <param name="ClosesAt">When open within call hours: when this opening ends (adjacent openings merged).</param>
/// <param name="Timezone">The business's IANA time zone (UTC when call hours name none).</param>
/// <param name="LocalTime">The moment evaluated, in the business's time zone.</param>
public sealed record OpenNowStatus(bool Open, string Reason, DateTimeOffset? NextOpening, DateTimeOffset? ClosesAt, string Timezone, DateTimeOffset LocalTime);
