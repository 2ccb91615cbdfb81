namespace CallGateway.Persistence;

/// <summary>Where call records and the webhook inbox live. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; relative paths are relative to the working directory.</summary>
    public string SqlitePath { get; set; } = "data/callgateway.db";
}

public enum StorageProvider
{
    Sqlite,
}
