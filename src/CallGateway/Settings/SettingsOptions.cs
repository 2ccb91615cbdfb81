namespace CallGateway.Settings;

/// <summary>
/// Bound from the <c>Settings</c> section:
/// <code>"Settings": { "OpenNowCacheSeconds": 60 }</code>
/// </summary>
public sealed class SettingsOptions
{
    public const string SectionName = "Settings";

    /// <summary>How long the settings fetched from Meta for <c>GET /api/settings/open-now</c> are reused (0: always fetch).</summary>
    public int OpenNowCacheSeconds { get; set; } = 60;
}
