namespace CallGateway.Settings;

/// <summary>Meta accepted the settings. <paramref name="Warnings"/> lists side effects worth knowing (e.g. holidays deleted).</summary>
public sealed record SettingsUpdateResponse(bool Success, IReadOnlyList<string> Warnings);
