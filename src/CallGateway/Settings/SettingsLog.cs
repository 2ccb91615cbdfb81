namespace CallGateway.Settings;

internal static partial class SettingsLog
{
    /// <summary>Logs which fields changed, by name only: values (SIP hosts, passwords) stay out of the logs.</summary>
    public static void Updated(ILogger logger, CallingSettings settings, int warningCount)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var fields = string.Join(", ", new[]
        {
            settings.Status is null ? null : "status",
            settings.CallIconVisibility is null ? null : "callIconVisibility",
            settings.CallbackPermissionStatus is null ? null : "callbackPermissionStatus",
            settings.CallHours is null ? null : "callHours",
            settings.Sip is null ? null : "sip",
        }.OfType<string>());
        LogUpdated(logger, fields, warningCount);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Calling settings updated at Meta: {Fields} ({WarningCount} warnings)")]
    private static partial void LogUpdated(ILogger logger, string fields, int warningCount);
}
