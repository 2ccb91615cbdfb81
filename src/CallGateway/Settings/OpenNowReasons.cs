namespace CallGateway.Settings;

/// <summary>Why the business is open or closed (<see cref="OpenNowStatus.Reason"/>).</summary>
public static class OpenNowReasons
{
    public const string WithinOperatingHours = "within_operating_hours";
    public const string OutsideOperatingHours = "outside_operating_hours";
    public const string Holiday = "holiday";

    /// <summary>Call hours are off: Meta treats the business as open around the clock.</summary>
    public const string CallHoursDisabled = "call_hours_disabled";

    /// <summary>Calling itself is DISABLED on the number: nobody can call.</summary>
    public const string CallingDisabled = "calling_disabled";

    /// <summary>The stored time zone is not one this machine knows; treated as open rather than turning callers away.</summary>
    public const string UnknownTimezone = "unknown_timezone";
}
