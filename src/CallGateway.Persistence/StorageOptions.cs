using Microsoft.Extensions.Options;
using Npgsql;

namespace CallGateway.Persistence;

/// <summary>Where call records and the webhook inbox live. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; relative paths are relative to the working directory.</summary>
    public string SqlitePath { get; set; } = "data/callgateway.db";

    /// <summary>
    /// Npgsql connection string, used when <see cref="Provider"/> is <c>Postgres</c>
    /// (<c>Host=db;Database=callgateway;Username=callgateway;Password=…</c>). Secret: it holds a password and is
    /// never logged, not even in validation messages.
    /// </summary>
    public string? PostgresConnectionString { get; set; }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Start-up checks of <see cref="StorageOptions"/>; messages name the key, never the connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite when string.IsNullOrWhiteSpace(options.SqlitePath) =>
                ValidateOptionsResult.Fail("Storage:SqlitePath is required when Storage:Provider is Sqlite."),
            StorageProvider.Sqlite => ValidateOptionsResult.Success,
            StorageProvider.Postgres => ValidatePostgres(options.PostgresConnectionString),
            _ => ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Postgres."),
        };
    }

    private static ValidateOptionsResult ValidatePostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:PostgresConnectionString is required when Storage:Provider is Postgres (environment variable "
                + "Storage__PostgresConnectionString), e.g. Host=db;Database=callgateway;Username=callgateway;Password=...");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message can quote part of the string (a password with a stray ';'): do not pass it on.
            return ValidateOptionsResult.Fail(
                "Storage:PostgresConnectionString is not a valid Npgsql connection string (Key=Value pairs separated by ';'; "
                + "quote values that contain ';'). The value is not shown because it holds a password.");
        }

        return string.IsNullOrWhiteSpace(parsed.Host)
            ? ValidateOptionsResult.Fail("Storage:PostgresConnectionString must name the server (Host=...).")
            : ValidateOptionsResult.Success;
    }
}
